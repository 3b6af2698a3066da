<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="106"/>
        <source>Random distortions of one training image with this setting: every epoch the network sees new ones like these. Click for another digit.</source>
        <translation>Zufällige Verzerrungen eines Trainingsbilds mit dieser Einstellung: In jeder Epoche sieht das Netz neue wie diese. Klicken Sie für eine andere Ziffer.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="110"/>
        <source>Another digit</source>
        <translation>Andere Ziffer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="111"/>
        <source>Show the distortions on a different training image.</source>
        <translation>Die Verzerrungen an einem anderen Trainingsbild zeigen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="161"/>
        <source>Unknown augmentation {name}.</source>
        <translation>Unbekannte Augmentierung {name}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="168"/>
        <source>Training image {index:,}</source>
        <translation>Trainingsbild {index:,}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="170"/>
        <source>Training image {index:,}, an {digit}</source>
        <translation>Trainingsbild {index:,}, eine {digit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/augment_preview.py" line="171"/>
        <source>Training image {index:,}, a {digit}</source>
        <translation>Trainingsbild {index:,}, eine {digit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/compare.py" line="25"/>
        <source>Compare two runs</source>
        <translation>Zwei Läufe vergleichen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/train/compare.py" line="47"/>
        <source>%n of {lines} lines differ (in bold).</source>
        <translation>
            <numerusform>%n von {lines} Zeilen unterscheidet sich (fett).</numerusform>
            <numerusform>%n von {lines} Zeilen unterscheiden sich (fett).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/compare.py" line="48"/>
        <source>These two runs have the same settings and outcome.</source>
        <translation>Diese beiden Läufe haben dieselben Einstellungen und dasselbe Ergebnis.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="36"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="37"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="38"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="45"/>
        <source>lower</source>
        <comment>the Train tab&apos;s form: inside a sentence a field&apos;s name starts in lower case (&apos;lower&apos;) or keeps its capital (&apos;keep&apos;)</comment>
        <translation>keep</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="104"/>
        <source>e.g. 128 or 512, 512</source>
        <translation>z. B. 128 oder 512, 512</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="119"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="178"/>
        <source>the form cannot show {settings}</source>
        <translation>das Formular kann {settings} nicht anzeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="180"/>
        <source>the network and training settings: {why}</source>
        <translation>die Netz- und Trainingseinstellungen: {why}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="226"/>
        <source>{error} (also wrong: {fields}; see the red fields)</source>
        <translation>{error} (ebenfalls falsch: {fields}; siehe die roten Felder)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="257"/>
        <source>Training images: at most {n:,} training images are available</source>
        <translation>Trainingsbilder: Es stehen höchstens {n:,} Trainingsbilder zur Verfügung</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/controls.py" line="294"/>
        <source>Your own settings.</source>
        <translation>Ihre eigenen Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="30"/>
        <source>No run yet</source>
        <translation>Noch kein Trainingslauf</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="31"/>
        <source>Waiting for the first batch…</source>
        <translation>Warten auf den ersten Stapel…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="36"/>
        <source>Units that gave 0 for every image of a batch: a dead ReLU passes no gradient back, so it stops learning.</source>
        <translation>Einheiten, die für jedes Bild eines Stapels 0 ergaben: Eine tote ReLU gibt keinen Gradienten zurück und hört daher auf zu lernen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="62"/>
        <source>Layer shown in the weight histogram</source>
        <translation>Schicht im Gewichtshistogramm</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="63"/>
        <source>The layer whose weights the histogram shows</source>
        <translation>Die Schicht, deren Gewichte das Histogramm zeigt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="66"/>
        <source>Inside training charts</source>
        <translation>Diagramme: Einblick ins Training</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="67"/>
        <source>Gradient size</source>
        <translation>Gradientengröße</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="68"/>
        <source>Dead ReLUs</source>
        <translation>Tote ReLUs</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="69"/>
        <source>Weights</source>
        <comment>plot title</comment>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="72"/>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="73"/>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="96"/>
        <source>epoch</source>
        <comment>axis</comment>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="72"/>
        <source>gradient norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="73"/>
        <source>% dead</source>
        <translation>% tot</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="74"/>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="74"/>
        <source>weights</source>
        <comment>histogram axis: how many</comment>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/inside_training.py" line="103"/>
        <source>Histogram of:</source>
        <translation>Histogramm von:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="34"/>
        <source>Runs ({n})</source>
        <translation>Läufe ({n})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="34"/>
        <location filename="../../mnist_gui/ui/train/layout.py" line="95"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="47"/>
        <source>This run does not seem to learn; see the message above the plots</source>
        <translation>Dieser Lauf scheint nicht zu lernen; siehe die Meldung über den Diagrammen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="67"/>
        <source>This run&apos;s record holds no settings to load.</source>
        <translation>Der Eintrag dieses Laufs enthält keine Einstellungen zum Laden.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="72"/>
        <source>This run&apos;s settings cannot be loaded: {reason}</source>
        <translation>Die Einstellungen dieses Laufs können nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="76"/>
        <source>The form shows the default settings instead of {problem}</source>
        <translation>Das Formular zeigt stattdessen die Standardeinstellungen – nicht übernommen: {problem}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/kept_runs.py" line="79"/>
        <source>Loaded the run&apos;s settings into the form; press Start to train them</source>
        <translation>Die Einstellungen des Laufs stehen im Formular; drücken Sie „Starten“, um sie zu trainieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="72"/>
        <source>Keras code for these settings</source>
        <translation>Keras-Code für diese Einstellungen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="75"/>
        <source>Keras code</source>
        <translation>Keras-Code</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="80"/>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="84"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="81"/>
        <source>Copy the whole program to the clipboard</source>
        <translation>Das ganze Programm in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="101"/>
        <source>the settings are not valid</source>
        <translation>die Einstellungen sind ungültig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="102"/>
        <source>&lt;b&gt;These settings cannot be trained:&lt;/b&gt; {reason}. The code below is for the last valid settings.</source>
        <translation>&lt;b&gt;Mit diesen Einstellungen lässt sich nicht trainieren:&lt;/b&gt; {reason}. Der Code unten gilt für die letzten gültigen Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="103"/>
        <source>&lt;b&gt;These settings cannot be trained:&lt;/b&gt; {reason}.</source>
        <translation>&lt;b&gt;Mit diesen Einstellungen lässt sich nicht trainieren:&lt;/b&gt; {reason}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="108"/>
        <source>A complete Keras 3 program for the network these settings train: the same layers and parameter count, optimizer, schedule and data. Run it with &lt;code&gt;pip install keras tensorflow&lt;/code&gt;.</source>
        <translation>Ein vollständiges Keras-3-Programm, das dieses Netz mit diesen Einstellungen trainiert: dieselben Schichten und dieselbe Parameterzahl, derselbe Optimierer, derselbe Lernratenplan und dieselben Daten. Zum Ausführen installieren Sie Keras mit &lt;code&gt;pip install keras tensorflow&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="126"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="145"/>
        <source>Show as Keras code</source>
        <translation>Als Keras-Code zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/keras_code_dialog.py" line="146"/>
        <source>The Keras program that trains this network with these settings, to read or copy</source>
        <translation>Das Keras-Programm, das dieses Netz mit diesen Einstellungen trainiert, zum Lesen oder Kopieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="40"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="42"/>
        <location filename="../../mnist_gui/ui/train/tab.py" line="203"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="43"/>
        <source>Stop</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="44"/>
        <source>Hold the training after the current batch; press again to go on.</source>
        <translation>Das Training nach dem aktuellen Stapel anhalten; erneut drücken, um weiterzumachen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="45"/>
        <source>End the run after the current batch. The network keeps what it learned.</source>
        <translation>Den Lauf nach dem aktuellen Stapel beenden. Das Netz behält, was es gelernt hat.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="47"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="73"/>
        <source>The network these settings build: layer sizes, number of weights to learn, and how long the run is.</source>
        <translation>Das Netz, das diese Einstellungen bauen: Schichtgrößen, Zahl der zu lernenden Gewichte und wie lange der Lauf dauert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="82"/>
        <source>Training log</source>
        <translation>Trainingsprotokoll</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="83"/>
        <source>One line per epoch appears here while a network trains.</source>
        <translation>Hier erscheint eine Zeile pro Epoche, während ein Netz trainiert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="84"/>
        <source>What happened in each run, one line per epoch.</source>
        <translation>Was in jedem Lauf geschah, eine Zeile pro Epoche.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="90"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="96"/>
        <source>First layer and log</source>
        <translation>Erste Schicht, Protokoll</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="98"/>
        <source>Inside training</source>
        <translation>Einblick ins Training</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/layout.py" line="99"/>
        <source>Gradient sizes, dead ReLUs and weight histograms, live while a network trains</source>
        <translation>Gradientengrößen, tote ReLUs und Gewichtshistogramme, live während ein Netz trainiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/log_spinbox.py" line="95"/>
        <source>Learning rate, on a logarithmic slider</source>
        <translation>Lernrate, auf einem logarithmischen Schieberegler</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_exports.py" line="52"/>
        <source>The curves could not be exported</source>
        <translation>Die Kurven konnten nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_exports.py" line="62"/>
        <source>Export curves as CSV</source>
        <translation>Kurven als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_exports.py" line="62"/>
        <source>Export plots as {format}</source>
        <translation>Diagramme als {format} exportieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="24"/>
        <source>validation (epoch)</source>
        <translation>Validierung (Epoche)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="24"/>
        <source>test (epoch)</source>
        <translation>Test (Epoche)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="86"/>
        <source>Training curves: loss and accuracy</source>
        <translation>Trainingskurven: Verlust und Genauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="87"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="88"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="95"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="95"/>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="111"/>
        <source>batch</source>
        <comment>legend</comment>
        <translation>Stapel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="112"/>
        <source>batch, smoothed</source>
        <translation>Stapel, geglättet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_items.py" line="113"/>
        <source>train (epoch)</source>
        <translation>Training (Epoche)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="17"/>
        <source>Data as CSV…</source>
        <translation>Daten als CSV…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="17"/>
        <source>Picture as PNG…</source>
        <translation>Bild als PNG…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="18"/>
        <source>Picture as SVG…</source>
        <translation>Bild als SVG…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="29"/>
        <source>Smoothing of the per-batch curves</source>
        <translation>Glättung der Kurven pro Stapel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="31"/>
        <source>How much to smooth the per-batch curves (like TensorBoard): 0 shows every batch as it is, higher values average over more batches.</source>
        <translation>Wie stark die Kurven pro Stapel geglättet werden (wie in TensorBoard): 0 zeigt jeden Stapel, wie er ist, höhere Werte mitteln über mehr Stapel.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="35"/>
        <source>Earlier runs</source>
        <translation>Frühere Läufe</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="36"/>
        <source>Show the runs ticked in the runs table, each in its own colour.</source>
        <translation>Die in der Lauftabelle angehakten Läufe zeigen, jeden in seiner eigenen Farbe.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="37"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="38"/>
        <source>Take every earlier run off the plots (they stay in the runs table).</source>
        <translation>Alle früheren Läufe aus den Diagrammen nehmen (sie bleiben in der Lauftabelle).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="39"/>
        <source>Log loss</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="40"/>
        <source>Draw the loss on a logarithmic scale, so a loss of 300 and one of 0.05 are both readable.</source>
        <translation>Den Verlust auf einer logarithmischen Skala zeichnen, damit ein Verlust von 300 und einer von 0,05 beide lesbar sind.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="42"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="43"/>
        <source>Save the curves&apos; numbers (CSV) or a picture of the plots (PNG, SVG).</source>
        <translation>Die Zahlen der Kurven (CSV) oder ein Bild der Diagramme (PNG, SVG) speichern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plot_toolbar.py" line="53"/>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/plots.py" line="37"/>
        <source>No validation split, so after every epoch the network is measured on the test images (&quot;test (epoch)&quot;, dotted): a check on images it never trains on. Set a validation split to choose settings without looking at the test images.</source>
        <translation>Kein Validierungsanteil, daher wird das Netz nach jeder Epoche an den Testbildern gemessen („Test (Epoche)“, gepunktet): eine Prüfung an Bildern, auf denen es nie trainiert. Legen Sie einen Validierungsanteil fest, um Einstellungen zu wählen, ohne auf die Testbilder zu schauen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/readout.py" line="17"/>
        <source>Move the mouse over the plots to read the values under it.</source>
        <translation>Bewegen Sie die Maus über die Diagramme, um die Werte darunter abzulesen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/run_view.py" line="66"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/run_view.py" line="119"/>
        <source>Epoch {epoch} done: testing on {images:,} images…</source>
        <translation>Epoche {epoch} fertig: Test mit {images:,} Bildern…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/run_view.py" line="126"/>
        <source>Testing on {images:,} images… (Stop skips the test)</source>
        <translation>Test mit {images:,} Bildern… („Abbrechen“ überspringt den Test)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/run_view.py" line="148"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="31"/>
        <source>Trained to the end</source>
        <translation>Bis zum Ende trainiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="31"/>
        <source>Stopped before the end</source>
        <translation>Vor dem Ende abgebrochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="32"/>
        <source>The loss became NaN or infinite; training stopped</source>
        <translation>Der Verlust wurde NaN oder unendlich; das Training wurde beendet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="33"/>
        <source>The network did not learn with these settings</source>
        <translation>Das Netz hat mit diesen Einstellungen nicht gelernt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="34"/>
        <source>The program ended while this run trained</source>
        <translation>Das Programm wurde beendet, während dieser Lauf trainierte</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="35"/>
        <source>Training now</source>
        <translation>Trainiert gerade</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="166"/>
        <source>The latest run: drawn in the plots&apos; own colours until the next run starts</source>
        <translation>Der letzte Lauf: in den eigenen Farben der Diagramme gezeichnet, bis der nächste Lauf beginnt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="170"/>
        <source>Differs from the selected run ({value})</source>
        <translation>Anders als beim ausgewählten Lauf ({value})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="173"/>
        <source>{name}
started {when}</source>
        <translation>{name}
gestartet {when}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_model.py" line="173"/>
        <source>{name}
started {when}
no model kept</source>
        <translation>{name}
gestartet {when}
kein Modell gespeichert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="42"/>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="100"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="42"/>
        <source>Delete the selected runs (in the runs table)</source>
        <translation>Die ausgewählten Läufe löschen (in der Lauftabelle)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="63"/>
        <source>Kept runs</source>
        <translation>Gespeicherte Läufe</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="93"/>
        <source>The run store keeps the last {kept} unstarred runs and every starred one, in {folder}</source>
        <translation>Der Laufspeicher behält die letzten {kept} Läufe ohne Stern und jeden mit Stern, in {folder}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="95"/>
        <source>Load settings</source>
        <translation>Einstellungen laden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="96"/>
        <source>Put the selected run&apos;s settings back into the form, to train it again or change one thing.</source>
        <translation>Die Einstellungen des ausgewählten Laufs zurück ins Formular holen, um ihn erneut zu trainieren oder eine Sache zu ändern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="98"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="99"/>
        <source>Select two runs (Ctrl+click) to see their settings side by side.</source>
        <translation>Wählen Sie zwei Läufe aus (Strg+Klick), um ihre Einstellungen nebeneinander zu sehen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="101"/>
        <source>Delete the selected runs (Undo is offered for a few seconds).</source>
        <translation>Die ausgewählten Läufe löschen („Rückgängig“ ist einige Sekunden lang möglich).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="103"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="145"/>
        <source>Some kept runs were damaged and have been set aside: {problems}</source>
        <translation>Einige gespeicherte Läufe waren beschädigt und wurden beiseitegelegt: {problems}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="144"/>
        <source>Some kept runs were damaged and have been set aside: {problems} (and {more} more)</source>
        <translation>Einige gespeicherte Läufe waren beschädigt und wurden beiseitegelegt: {problems} (und {more} weitere)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="152"/>
        <source>No runs kept yet: every run you train appears here.</source>
        <translation>Noch keine Läufe: Jeder trainierte Lauf erscheint hier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="154"/>
        <source>%n kept run(s), {starred} starred</source>
        <translation>
            <numerusform>%n Lauf, {starred} mit Stern</numerusform>
            <numerusform>%n Läufe, {starred} mit Stern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="154"/>
        <source>%n kept run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="155"/>
        <source>{runs} · {size} on disk</source>
        <translation>{runs} · {size} belegt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="237"/>
        <source>Run {name} is still training; rename or star it once it has ended.</source>
        <translation>Lauf {name} trainiert noch; benennen Sie ihn um oder geben Sie ihm einen Stern, sobald er beendet ist.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="243"/>
        <source>{reason}; the name stays {name}.</source>
        <translation>{reason}; der Name bleibt {name}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="246"/>
        <source>Run {name} could not be changed: {reason}</source>
        <translation>Lauf {name} konnte nicht geändert werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="265"/>
        <source>Deleted {name} and {more} more.</source>
        <translation>{name} und {more} weitere gelöscht.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="265"/>
        <source>Deleted {name}.</source>
        <translation>{name} gelöscht.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="267"/>
        <source>Deleted {names}: Undo brings them back within {seconds} s.</source>
        <translation>Gelöscht: {names}. „Rückgängig“ holt sie innerhalb von {seconds} s zurück.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/runs_panel.py" line="293"/>
        <source>These runs could not be deleted: {runs}</source>
        <translation>Diese Läufe konnten nicht gelöscht werden: {runs}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="73"/>
        <source>Exported the curves to {path}</source>
        <translation>Kurven nach {path} exportiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="110"/>
        <source>Training started</source>
        <translation>Training gestartet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="119"/>
        <source>Training resumed</source>
        <translation>Training fortgesetzt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="122"/>
        <source>{progress} · paused</source>
        <translation>{progress} · pausiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="125"/>
        <source>Training paused (press Resume or Space to go on)</source>
        <translation>Training pausiert (drücken Sie „Fortsetzen“ oder die Leertaste, um weiterzumachen)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="140"/>
        <source>Skipping the test…</source>
        <translation>Test wird übersprungen…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="140"/>
        <source>Stopping after this batch…</source>
        <translation>Abbruch nach diesem Stapel…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="196"/>
        <source>A run is going; stop it first.</source>
        <translation>Ein Lauf ist im Gange; brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="198"/>
        <source>Train a new network with these settings (Space or Ctrl+Enter).</source>
        <translation>Ein neues Netz mit diesen Einstellungen trainieren (Leertaste oder Strg+Eingabe).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="200"/>
        <source>Can&apos;t start: {reason}</source>
        <translation>Start nicht möglich: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="203"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="208"/>
        <source>These settings can&apos;t be used yet: {reason}</source>
        <translation>Diese Einstellungen sind noch nicht verwendbar: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="224"/>
        <source>Training finished: the trained network is now the current model</source>
        <translation>Training beendet: Das trainierte Netz ist jetzt das aktuelle Modell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/tab.py" line="227"/>
        <source>Training ended ({status}); the current model is unchanged</source>
        <translation>Training beendet ({status}); das aktuelle Modell ist unverändert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="69"/>
        <source>Each square is one hidden unit&apos;s weights on the 28×28 input pixels: red pixels push the unit to fire, blue ones hold it back. At the start they are random noise; as the network learns, stroke-like patterns appear.</source>
        <translation>Jedes Quadrat zeigt die Gewichte einer verborgenen Einheit auf den 28×28 Eingabepixeln: Rote Pixel bringen die Einheit zum Feuern, blaue halten sie zurück. Zu Beginn sind sie zufälliges Rauschen; während das Netz lernt, erscheinen strichartige Muster.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="72"/>
        <source>A convolutional network&apos;s first layer is a set of small 3×3 filters, slid over the whole image. Each square is one filter, enlarged: red weights push it to fire, blue ones hold it back, so each one picks out an edge or a piece of stroke in one direction.</source>
        <translation>Die erste Schicht eines Faltungsnetzes ist ein Satz kleiner 3×3-Filter, die über das ganze Bild geschoben werden. Jedes Quadrat ist ein Filter, vergrößert: Rote Gewichte bringen ihn zum Feuern, blaue halten ihn zurück, sodass jeder eine Kante oder ein Strichstück in einer Richtung herausgreift.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="83"/>
        <source>What the first layer learned</source>
        <translation>Was die erste Schicht gelernt hat</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="86"/>
        <source>First-layer weights, one small picture per unit</source>
        <translation>Gewichte der ersten Schicht, ein kleines Bild pro Einheit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="92"/>
        <source>Start a run to watch the first layer&apos;s weights change.</source>
        <translation>Starten Sie einen Lauf, um zu sehen, wie sich die Gewichte der ersten Schicht ändern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="152"/>
        <source>What the first layer learned: {shown} of {total} output units</source>
        <translation>Was die erste Schicht gelernt hat: {shown} von {total} Ausgabeeinheiten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="154"/>
        <source>What the first layer learned: {shown} of {total} convolution units</source>
        <translation>Was die erste Schicht gelernt hat: {shown} von {total} Faltungseinheiten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="156"/>
        <source>What the first layer learned: {shown} of {total} hidden units</source>
        <translation>Was die erste Schicht gelernt hat: {shown} von {total} verborgenen Einheiten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="159"/>
        <source>What the first layer learned: %n output unit(s)</source>
        <translation>
            <numerusform>Was die erste Schicht gelernt hat: %n Ausgabeeinheit</numerusform>
            <numerusform>Was die erste Schicht gelernt hat: %n Ausgabeeinheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="161"/>
        <source>What the first layer learned: %n convolution unit(s)</source>
        <translation>
            <numerusform>Was die erste Schicht gelernt hat: %n Faltungseinheit</numerusform>
            <numerusform>Was die erste Schicht gelernt hat: %n Faltungseinheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/train/weights_view.py" line="162"/>
        <source>What the first layer learned: %n hidden unit(s)</source>
        <translation>
            <numerusform>Was die erste Schicht gelernt hat: %n verborgene Einheit</numerusform>
            <numerusform>Was die erste Schicht gelernt hat: %n verborgene Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/train/worker.py" line="137"/>
        <source>Training failed: {error}</source>
        <translation>Training fehlgeschlagen: {error}</translation>
    </message>
</context>
</TS>
