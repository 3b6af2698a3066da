<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="51"/>
        <source>Drag a rectangle on it to choose what is read (a click reads it all); turn Crop off to draw on it.</source>
        <translation>Ziehen Sie darauf ein Rechteck, um zu wählen, was gelesen wird (ein Klick liest alles); schalten Sie „Zuschnitt“ aus, um darauf zu zeichnen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="53"/>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.pbm *.ppm *.tif *.tiff *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.pbm *.ppm *.tif *.tiff *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="66"/>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="87"/>
        <source>Could not open it: {reason}. The canvas is unchanged.</source>
        <translation>Konnte nicht geöffnet werden: {reason}. Die Zeichenfläche bleibt unverändert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="68"/>
        <source>Showing {name}. {crop_hint} Undo brings back what was there.</source>
        <translation>{name} wird angezeigt. {crop_hint} „Rückgängig“ holt zurück, was vorher da war.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="73"/>
        <source>The clipboard holds no picture.</source>
        <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="80"/>
        <source>That was not a picture.</source>
        <translation>Das war kein Bild.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="92"/>
        <source>Showing the picture. {crop_hint} Undo brings back what was there.</source>
        <translation>Das Bild wird angezeigt. {crop_hint} „Rückgängig“ holt zurück, was vorher da war.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/image_import.py" line="97"/>
        <source>Open a picture of a digit</source>
        <translation>Bild einer Ziffer öffnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/kept_digits_list.py" line="38"/>
        <source>Kept digits</source>
        <translation>Behaltene Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/kept_digits_list.py" line="73"/>
        <source>Yours: {digit}</source>
        <translation>Ihre Ziffer: {digit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/kept_digits_list.py" line="85"/>
        <source>{tip}. Not saved yet: press Retry, or keep another digit, to try again</source>
        <translation>{tip}. Noch nicht gespeichert: „Erneut versuchen“ drücken oder eine weitere Ziffer behalten, um es nochmals zu versuchen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/kept_digits_list.py" line="88"/>
        <source>{tip}.
Double-click: open it in the pad. A digit key: relabel it. Delete: delete it.</source>
        <translation>{tip}.
Doppelklick: auf der Zeichenfläche öffnen. Eine Zifferntaste: anderes Label geben. Entf: löschen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/kept_digits_list.py" line="95"/>
        <source>{digit} unsaved</source>
        <translation>{digit} ungespeichert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="30"/>
        <source>As an image folder (one folder per digit, PNG pictures)…</source>
        <translation>Als Bildordner (ein Ordner pro Ziffer, PNG-Bilder)…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="31"/>
        <source>Export your digits as an image folder (one folder per digit, PNG pictures)</source>
        <translation>Ihre Ziffern als Bildordner exportieren (ein Ordner pro Ziffer, PNG-Bilder)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="32"/>
        <source>As a My digits folder (the two IDX files)…</source>
        <translation>Als Ordner „Meine Ziffern“ (die zwei IDX-Dateien)…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="33"/>
        <source>Export your digits as a My digits folder (the two IDX files)</source>
        <translation>Ihre Ziffern als Ordner „Meine Ziffern“ exportieren (die zwei IDX-Dateien)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="37"/>
        <source>Exported {n:,} digit(s) to {path} as an image folder (one folder per digit, PNG pictures).</source>
        <translation>
            <numerusform>{n:,} Ziffer als Bildordner nach {path} exportiert (ein Ordner pro Ziffer, PNG-Bilder).</numerusform>
            <numerusform>{n:,} Ziffern als Bildordner nach {path} exportiert (ein Ordner pro Ziffer, PNG-Bilder).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="39"/>
        <source>Exported {n:,} digit(s) to {path} as a My digits folder (the two IDX files).</source>
        <translation>
            <numerusform>{n:,} Ziffer als Ordner „Meine Ziffern“ nach {path} exportiert (die zwei IDX-Dateien).</numerusform>
            <numerusform>{n:,} Ziffern als Ordner „Meine Ziffern“ nach {path} exportiert (die zwei IDX-Dateien).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="67"/>
        <source>Reading pictures: {done:,} of {total:,}…</source>
        <translation>Bilder werden gelesen: {done:,} von {total:,}…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="76"/>
        <source>That is My digits&apos; own folder: choose another one to export to.</source>
        <translation>Das ist der Ordner von „Meine Ziffern“ selbst: Wählen Sie einen anderen als Ziel für den Export.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="79"/>
        <source>There are no digits to export yet.</source>
        <translation>Es gibt noch keine Ziffern zum Exportieren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="83"/>
        <source>Exporting {n:,} digit(s)…</source>
        <translation>
            <numerusform>{n:,} Ziffer wird exportiert…</numerusform>
            <numerusform>{n:,} Ziffern werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="95"/>
        <source>Wait for the import or export under way to finish.</source>
        <translation>Warten Sie, bis der laufende Import oder Export abgeschlossen ist.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="119"/>
        <source>{n:,} digit(s) added to My digits</source>
        <translation>
            <numerusform>{n:,} Ziffer zu „Meine Ziffern“ hinzugefügt</numerusform>
            <numerusform>{n:,} Ziffern zu „Meine Ziffern“ hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="121"/>
        <source>; {n:,} was/were kept already</source>
        <translation>
            <numerusform>; {n:,} war schon behalten</numerusform>
            <numerusform>; {n:,} waren schon behalten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_io.py" line="123"/>
        <source>; {n:,} left out: {reason}</source>
        <translation>; {n:,} weggelassen: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="41"/>
        <source>Delete or Backspace</source>
        <translation>Entf oder Rücktaste</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="41"/>
        <source>Delete the selected digits (in the My digits list)</source>
        <translation>Die ausgewählten Ziffern löschen (in der Liste „Meine Ziffern“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="42"/>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="45"/>
        <source>0 to 9</source>
        <translation>0 bis 9</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="42"/>
        <source>Relabel the selected digits (in the My digits list)</source>
        <translation>Den ausgewählten Ziffern ein anderes Label geben (in der Liste „Meine Ziffern“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="43"/>
        <source>Undo the last delete (in the My digits list)</source>
        <translation>Das letzte Löschen rückgängig machen (in der Liste „Meine Ziffern“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="43"/>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="44"/>
        <source>Enter or double-click</source>
        <translation>Eingabetaste oder Doppelklick</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="44"/>
        <source>Open the digit in the pad (in the My digits list)</source>
        <translation>Die Ziffer auf der Zeichenfläche öffnen (in der Liste „Meine Ziffern“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="47"/>
        <source>My digits</source>
        <translation>Meine Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="54"/>
        <source>Keep the drawing as your own example of a digit:
press its key on the pad, or a button.</source>
        <translation>Zeichnung als eigenes Beispiel behalten:
die Taste der Ziffer auf der Zeichenfläche
drücken oder eine Schaltfläche anklicken.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="58"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="59"/>
        <source>Try again to save the digits marked unsaved</source>
        <translation>Die als ungespeichert markierten Ziffern erneut speichern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="109"/>
        <source>Keep the drawing as an {digit} (or press {digit} on the pad)</source>
        <translation>Die Zeichnung als eine {digit} behalten (oder {digit} auf der Zeichenfläche drücken)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="110"/>
        <source>Keep the drawing as a {digit} (or press {digit} on the pad)</source>
        <translation>Die Zeichnung als eine {digit} behalten (oder {digit} auf der Zeichenfläche drücken)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="119"/>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="199"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="120"/>
        <source>Delete the selected digits (Delete key in the list)</source>
        <translation>Die ausgewählten Ziffern löschen (Entf-Taste in der Liste)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="126"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="127"/>
        <source>Add digits from a folder: pictures in folders named 0-9 (DIR/7/a.png, …) or another My digits folder</source>
        <translation>Ziffern aus einem Ordner hinzufügen: Bilder in Ordnern namens 0–9 (DIR/7/a.png, …) oder ein anderer Ordner „Meine Ziffern“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="129"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="130"/>
        <source>Write your digits to a folder, as pictures or as a My digits folder</source>
        <translation>Ihre Ziffern in einen Ordner schreiben, als Bilder oder als Ordner „Meine Ziffern“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="172"/>
        <source>Import digits from a folder</source>
        <translation>Ziffern aus einem Ordner importieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="192"/>
        <source>Open in the pad</source>
        <translation>Auf der Zeichenfläche öffnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="193"/>
        <source>Relabel as</source>
        <translation>Anderes Label</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="283"/>
        <source>None kept yet.</source>
        <translation>Noch keine behalten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="285"/>
        <source>{n} kept. {reason}</source>
        <translation>{n} behalten. {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="287"/>
        <source>{n:,} kept. Working out the model&apos;s answers for them…</source>
        <translation>{n:,} behalten. Die Antworten des Modells darauf werden ermittelt…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="289"/>
        <source>{n} kept. Load a model to see how it does on them.</source>
        <translation>{n} behalten. Laden Sie ein Modell, um zu sehen, wie gut es sie liest.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="291"/>
        <source>The model gets {right} of {total} right ({share:.0%}).</source>
        <translation>Das Modell liest {right} von {total} richtig ({share:.0%}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/my_digits_panel.py" line="309"/>
        <source>%n digit(s) is/are kept in this window only, marked unsaved: saved with the next one you keep, or press Retry.</source>
        <translation>
            <numerusform>%n Ziffer gibt es nur in diesem Fenster (als ungespeichert markiert): Sie wird mit der nächsten behaltenen Ziffer gespeichert – oder drücken Sie „Erneut versuchen“.</numerusform>
            <numerusform>%n Ziffern gibt es nur in diesem Fenster (als ungespeichert markiert): Sie werden mit der nächsten behaltenen Ziffer gespeichert – oder drücken Sie „Erneut versuchen“.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="45"/>
        <source>Keep the drawing in My digits as that digit (on the pad)</source>
        <translation>Die Zeichnung als diese Ziffer in „Meine Ziffern“ behalten (auf der Zeichenfläche)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="46"/>
        <source>Esc or Delete</source>
        <translation>Esc oder Entf</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="46"/>
        <source>Clear the pad (on the pad)</source>
        <translation>Die Zeichenfläche leeren (auf der Zeichenfläche)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="56"/>
        <source>Drawing pad</source>
        <translation>Zeichenfläche</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="57"/>
        <source>Draw a digit with the mouse or a pen. Keys: 0 to 9 keep the drawing as that digit, Esc clears, Ctrl+Z undoes, Ctrl+V pastes a picture.</source>
        <translation>Zeichnen Sie eine Ziffer mit der Maus oder einem Stift. Tasten: 0 bis 9 behalten die Zeichnung als diese Ziffer, Esc leert, Strg+Z macht rückgängig, Strg+V fügt ein Bild ein.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/pad.py" line="261"/>
        <source>Draw a digit here
or drop a picture</source>
        <translation>Zeichnen Sie hier eine Ziffer
oder legen Sie ein Bild ab</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="21"/>
        <source>Draw a digit</source>
        <translation>Ziffer zeichnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="22"/>
        <source>No model loaded</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="23"/>
        <source>Train one in the Training tab, or open a saved one.</source>
        <translation>Im Tab „Training“ eines trainieren oder ein gespeichertes öffnen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="24"/>
        <source>The network&apos;s guess appears here as you draw.</source>
        <translation>Hier erscheint beim Zeichnen die Antwort des Netzes.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="38"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="46"/>
        <source>The network says {digit} with probability {p:.0%}. {bars}</source>
        <translation>Das Netz sagt {digit} mit Wahrscheinlichkeit {p:.0%}. {bars}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="57"/>
        <source>{count} digits · bars: the {nth}, the least sure ({p})</source>
        <translation>{count} Ziffern · Balken: die {nth}, die unsicherste ({p})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="59"/>
        <source>The network reads {number}; it is least sure of the {nth} digit, {digit} with probability {p:.0%}. {bars}</source>
        <translation>Das Netz liest {number}; am unsichersten ist es bei der {nth} Ziffer, {digit} mit Wahrscheinlichkeit {p:.0%}. {bars}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="161"/>
        <source>sure</source>
        <translation>sicher</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="232"/>
        <source>Bars: {bars}</source>
        <translation>Balken: {bars}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="244"/>
        <source>{n}st</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="244"/>
        <source>{n}nd</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="244"/>
        <source>{n}rd</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/prediction_view.py" line="245"/>
        <source>{n}th</source>
        <comment>ordinal</comment>
        <translation>{n}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="22"/>
        <source>The
picture</source>
        <translation>Das
Bild</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="22"/>
        <source>1. Paper
taken away</source>
        <translation>1. Ohne
Papier</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="23"/>
        <source>2. Crop to
the ink</source>
        <translation>2. Zuschnitt
auf Tinte</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="23"/>
        <source>3. Fit in
20 × 20</source>
        <translation>3. Skaliert
auf 20 × 20</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="24"/>
        <source>4. Centre
by mass</source>
        <translation>4. Am Schwerpunkt
zentriert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="97"/>
        <source>What the network sees</source>
        <translation>Was das Netz sieht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="99"/>
        <source>The 28 × 28 grayscale picture the network is given: 784 numbers.</source>
        <translation>Das 28 × 28 große Graustufenbild, das das Netz erhält: 784 Zahlen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="101"/>
        <source>28 × 28 pixels: all that the
network gets. Where you draw,
and how big, does not matter.</source>
        <translation>28 × 28 Pixel: alles, was das
Netz bekommt. Wo und wie groß
Sie zeichnen, spielt keine Rolle.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="104"/>
        <source>Show the steps</source>
        <translation>Schritte zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="105"/>
        <source>Show which pixels mattered</source>
        <translation>Zeigen, welche Pixel zählten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="106"/>
        <source>Covers little squares of the input one at a time and watches the probability of the answer: red ink supports it, blue ink argues against.</source>
        <translation>Deckt nacheinander kleine Quadrate der Eingabe ab und beobachtet die Wahrscheinlichkeit der Antwort: Rote Tinte stützt sie, blaue Tinte spricht dagegen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="163"/>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="164"/>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="165"/>
        <source>{red}: ink that made the network surer it is an {digit}.&lt;br&gt;{blue}: ink that made it less sure.&lt;br&gt;Shown here and over your digit on the pad.</source>
        <translation>{red}: Tinte, die das Netz sicherer machte, dass es eine {digit} ist.&lt;br&gt;{blue}: Tinte, die es unsicherer machte.&lt;br&gt;Hier und über Ihrer Ziffer auf der Zeichenfläche gezeigt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="167"/>
        <source>{red}: ink that made the network surer it is a {digit}.&lt;br&gt;{blue}: ink that made it less sure.&lt;br&gt;Shown here and over your digit on the pad.</source>
        <translation>{red}: Tinte, die das Netz sicherer machte, dass es eine {digit} ist.&lt;br&gt;{blue}: Tinte, die es unsicherer machte.&lt;br&gt;Hier und über Ihrer Ziffer auf der Zeichenfläche gezeigt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/preprocess_view.py" line="171"/>
        <source>Lift the pen to see which pixels mattered,&lt;br&gt;here and over your digit on the pad.&lt;br&gt;</source>
        <translation>Stift anheben, um zu sehen, welche Pixel zählten:&lt;br&gt;hier und über Ihrer Ziffer auf der Zeichenfläche.&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="47"/>
        <source>That picture looks blank: nothing on it stands out from the paper.</source>
        <translation>Das Bild wirkt leer: Nichts darauf hebt sich vom Papier ab.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="84"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="84"/>
        <source>Undo the last stroke</source>
        <translation>Den letzten Strich rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="85"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="86"/>
        <source>Redo the stroke you undid</source>
        <translation>Den rückgängig gemachten Strich wiederholen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="87"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="87"/>
        <source>Clear the canvas (Esc or Delete)</source>
        <translation>Die Zeichenfläche leeren (Esc oder Entf)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="89"/>
        <source>Open picture…</source>
        <translation>Bild öffnen…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="90"/>
        <source>Open a picture of a digit (or drop one on the canvas)</source>
        <translation>Ein Bild einer Ziffer öffnen (oder eines auf der Zeichenfläche ablegen)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="91"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="91"/>
        <source>Paste a picture</source>
        <translation>Ein Bild einfügen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="92"/>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="93"/>
        <source>Erase instead of drawing</source>
        <translation>Radieren statt zeichnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="94"/>
        <source>Crop</source>
        <translation>Zuschnitt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="95"/>
        <source>On an opened picture: drag a rectangle to choose what is read</source>
        <translation>Auf einem geöffneten Bild: Ziehen Sie ein Rechteck, um zu wählen, was gelesen wird</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="97"/>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="102"/>
        <source>Brush size</source>
        <translation>Pinselgröße</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="113"/>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="173"/>
        <source>{blank} Undo brings back what was there.</source>
        <translation>{blank} „Rückgängig“ holt zurück, was vorher da war.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="182"/>
        <source>Draw a digit first, then press {digit} to keep it as an {digit}.</source>
        <translation>Zeichnen Sie zuerst eine Ziffer und drücken Sie dann {digit}, um sie als eine {digit} zu behalten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="183"/>
        <source>Draw a digit first, then press {digit} to keep it as a {digit}.</source>
        <translation>Zeichnen Sie zuerst eine Ziffer und drücken Sie dann {digit}, um sie als eine {digit} zu behalten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="187"/>
        <source>That reads as {count} digits: crop or draw one digit to keep it as an {digit}.</source>
        <translation>Das wird als {count} Ziffern gelesen: Schneiden Sie zu oder zeichnen Sie nur eine Ziffer, um sie als eine {digit} zu behalten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="188"/>
        <source>That reads as {count} digits: crop or draw one digit to keep it as a {digit}.</source>
        <translation>Das wird als {count} Ziffern gelesen: Schneiden Sie zu oder zeichnen Sie nur eine Ziffer, um sie als eine {digit} zu behalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/tab.py" line="196"/>
        <source>Kept as an {digit}: {n:,} digit(s) in My digits.</source>
        <translation>
            <numerusform>Als eine {digit} behalten: {n:,} Ziffer in „Meine Ziffern“.</numerusform>
            <numerusform>Als eine {digit} behalten: {n:,} Ziffern in „Meine Ziffern“.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/tab.py" line="197"/>
        <source>Kept as a {digit}: {n:,} digit(s) in My digits.</source>
        <translation>
            <numerusform>Als eine {digit} behalten: {n:,} Ziffer in „Meine Ziffern“.</numerusform>
            <numerusform>Als eine {digit} behalten: {n:,} Ziffern in „Meine Ziffern“.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="201"/>
        <source>Kept as an {digit}, but not saved yet. {reason}</source>
        <translation>Als eine {digit} behalten, aber noch nicht gespeichert. {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab.py" line="202"/>
        <source>Kept as a {digit}, but not saved yet. {reason}</source>
        <translation>Als eine {digit} behalten, aber noch nicht gespeichert. {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/tab_reading.py" line="25"/>
        <source>Too many marks</source>
        <translation>Zu viele Striche</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="51"/>
        <source>It could not be kept as a run ({reason}); it is usable until the app closes.</source>
        <translation>Es konnte nicht als Trainingslauf behalten werden ({reason}); es ist nutzbar, bis die App geschlossen wird.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="84"/>
        <source>Teach it my handwriting</source>
        <translation>Handschrift beibringen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="85"/>
        <source>Fine-tune a copy of the model on your digits, mixed with MNIST so it still reads everyone else&apos;s; the model in use stays until you choose</source>
        <translation>Eine Kopie des Modells an Ihren Ziffern nachtrainieren, gemischt mit MNIST, damit es die Schrift aller anderen weiter liest; das verwendete Modell bleibt, bis Sie wählen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="91"/>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="92"/>
        <source>Stop fine-tuning: nothing is kept and the model in use is unchanged</source>
        <translation>Nachtrainieren abbrechen: Nichts wird behalten, und das verwendete Modell bleibt unverändert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="100"/>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="272"/>
        <source>Use this model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="101"/>
        <source>Make the fine-tuned model the one every tab uses (Undo in the status bar goes back)</source>
        <translation>Das nachtrainierte Modell in allen Tabs verwenden („Rückgängig“ in der Statusleiste macht es rückgängig)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="150"/>
        <source>Load or train a model first, then teach it your handwriting.</source>
        <translation>Laden oder trainieren Sie zuerst ein Modell, dann bringen Sie ihm Ihre Handschrift bei.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="156"/>
        <source>Keep %n more digit(s) to teach it your handwriting ({needed} are needed; one of each digit is a start).</source>
        <translation>
            <numerusform>Behalten Sie noch %n Ziffer, um ihm Ihre Handschrift beizubringen ({needed} werden gebraucht; eine von jeder Ziffer ist ein Anfang).</numerusform>
            <numerusform>Behalten Sie noch %n Ziffern, um ihm Ihre Handschrift beizubringen ({needed} werden gebraucht; eine von jeder Ziffer ist ein Anfang).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="166"/>
        <source>Fine-tunes a copy of the model on your {n:,} digit(s), mixed with MNIST so it still reads everyone else&apos;s. The model in use stays until you choose.</source>
        <translation>
            <numerusform>Trainiert eine Kopie des Modells an Ihrer {n:,} Ziffer nach, gemischt mit MNIST, damit es die Schrift aller anderen weiter liest. Das verwendete Modell bleibt, bis Sie wählen.</numerusform>
            <numerusform>Trainiert eine Kopie des Modells an Ihren {n:,} Ziffern nach, gemischt mit MNIST, damit es die Schrift aller anderen weiter liest. Das verwendete Modell bleibt, bis Sie wählen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="185"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="192"/>
        <source>Stopping…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="208"/>
        <source>Stopped: nothing was kept, and the model in use is unchanged.</source>
        <translation>Abgebrochen: Nichts wurde behalten, und das verwendete Modell ist unverändert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="221"/>
        <source>Fine-tuning failed: {reason}</source>
        <translation>Nachtrainieren fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="229"/>
        <source>Every tab uses it</source>
        <translation>Alle Tabs verwenden es</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="240"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="240"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="245"/>
        <source>Your {n:,} held-out digit(s)</source>
        <translation>
            <numerusform>Ihre {n:,} zurückgehaltene Ziffer</numerusform>
            <numerusform>Ihre {n:,} zurückgehaltenen Ziffern</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="246"/>
        <source>MNIST test set</source>
        <translation>MNIST-Testdaten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="265"/>
        <source>Kept as the run “{name}” (in the model list and the Train tab&apos;s runs).</source>
        <translation>Als Trainingslauf „{name}“ behalten (in der Modellliste und bei den Trainingsläufen im Tab „Training“).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/draw/teach.py" line="292"/>
        <source>Your digits — measured on the ones it learned from (keep 3 or more of a digit to hold some back for a fair test)</source>
        <translation>Ihre Ziffern – gemessen an denen, aus denen es gelernt hat (behalten Sie 3 oder mehr von einer Ziffer, damit einige für einen fairen Test zurückgehalten werden)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="299"/>
        <source>Done in {seconds:.0f} s (%n epoch(s), on a second, gentler try; the weights of epoch {best} kept).</source>
        <translation>
            <numerusform>Fertig in {seconds:.0f} s (%n Epoche, im zweiten, sanfteren Versuch; die Gewichte von Epoche {best} behalten).</numerusform>
            <numerusform>Fertig in {seconds:.0f} s (%n Epochen, im zweiten, sanfteren Versuch; die Gewichte von Epoche {best} behalten).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="301"/>
        <source>Done in {seconds:.0f} s (%n epoch(s), on a second, gentler try).</source>
        <translation>
            <numerusform>Fertig in {seconds:.0f} s (%n Epoche, im zweiten, sanfteren Versuch).</numerusform>
            <numerusform>Fertig in {seconds:.0f} s (%n Epochen, im zweiten, sanfteren Versuch).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="302"/>
        <source>Done in {seconds:.0f} s (%n epoch(s); the weights of epoch {best} kept).</source>
        <translation>
            <numerusform>Fertig in {seconds:.0f} s (%n Epoche; die Gewichte von Epoche {best} behalten).</numerusform>
            <numerusform>Fertig in {seconds:.0f} s (%n Epochen; die Gewichte von Epoche {best} behalten).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/draw/teach.py" line="303"/>
        <source>Done in {seconds:.0f} s (%n epoch(s)).</source>
        <translation>
            <numerusform>Fertig in {seconds:.0f} s (%n Epoche).</numerusform>
            <numerusform>Fertig in {seconds:.0f} s (%n Epochen).</numerusform>
        </translation>
    </message>
</context>
</TS>
