<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../mnist_gui/ui/inside/detail_view.py" line="23"/>
        <source>Click a feature map, a unit or an answer above to see why it fired.</source>
        <translation>Klicken Sie oben auf eine Merkmalskarte, eine Einheit oder eine Antwort, um zu sehen, warum sie aktiv wurde.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/detail_view.py" line="51"/>
        <source>What the selected unit computes</source>
        <translation>Was die gewählte Einheit berechnet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/detail_view.py" line="55"/>
        <source>Softmax temperature</source>
        <translation>Softmax-Temperatur</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/detail_view.py" line="61"/>
        <source>Softmax temperature T:</source>
        <translation>Softmax-Temperatur T:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/detail_view.py" line="106"/>
        <source>{title}: output {value:.4g}</source>
        <translation>{title}: Ausgabe {value:.4g}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/detail_view.py" line="124"/>
        <source>{what}
(scale ±{scale:.3g})</source>
        <translation>{what}
(Skala ±{scale:.3g})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="34"/>
        <source>The test accuracy needs a model and the test images.</source>
        <translation>Für die Testgenauigkeit braucht es ein Modell und die Testbilder.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="39"/>
        <source>Measuring the test accuracy…</source>
        <translation>Die Testgenauigkeit wird gemessen…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="57"/>
        <source>Test accuracy on {sample}: {accuracy:.2%}</source>
        <translation>Testgenauigkeit auf {sample}: {accuracy:.2%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="60"/>
        <source>Test accuracy on {sample}: {edited:.2%} edited, {trained:.2%} as trained</source>
        <translation>Testgenauigkeit auf {sample}: {edited:.2%} bearbeitet, {trained:.2%} wie trainiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="68"/>
        <source>all {total:,} test images</source>
        <translation>allen {total:,} Testbildern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="69"/>
        <source>a sample of {n:,} of the {total:,} test images, to keep edits quick (the model list&apos;s figure is on all {total:,}, so it differs a little)</source>
        <translation>einer Stichprobe von {n:,} der {total:,} Testbilder, damit Änderungen schnell gehen (der Wert in der Modellliste gilt für alle {total:,} und weicht daher etwas ab)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="75"/>
        <source>Your digit: nothing to answer yet (draw one).</source>
        <translation>Ihre Ziffer: noch nichts zu beantworten (zeichnen Sie eine).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="80"/>
        <source>Your digit: {name} at {share:.1%}</source>
        <translation>Ihre Ziffer: {name} mit {share:.1%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="84"/>
        <source>Your digit: {name} at {share:.1%} (as trained: {was} at {was_share:.1%})</source>
        <translation>Ihre Ziffer: {name} mit {share:.1%} (wie trainiert: {was} mit {was_share:.1%})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="94"/>
        <source>Nothing to keep: edit the network first (and the test images are needed).</source>
        <translation>Nichts zu behalten: Bearbeiten Sie zuerst das Netz (und die Testbilder werden gebraucht).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="100"/>
        <source>Keeping the edited network as a run…</source>
        <translation>Das bearbeitete Netz wird als Trainingslauf behalten…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="108"/>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="99"/>
        <source>Not kept: {problem}</source>
        <translation>Nicht behalten: {problem}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="111"/>
        <source>Kept as the run “{name}”: it is listed with the runs in the Train tab and in the model list.</source>
        <translation>Als Trainingslauf „{name}“ behalten: Er steht bei den Trainingsläufen im Tab „Training“ und in der Modellliste.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="121"/>
        <source>Save the edited network</source>
        <translation>Das bearbeitete Netz speichern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_page.py" line="122"/>
        <source>Models (*.npz)</source>
        <translation>Modelle (*.npz)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="21"/>
        <source>Switch off the clicked unit</source>
        <translation>Angeklickte Einheit abschalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="22"/>
        <source>No edits: the network is as trained.</source>
        <translation>Keine Änderungen: Das Netz ist wie trainiert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="33"/>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="35"/>
        <source>units are numbers or ranges like 3-5, got {part!r}</source>
        <translation>Einheiten sind Zahlen oder Bereiche wie 3-5, nicht {part!r}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="50"/>
        <source>e.g. 0, 3-5 (or click a unit in Layers and press the button)</source>
        <translation>z. B. 0, 3-5 (oder eine Einheit unter „Schichten“ anklicken und die Schaltfläche drücken)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="51"/>
        <source>Switched-off units</source>
        <translation>Abgeschaltete Einheiten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="56"/>
        <source> × the weights&apos; spread</source>
        <translation> × Streuung der Gewichte</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="58"/>
        <source>Prune the smallest weights, in percent</source>
        <translation>Kleinste Gewichte entfernen, in Prozent</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="60"/>
        <source>Reset the lab</source>
        <translation>Labor zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="61"/>
        <source>Save the edited network…</source>
        <translation>Bearbeitetes Netz speichern…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="62"/>
        <source>Keep it as a run</source>
        <translation>Als Lauf behalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="63"/>
        <source>Keep the edited network as a run: listed with the runs in the Train tab and offered in the model list, so the other tabs can use it</source>
        <translation>Das bearbeitete Netz als Trainingslauf behalten: bei den Trainingsläufen im Tab „Training“ aufgeführt und in der Modellliste angeboten, damit die anderen Tabs es nutzen können</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="80"/>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="88"/>
        <source>Layer:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="81"/>
        <source>Switched off:</source>
        <translation>Abgeschaltet:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="82"/>
        <source>Scale the weights by:</source>
        <translation>Gewichte skalieren mit:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="83"/>
        <source>Add noise:</source>
        <translation>Rauschen hinzufügen:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="84"/>
        <source>Prune the smallest weights:</source>
        <translation>Kleinste Gewichte entfernen:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="91"/>
        <source>Change a copy of the network and watch your digit&apos;s answer and the test accuracy. The other tabs keep the network as it was.</source>
        <translation>Ändern Sie eine Kopie des Netzes und beobachten Sie die Antwort auf Ihre Ziffer und die Testgenauigkeit. Die anderen Tabs behalten das Netz, wie es war.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="130"/>
        <source>Switch off {layer} unit {unit}</source>
        <translation>{layer}, Einheit {unit} abschalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="162"/>
        <source>{layer} has units 0 to {last}</source>
        <translation>{layer} hat die Einheiten 0 bis {last}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/lab_view.py" line="181"/>
        <source>Edited: {edits}.</source>
        <translation>Bearbeitet: {edits}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_keys.py" line="20"/>
        <source>Left or Right</source>
        <translation>Links oder Rechts</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_keys.py" line="20"/>
        <source>Choose the layer before or after (on the Layers picture)</source>
        <translation>Die Schicht davor oder danach wählen (im Bild „Schichten“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_keys.py" line="21"/>
        <source>Up or Down</source>
        <translation>Hoch oder Herunter</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_keys.py" line="22"/>
        <source>Choose the unit before or after in that layer (on the Layers picture)</source>
        <translation>Die Einheit davor oder danach in dieser Schicht wählen (im Bild „Schichten“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="53"/>
        <source>Layers of the network</source>
        <translation>Schichten des Netzes</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="72"/>
        <source>Selected: {layer}, unit {unit}</source>
        <translation>Gewählt: {layer}, Einheit {unit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="73"/>
        <source>Click a unit, or press an arrow key, to see what it computes</source>
        <translation>Klicken Sie auf eine Einheit oder drücken Sie eine Pfeiltaste, um zu sehen, was sie berechnet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="175"/>
        <source>input: the 28×28 network input (0 to 1)</source>
        <translation>Eingabe: die 28×28-Eingabe des Netzes (0 bis 1)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="180"/>
        <source>black 0 … pale yellow 1</source>
        <translation>schwarz 0 … hellgelb 1</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="182"/>
        <source>probability (bar) · logit z</source>
        <translation>Wahrscheinlichkeit (Balken) · Logit z</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/network_view.py" line="183"/>
        <source>scale: ±{scale:.3g} = brightest</source>
        <translation>hellste Farbe bei ±{scale:.3g}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="32"/>
        <source>Hover over a point to see its image; click it to see it go through the network (Layers).</source>
        <translation>Zeigen Sie auf einen Punkt, um sein Bild zu sehen; klicken Sie darauf, um es durch das Netz laufen zu sehen (Schichten).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="47"/>
        <source>Layer whose outputs are mapped</source>
        <translation>Schicht, deren Ausgaben abgebildet werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="49"/>
        <source>Choose a layer to map.</source>
        <translation>Wählen Sie eine Schicht für die Karte.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="52"/>
        <source>Map of the test images, one dot per image, coloured by digit</source>
        <translation>Karte der Testbilder, ein Punkt pro Bild, nach Ziffer gefärbt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="72"/>
        <source>Send to Draw tab</source>
        <translation>An „Zeichnen“ senden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="73"/>
        <source>Show the image last clicked on the map on the Draw tab&apos;s pad</source>
        <translation>Das zuletzt auf der Karte angeklickte Bild auf der Zeichenfläche im Tab „Zeichnen“ zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="126"/>
        <source>{layer} ({n:,} numbers)</source>
        <translation>{layer} ({n:,} Zahlen)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="153"/>
        <source>1st principal component ({share:.0%} of the variance)</source>
        <translation>1. Hauptkomponente ({share:.0%} der Varianz)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="155"/>
        <source>2nd principal component ({share:.0%})</source>
        <translation>2. Hauptkomponente ({share:.0%})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="157"/>
        <source>{n:,} test images through {layer}; nearby points are images this layer sees as alike. The cross is your digit.</source>
        <translation>{n:,} Testbilder durch {layer}; nahe Punkte sind Bilder, die diese Schicht als ähnlich sieht. Das Kreuz ist Ihre Ziffer.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="199"/>
        <source>Test image {index:,}</source>
        <translation>Testbild {index:,}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="199"/>
        <source>Label: {name}</source>
        <translation>Label: {name}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/pca_view.py" line="201"/>
        <source>The network says: {name} ({verdict})</source>
        <translation>Das Netz sagt: {name} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="38"/>
        <source>Colours: black is 0; red → orange → pale yellow are larger positive values, blue → cyan negative ones. Each layer has one scale shared by all its maps and units: its brightest colour is the number under it. Click any map, unit or answer to see why it fired.</source>
        <translation>Farben: Schwarz ist 0; Rot → Orange → Hellgelb sind größere positive Werte, Blau → Cyan negative. Jede Schicht hat eine Skala für alle ihre Karten und Einheiten: Ihre hellste Farbe ist die Zahl darunter. Klicken Sie auf eine Karte, Einheit oder Antwort, um zu sehen, warum sie aktiv wurde.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="86"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="87"/>
        <source>Map (PCA)</source>
        <translation>Karte (PCA)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="88"/>
        <source>Lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="102"/>
        <source>The map failed: {problem}</source>
        <translation>Die Karte ist fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="105"/>
        <source>Could not measure: {problem}</source>
        <translation>Messung nicht möglich: {problem}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="167"/>
        <source>This network has no hidden layer: the answer is one weighted sum per class of the pixels (logistic regression). Click an answer to see its weights.</source>
        <translation>Dieses Netz hat keine verborgene Schicht: Die Antwort ist eine gewichtete Summe der Pixel pro Klasse (logistische Regression). Klicken Sie auf eine Antwort, um ihre Gewichte zu sehen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="170"/>
        <source>Lab edits shown: {edits}.</source>
        <translation>Gezeigte Laboränderungen: {edits}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="172"/>
        <source>Test image {index:,}, clicked on the map; the pad&apos;s next stroke comes back here.</source>
        <translation>Testbild {index:,}, auf der Karte angeklickt; der nächste Strich auf der Zeichenfläche kehrt hierher zurück.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="224"/>
        <source>The map needs a model and the test images.</source>
        <translation>Die Karte braucht ein Modell und die Testbilder.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="225"/>
        <source>No layer of this network is small enough to map.</source>
        <translation>Keine Schicht dieses Netzes ist klein genug für eine Karte.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="230"/>
        <source>Mapping {n:,} test images through {layer}…</source>
        <translation>{n:,} Testbilder werden durch {layer} abgebildet…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/inside/tab.py" line="245"/>
        <source>{status} Adding {n:,} more…</source>
        <translation>{status} {n:,} weitere kommen hinzu…</translation>
    </message>
</context>
</TS>
