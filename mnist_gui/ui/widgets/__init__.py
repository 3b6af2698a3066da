"""Widgets that more than one tab uses: a bar chart, a message banner, picture conversions and plot export."""
