"""Widgets that more than one tab uses: a bar chart, a message banner, picture conversions and plot export;
for My digits (the Draw and Dataset tabs) the "Undo delete" strip, the model's answers worked out in the
background, and the one-job background thread (``background_job``)."""
