<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="21"/>
        <source>No model yet. With a model, this shows how often each true digit (row) is predicted as each digit (column).</source>
        <translation>Noch kein Modell. Mit einem Modell zeigt dies, wie oft jede wahre Ziffer (Zeile) als welche Ziffer (Spalte) vorhergesagt wird.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="36"/>
        <source>Accuracy on the {split} split: {accuracy:.1%}</source>
        <translation>Genauigkeit auf dem Datenteil „{split}“: {accuracy:.1%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="37"/>
        <source>Accuracy: {accuracy:.1%}</source>
        <translation>Genauigkeit: {accuracy:.1%}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="46"/>
        <source>{digit}: {share:.1%} right, most often read as {other} ({n:,} image(s))</source>
        <translation>
            <numerusform>{digit}: {share:.1%} richtig, am häufigsten als {other} gelesen ({n:,} Bild)</numerusform>
            <numerusform>{digit}: {share:.1%} richtig, am häufigsten als {other} gelesen ({n:,} Bilder)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="49"/>
        <source>{digit}: {share:.1%} right</source>
        <translation>{digit}: {share:.1%} richtig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="77"/>
        <source>Show the images of the selected cell (in the confusion matrix)</source>
        <translation>Die Bilder der gewählten Zelle zeigen (in der Konfusionsmatrix)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="84"/>
        <source>Confusion matrix: rows are true labels, columns predicted digits</source>
        <translation>Konfusionsmatrix: Zeilen sind wahre Labels, Spalten vorhergesagte Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="128"/>
        <source>Accuracy on the {split} split: &lt;b&gt;{accuracy:.2%}&lt;/b&gt; ({right:,} of {total:,}). Rows: true label. Columns: predicted digit. Click a cell to see its images in the grid.</source>
        <translation>Genauigkeit auf dem Datenteil „{split}“: &lt;b&gt;{accuracy:.2%}&lt;/b&gt; ({right:,} von {total:,}). Zeilen: wahres Label. Spalten: vorhergesagte Ziffer. Klicken Sie auf eine Zelle, um ihre Bilder im Raster zu sehen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="133"/>
        <source>accuracy</source>
        <comment>column header</comment>
        <translation>Genauigkeit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="150"/>
        <source>True {true}, predicted {predicted}: {n:,} image(s) ({share:.1%} of the {true}s, right). Click to show them.</source>
        <translation>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bild ({share:.1%} der Bilder mit Label {true}, richtig). Klicken, um es zu zeigen.</numerusform>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bilder ({share:.1%} der Bilder mit Label {true}, richtig). Klicken, um sie zu zeigen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="152"/>
        <source>True {true}, predicted {predicted}: {n:,} image(s), right</source>
        <translation>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bild, richtig</numerusform>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bilder, richtig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="154"/>
        <source>True {true}, predicted {predicted}: {n:,} image(s) ({share:.1%} of the {true}s, mistakes). Click to show them.</source>
        <translation>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bild ({share:.1%} der Bilder mit Label {true}, Fehler). Klicken, um es zu zeigen.</numerusform>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bilder ({share:.1%} der Bilder mit Label {true}, Fehler). Klicken, um sie zu zeigen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="156"/>
        <source>True {true}, predicted {predicted}: {n:,} image(s), mistakes</source>
        <translation>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bild, Fehler</numerusform>
            <numerusform>Wahres Label {true}, vorhergesagt {predicted}: {n:,} Bilder, Fehler</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/confusion_view.py" line="164"/>
        <source>Share of the true {digit}s that the model predicts as {digit}.</source>
        <translation>Anteil der Bilder mit wahrem Label {digit}, die das Modell als {digit} vorhersagt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="22"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="22"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="22"/>
        <source>My digits</source>
        <translation>Meine Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="23"/>
        <source>the network learns from the training split</source>
        <translation>aus dem Datenteil „Training“ lernt das Netz</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="24"/>
        <source>the network is judged on the test split it never saw</source>
        <translation>am Datenteil „Test“, den es nie gesehen hat, wird das Netz gemessen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="25"/>
        <source>My digits are the ones you kept on the Draw tab</source>
        <translation>„Meine Ziffern“ sind die, die Sie im Tab „Zeichnen“ behalten haben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="26"/>
        <source>No model yet: load or train one (Training tab) to see and filter by its predictions.</source>
        <translation>Noch kein Modell: Laden oder trainieren Sie eines (Tab „Training“), um seine Vorhersagen zu sehen und nach ihnen zu filtern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="27"/>
        <source>Computing the model&apos;s predictions for this split...</source>
        <translation>Die Vorhersagen des Modells für diesen Datenteil werden berechnet...</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="28"/>
        <source>The model&apos;s predictions could not be computed for this split.</source>
        <translation>Die Vorhersagen des Modells für diesen Datenteil konnten nicht berechnet werden.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="30"/>
        <source>zero</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="30"/>
        <source>one</source>
        <translation>eins</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="30"/>
        <source>two</source>
        <translation>zwei</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="30"/>
        <source>three</source>
        <translation>drei</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="30"/>
        <source>four</source>
        <translation>vier</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="31"/>
        <source>five</source>
        <translation>fünf</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="31"/>
        <source>six</source>
        <translation>sechs</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="31"/>
        <source>seven</source>
        <translation>sieben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="31"/>
        <source>eight</source>
        <translation>acht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="31"/>
        <source>nine</source>
        <translation>neun</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="42"/>
        <source>training</source>
        <comment>the split, in a sentence</comment>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="42"/>
        <source>test</source>
        <comment>the split, in a sentence</comment>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="43"/>
        <source>my digits</source>
        <comment>the split, in a sentence</comment>
        <translation>Meine Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="66"/>
        <source>Split</source>
        <translation>Datenteil</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="71"/>
        <source>What to browse: {splits}.</source>
        <translation>Was Sie durchsehen: {splits}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="74"/>
        <source>True label</source>
        <translation>Wahres Label</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="75"/>
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="78"/>
        <source>Show only images with this true label.</source>
        <translation>Nur Bilder mit diesem wahren Label zeigen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="79"/>
        <source>Go to image</source>
        <translation>Gehe zu Bild</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="81"/>
        <source>Go to image number</source>
        <translation>Gehe zu Bildnummer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="83"/>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="84"/>
        <source>Select the image with this index (clears filters that hide it).</source>
        <translation>Das Bild mit diesem Index auswählen (hebt Filter auf, die es verbergen).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="86"/>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="92"/>
        <source>Thumbnail size, in whole multiples of the 28-pixel image.</source>
        <translation>Größe der Vorschaubilder, in ganzen Vielfachen des 28-Pixel-Bildes.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="97"/>
        <source>Predicted digit</source>
        <translation>Vorhergesagte Ziffer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="98"/>
        <source>Any prediction</source>
        <translation>Jede Vorhersage</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="100"/>
        <source>Predicted {digit}</source>
        <translation>Vorhergesagt: {digit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="101"/>
        <source>Mistakes only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="103"/>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="104"/>
        <source>Dataset order</source>
        <translation>Wie im Datensatz</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="105"/>
        <source>Least confident first</source>
        <translation>Unsicherste zuerst</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="106"/>
        <source>Clear filters</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="109"/>
        <source>Show only images the model predicts as this digit.</source>
        <translation>Nur Bilder zeigen, die das Modell als diese Ziffer vorhersagt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="110"/>
        <source>Show only the images the model gets wrong.</source>
        <translation>Nur die Bilder zeigen, bei denen das Modell falsch liegt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="111"/>
        <source>Least confident first: the images the model is least sure about, usually the most confusing ones, come first.</source>
        <translation>Unsicherste zuerst: Die Bilder, bei denen sich das Modell am wenigsten sicher ist (meist die verwirrendsten), kommen zuerst.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="118"/>
        <source>Split:</source>
        <translation>Datenteil:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="118"/>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="101"/>
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="122"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="125"/>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="182"/>
        <source>Index of an image in the split, 0 to {last:,}.</source>
        <translation>Index eines Bildes im Datenteil, 0 bis {last:,}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="188"/>
        <source>{split} ({n:,} digit(s))</source>
        <translation>
            <numerusform>{split} ({n:,} Ziffer)</numerusform>
            <numerusform>{split} ({n:,} Ziffern)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="188"/>
        <source>{split} ({n:,} image(s))</source>
        <translation>
            <numerusform>{split} ({n:,} Bild)</numerusform>
            <numerusform>{split} ({n:,} Bilder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="192"/>
        <source>Showing {shown:,} of {total:,} image(s)</source>
        <translation>
            <numerusform>{shown:,} von {total:,} Bild angezeigt</numerusform>
            <numerusform>{shown:,} von {total:,} Bildern angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/controls.py" line="210"/>
        <source>{pixels} px</source>
        <translation>{pixels} px</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="21"/>
        <source>Hover over the image to read pixel values (0 = black, 255 = white).</source>
        <translation>Zeigen Sie mit der Maus auf das Bild, um Pixelwerte abzulesen (0 = schwarz, 255 = weiß).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="22"/>
        <source>No model yet: load or train one to see what the network thinks of this image.</source>
        <translation>Noch kein Modell: Laden oder trainieren Sie eines, um zu sehen, was das Netz von diesem Bild hält.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="23"/>
        <source>Working out what the network thinks of this image…</source>
        <translation>Es wird ermittelt, was das Netz von diesem Bild hält…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="90"/>
        <source>Select an image</source>
        <translation>Wählen Sie ein Bild</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="108"/>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="185"/>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="120"/>
        <source>Probability for each class</source>
        <translation>Wahrscheinlichkeit jeder Klasse</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="122"/>
        <source>Send to Draw tab</source>
        <translation>An „Zeichnen“ senden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="123"/>
        <source>Put this image on the drawing pad of the Draw tab (Enter in the grid).</source>
        <translation>Dieses Bild auf die Zeichenfläche im Tab „Zeichnen“ legen (Enter im Raster).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="152"/>
        <source>Image #{index:,} of the {split} split</source>
        <translation>Bild Nr. {index:,} aus dem Datenteil „{split}“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="155"/>
        <source>Label: &lt;b&gt;{label}&lt;/b&gt; ({name})</source>
        <translation>Label: &lt;b&gt;{label}&lt;/b&gt; ({name})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="156"/>
        <source>Label: &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>Label: &lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="173"/>
        <source>Predicted: &lt;b style=&apos;color:{color}&apos;&gt;{digit}&lt;/b&gt; with {share:.1%} (&lt;span style=&apos;color:{color}&apos;&gt;{verdict}&lt;/span&gt;)</source>
        <translation>Vorhergesagt: &lt;b style=&apos;color:{color}&apos;&gt;{digit}&lt;/b&gt; mit {share:.1%} (&lt;span style=&apos;color:{color}&apos;&gt;{verdict}&lt;/span&gt;)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/detail.py" line="211"/>
        <source>Pixel at row {row}, column {column}: &lt;b&gt;{value}&lt;/b&gt; of 255</source>
        <translation>Pixel in Zeile {row}, Spalte {column}: &lt;b&gt;{value}&lt;/b&gt; von 255</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="21"/>
        <source>No images match these filters.</source>
        <translation>Keine Bilder passen zu diesen Filtern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="119"/>
        <source>Image #{index:,}: label {label} ({name})</source>
        <translation>Bild Nr. {index:,}: Label {label} ({name})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="122"/>
        <source>Image #{index:,}: label {label}</source>
        <translation>Bild Nr. {index:,}: Label {label}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="127"/>
        <source>{image}; predicted {digit}, {share:.0%} sure ({verdict})</source>
        <translation>{image}; vorhergesagt {digit}, zu {share:.0%} sicher ({verdict})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="130"/>
        <source>{image}; predicted {digit} ({verdict})</source>
        <translation>{image}; vorhergesagt {digit} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="139"/>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation>Pfeiltasten, Bild aufwärts, Bild abwärts, Pos1, Ende</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="140"/>
        <source>Move through the images (in the grid)</source>
        <translation>Durch die Bilder gehen (im Raster)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/grid.py" line="141"/>
        <source>Send the selected image to the Draw tab (in the grid)</source>
        <translation>Das gewählte Bild an den Tab „Zeichnen“ senden (im Raster)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="24"/>
        <source>No digits kept yet. On the Draw tab, draw a digit and press its key (or a 0-9 button under My digits) to keep it here, or import a folder of digits there.</source>
        <translation>Noch keine Ziffern behalten. Zeichnen Sie im Tab „Zeichnen“ eine Ziffer und drücken Sie die Taste dieser Ziffer (oder eine Schaltfläche 0-9 unter „Meine Ziffern“), um sie hier zu behalten, oder importieren Sie dort einen Ordner mit Ziffern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="38"/>
        <location filename="../../mnist_gui/ui/dataset/predictions.py" line="128"/>
        <source>Could not compute predictions: {error}</source>
        <translation>Vorhersagen konnten nicht berechnet werden: {error}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="43"/>
        <source>Working out the model&apos;s answers for your {n:,} digits…</source>
        <translation>Die Antworten des Modells auf Ihre {n:,} Ziffern werden ermittelt…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="91"/>
        <source>Relabel the digit (or press a digit key in the grid)</source>
        <translation>Der Ziffer ein anderes Label geben (oder im Raster eine Zifferntaste drücken)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="92"/>
        <source>Label of the selected digit</source>
        <translation>Label der gewählten Ziffer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="93"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="94"/>
        <source>Delete the digit from My digits (Delete key in the grid; Ctrl+Z undoes)</source>
        <translation>Die Ziffer aus „Meine Ziffern“ löschen (Entf-Taste im Raster; Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="150"/>
        <source>Digit #{index:,} of My digits, kept as an {digit}</source>
        <translation>Ziffer Nr. {index:,} aus „Meine Ziffern“, als eine {digit} behalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="151"/>
        <source>Digit #{index:,} of My digits, kept as a {digit}</source>
        <translation>Ziffer Nr. {index:,} aus „Meine Ziffern“, als eine {digit} behalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="153"/>
        <source>Digit #{index:,} of My digits, kept as an {digit} (not saved yet)</source>
        <translation>Ziffer Nr. {index:,} aus „Meine Ziffern“, als eine {digit} behalten (noch nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/my_digits_split.py" line="154"/>
        <source>Digit #{index:,} of My digits, kept as a {digit} (not saved yet)</source>
        <translation>Ziffer Nr. {index:,} aus „Meine Ziffern“, als eine {digit} behalten (noch nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/stats.py" line="95"/>
        <source>Images per class</source>
        <translation>Bilder pro Klasse</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/stats.py" line="96"/>
        <source>Mean image of each class (brighter = ink more often there)</source>
        <translation>Mittleres Bild jeder Klasse (heller = dort öfter Tinte)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/stats.py" line="99"/>
        <source>Pixel values 1-255 (the many zeros of the background left out)</source>
        <translation>Pixelwerte 1-255 (ohne die vielen Nullen des Hintergrunds)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/stats.py" line="144"/>
        <source>value {value}</source>
        <comment>a pixel value in the histogram</comment>
        <translation>Wert {value}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/stats.py" line="146"/>
        <source>The {split} split: {n:,} images of {height}×{width} pixels. Average pixel value {mean:.1f} of 255; {zeros:.1%} of all pixels are exactly 0 (black background).</source>
        <translation>Datenteil „{split}“: {n:,} Bilder mit {height}×{width} Pixeln. Mittlerer Pixelwert {mean:.1f} von 255; {zeros:.1%} aller Pixel sind genau 0 (schwarzer Hintergrund).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="35"/>
        <source>Under each image: its true label (left) and, with a model, the predicted digit (right): ✓ in blue when right, ✗ in orange and a frame when wrong. Arrow keys, Page Up/Down and Home/End move; Enter or a double-click sends the image to the Draw tab.</source>
        <translation>Unter jedem Bild: sein wahres Label (links) und, mit einem Modell, die vorhergesagte Ziffer (rechts): ✓ in Blau, wenn richtig, ✗ in Orange und ein Rahmen, wenn falsch. Pfeiltasten, Bild aufwärts/abwärts und Pos1/Ende bewegen; Enter oder ein Doppelklick sendet das Bild an den Tab „Zeichnen“.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="47"/>
        <source>0 to 9</source>
        <translation>0 bis 9</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="48"/>
        <source>Give the selected digit that label (My digits split, in the grid)</source>
        <translation>Der gewählten Ziffer dieses Label geben (Datenteil „Meine Ziffern“, im Raster)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="49"/>
        <source>Delete the selected digit (My digits split, in the grid)</source>
        <translation>Die gewählte Ziffer löschen (Datenteil „Meine Ziffern“, im Raster)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="50"/>
        <source>Undo the last delete (My digits split)</source>
        <translation>Das letzte Löschen rückgängig machen (Datenteil „Meine Ziffern“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="67"/>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="97"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="98"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="99"/>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="136"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="199"/>
        <source>There are no digits to go to yet.</source>
        <translation>Es gibt noch keine Ziffern, zu denen Sie gehen könnten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab.py" line="206"/>
        <source>The filters were cleared to show image #{index:,}.</source>
        <translation>Die Filter wurden aufgehoben, um Bild Nr. {index:,} zu zeigen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="60"/>
        <source>Computing predictions for the {split} split...</source>
        <translation>Vorhersagen für den Datenteil „{split}“ werden berechnet...</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="122"/>
        <source>The model has {outputs} outputs but the dataset has {classes} classes.</source>
        <translation>Das Modell hat {outputs} Ausgaben, der Datensatz aber {classes} Klassen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="152"/>
        <source>No model: browsing labels only.</source>
        <translation>Kein Modell: nur die Labels werden gezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="162"/>
        <source>The model gets {right} of your %n digit(s) right ({share:.0%}).</source>
        <translation>
            <numerusform>Von Ihrer %n Ziffer erkennt das Modell {right} richtig ({share:.0%}).</numerusform>
            <numerusform>Von Ihren %n Ziffern erkennt das Modell {right} richtig ({share:.0%}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="164"/>
        <source>My digits is empty.</source>
        <translation>„Meine Ziffern“ ist leer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="166"/>
        <source>The model gets {share:.2%} of the {split} split right (%n mistake(s)).</source>
        <translation>
            <numerusform>Das Modell erkennt {share:.2%} des Datenteils „{split}“ richtig (%n Fehler).</numerusform>
            <numerusform>Das Modell erkennt {share:.2%} des Datenteils „{split}“ richtig (%n Fehler).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/dataset/tab_predictions.py" line="177"/>
        <source>The model could not answer: {message}</source>
        <translation>Das Modell konnte nicht antworten: {message}</translation>
    </message>
</context>
</TS>
