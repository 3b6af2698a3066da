<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="50"/>
        <source>{mark} right</source>
        <translation>{mark} richtig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="50"/>
        <source>{mark} wrong</source>
        <translation>{mark} falsch</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="54"/>
        <source>Under each digit: your label, then ✓ or ✗, then what the network reads.</source>
        <translation>Unter jeder Ziffer: Ihr Label, dann ✓ oder ✗, dann das, was das Netz liest.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="65"/>
        <source>Yours: {label}; the network reads {answer} ({verdict})</source>
        <translation>Ihre Ziffer: {label}; das Netz liest {answer} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="106"/>
        <source>Select all</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="122"/>
        <source>training loss {value:.4f}</source>
        <translation>Trainingsverlust {value:.4f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="123"/>
        <source>training accuracy {value:.1%}</source>
        <translation>Trainingsgenauigkeit {value:.1%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="124"/>
        <source>validation loss {value:.4f}</source>
        <translation>Validierungsverlust {value:.4f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="125"/>
        <source>validation accuracy {value:.1%}</source>
        <translation>Validierungsgenauigkeit {value:.1%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="126"/>
        <source>test loss {value:.4f}</source>
        <translation>Testverlust {value:.4f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="127"/>
        <source>test accuracy {value:.1%}</source>
        <translation>Testgenauigkeit {value:.1%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="141"/>
        <source>After epoch {epoch}: {values}.</source>
        <translation>Nach Epoche {epoch}: {values}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="144"/>
        <source>During the first epoch, batch {n:,}: loss {loss:.4f}, accuracy {accuracy:.1%} (smoothed).</source>
        <translation>In der ersten Epoche, Stapel {n:,}: Verlust {loss:.4f}, Genauigkeit {accuracy:.1%} (geglättet).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/accessibility.py" line="146"/>
        <source>No run yet: start one to see the loss and accuracy curves.</source>
        <translation>Noch kein Trainingslauf: Starten Sie einen, um die Kurven für Verlust und Genauigkeit zu sehen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/app.py" line="131"/>
        <source>The MNIST data could not be loaded:

{reason}</source>
        <translation>Die MNIST-Daten konnten nicht geladen werden:

{reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/app.py" line="137"/>
        <source>No default model found: train one on the Train tab, or open a model file.</source>
        <translation>Kein Standardmodell gefunden: Trainieren Sie eines im Tab „Training“ oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="44"/>
        <source>PNG, JPEG, GIF, BMP, TIFF, WebP, PGM or PPM</source>
        <translation>PNG, JPEG, GIF, BMP, TIFF, WebP, PGM oder PPM</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="77"/>
        <source>{name}: no such file</source>
        <translation>{name}: Datei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="90"/>
        <source>the picture</source>
        <translation>das Bild</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="94"/>
        <source>{name} is empty</source>
        <translation>{name} ist leer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="96"/>
        <source>{name} is an SVG drawing, which is not read as a picture: export it as PNG</source>
        <translation>{name} ist eine SVG-Zeichnung und wird nicht als Bild gelesen: Exportieren Sie sie als PNG</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="98"/>
        <location filename="../../mnist_gui/ui/decode.py" line="117"/>
        <location filename="../../mnist_gui/ui/decode.py" line="128"/>
        <source>{name} is not a picture this app can read ({reason})</source>
        <translation>{name} ist kein Bild, das diese App lesen kann ({reason})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/decode.py" line="162"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="29"/>
        <source>Light or dark as the system is set</source>
        <translation>Hell oder dunkel, wie im System eingestellt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="30"/>
        <source>Dark text on light backgrounds</source>
        <translation>Dunkle Schrift auf hellem Hintergrund</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="31"/>
        <source>Light text on dark backgrounds</source>
        <translation>Helle Schrift auf dunklem Hintergrund</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="33"/>
        <source>&amp;Train tab</source>
        <translation>Tab „&amp;Training“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="33"/>
        <source>Show the Train tab</source>
        <translation>Den Tab „Training“ zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="34"/>
        <source>&amp;Dataset tab</source>
        <translation>Tab „&amp;Datensatz“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="34"/>
        <source>Show the Dataset tab</source>
        <translation>Den Tab „Datensatz“ zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="35"/>
        <source>D&amp;raw tab</source>
        <translation>Tab „&amp;Zeichnen“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="35"/>
        <source>Show the Draw tab</source>
        <translation>Den Tab „Zeichnen“ zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="36"/>
        <source>&amp;Inside tab</source>
        <translation>Tab „&amp;Einblick“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="36"/>
        <source>Show the Inside tab</source>
        <translation>Den Tab „Einblick“ zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="38"/>
        <source>&lt;h3&gt;mnist-gui {version}&lt;/h3&gt;
&lt;p&gt;Watch a neural network learn to read handwritten digits: train it, look at the data, draw your own.
The network is a small NumPy engine written for reading.&lt;/p&gt;
&lt;p&gt;Licence: MIT.&lt;/p&gt;
&lt;p&gt;The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges,
and is used under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0).&lt;/p&gt;
&lt;p&gt;Built with Qt for Python (PySide6, LGPL), pyqtgraph (MIT) and NumPy (BSD).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;mnist-gui {version}&lt;/h3&gt;
&lt;p&gt;Sehen Sie einem neuronalen Netz zu, wie es handgeschriebene Ziffern lesen lernt: Trainieren Sie es, sehen Sie
sich die Daten an, zeichnen Sie eigene Ziffern. Das Netz ist eine kleine NumPy-Engine, geschrieben, um gelesen
zu werden.&lt;/p&gt;
&lt;p&gt;Lizenz: MIT.&lt;/p&gt;
&lt;p&gt;Die MNIST-Datenbank handgeschriebener Ziffern stammt von Yann LeCun, Corinna Cortes und Christopher J.C. Burges
und wird unter der Lizenz Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 3.0
(CC BY-SA 3.0) verwendet.&lt;/p&gt;
&lt;p&gt;Erstellt mit Qt for Python (PySide6, LGPL), pyqtgraph (MIT) und NumPy (BSD).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="63"/>
        <source>Start training, or pause and resume it (Train tab; not while typing in a field)</source>
        <translation>Training starten oder pausieren und fortsetzen (Tab „Training“; nicht beim Tippen in einem Feld)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="71"/>
        <source>&amp;Open model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="72"/>
        <source>Open a saved model file</source>
        <translation>Eine gespeicherte Modelldatei öffnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="73"/>
        <source>Use &amp;default model</source>
        <translation>Standardmodell &amp;verwenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="74"/>
        <source>Make the bundled default model the one every tab uses</source>
        <translation>Das mitgelieferte Standardmodell in allen Tabs verwenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="75"/>
        <source>&amp;Save model</source>
        <translation>Modell &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="76"/>
        <source>Save the current model</source>
        <translation>Das aktuelle Modell speichern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="77"/>
        <source>Save model &amp;as…</source>
        <translation>Modell speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="78"/>
        <source>Save the current model under a new name</source>
        <translation>Das aktuelle Modell unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="79"/>
        <source>E&amp;xport as ONNX…</source>
        <translation>Als ONNX e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="80"/>
        <source>Write the current model as an ONNX file, for onnxruntime and other tools</source>
        <translation>Das aktuelle Modell als ONNX-Datei schreiben, für onnxruntime und andere Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="81"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="81"/>
        <source>Close mnist-gui</source>
        <translation>mnist-gui schließen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="82"/>
        <source>Show &amp;earlier runs</source>
        <translation>F&amp;rühere Läufe zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="83"/>
        <source>Show the runs before this one as faint curves</source>
        <translation>Die Läufe vor diesem als blasse Kurven zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="84"/>
        <source>&amp;Clear earlier runs</source>
        <translation>Frühere Läufe ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="85"/>
        <source>Remove the earlier runs from the plots</source>
        <translation>Die früheren Läufe aus den Diagrammen entfernen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="86"/>
        <location filename="../../mnist_gui/ui/main_window.py" line="187"/>
        <source>&amp;Start training</source>
        <translation>Training &amp;starten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="87"/>
        <source>Start training, or pause and resume it (also Space)</source>
        <translation>Training starten oder pausieren und fortsetzen (auch mit der Leertaste)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="88"/>
        <source>S&amp;top training</source>
        <translation>Training a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="88"/>
        <source>End the run after the current batch</source>
        <translation>Den Lauf nach dem aktuellen Stapel beenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="89"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="90"/>
        <source>List the keyboard shortcuts</source>
        <translation>Die Tastenkürzel auflisten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="91"/>
        <source>&amp;About mnist-gui</source>
        <translation>Ü&amp;ber mnist-gui</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="92"/>
        <source>Version, licence and where MNIST comes from</source>
        <translation>Version, Lizenz und woher MNIST stammt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="96"/>
        <source>Save the training curves&apos; numbers</source>
        <translation>Die Zahlen der Trainingskurven speichern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="97"/>
        <source>Save a picture of the training curves ({format})</source>
        <translation>Ein Bild der Trainingskurven speichern ({format})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="111"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="119"/>
        <source>&amp;Export training curves</source>
        <translation>Trainingskurven &amp;exportieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="124"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="132"/>
        <source>T&amp;heme</source>
        <translation>Farbsc&amp;hema</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="141"/>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="145"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="183"/>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="201"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="202"/>
        <source>There is no current model: train one or open a model file first.</source>
        <translation>Es gibt kein aktuelles Modell: Trainieren Sie zuerst eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="205"/>
        <source>ONNX export needs an extra package</source>
        <translation>Der ONNX-Export braucht ein zusätzliches Paket</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="206"/>
        <source>Exporting as ONNX needs the onnx package, which is not installed.

Install it with:  {command}</source>
        <translation>Der Export als ONNX braucht das Paket onnx, das nicht installiert ist.

Installieren Sie es mit:  {command}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="211"/>
        <source>Export as ONNX</source>
        <translation>Als ONNX exportieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="212"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX-Modelle (*.onnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="221"/>
        <location filename="../../mnist_gui/ui/main_menus.py" line="224"/>
        <source>Could not export</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="221"/>
        <source>The model could not be exported</source>
        <translation>Das Modell konnte nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="225"/>
        <source>The model could not be exported to {path}.

{reason}</source>
        <translation>Das Modell konnte nicht nach {path} exportiert werden.

{reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="227"/>
        <source>Exported {name} to {path} (ONNX opset {opset})</source>
        <translation>{name} nach {path} exportiert (ONNX-Opset {opset})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="233"/>
        <source>About mnist-gui</source>
        <translation>Über mnist-gui</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="244"/>
        <location filename="../../mnist_gui/ui/main_menus.py" line="248"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/main_menus.py" line="269"/>
        <source>{names} is/are not saved anywhere and would be lost.</source>
        <translation>
            <numerusform>{names} ist nirgends gespeichert und ginge verloren.</numerusform>
            <numerusform>{names} sind nirgends gespeichert und gingen verloren.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="270"/>
        <source>Unsaved trained model</source>
        <translation>Trainiertes Modell nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="272"/>
        <source>Save writes a model file; Discard closes without it.</source>
        <translation>„Speichern“ schreibt eine Modelldatei; „Verwerfen“ schließt ohne sie.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="284"/>
        <source>A network is training (just started). Quitting stops it.</source>
        <translation>Ein Netz wird gerade trainiert (eben begonnen). Beenden bricht das Training ab.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="285"/>
        <source>A network is training ({percent}% done). Quitting stops it.</source>
        <translation>Ein Netz wird gerade trainiert ({percent} % erledigt). Beenden bricht das Training ab.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="286"/>
        <source>Training is running</source>
        <translation>Das Training läuft</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="288"/>
        <source>Stop and quit</source>
        <translation>Abbrechen und beenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="289"/>
        <source>Keep training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_menus.py" line="290"/>
        <source>The run is kept in the runs table as stopped, with its curves and its weights.</source>
        <translation>Der Lauf bleibt als abgebrochen in der Lauftabelle, mit seinen Kurven und Gewichten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="65"/>
        <source>default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="84"/>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="85"/>
        <source>&amp;Dataset</source>
        <translation>Daten&amp;satz</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="86"/>
        <source>D&amp;raw</source>
        <translation>&amp;Zeichnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="87"/>
        <source>&amp;Inside</source>
        <translation>&amp;Einblick</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="107"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="115"/>
        <source>Could not use this model</source>
        <translation>Dieses Modell kann nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="131"/>
        <source>Your handwriting learned</source>
        <translation>Ihre Handschrift gelernt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="150"/>
        <source>Every tab now uses the default model</source>
        <translation>Alle Tabs verwenden jetzt das Standardmodell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="186"/>
        <source>&amp;Resume training</source>
        <translation>Training &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/main_window.py" line="186"/>
        <source>&amp;Pause training</source>
        <translation>Training &amp;pausieren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="53"/>
        <source>Every tab uses:</source>
        <translation>Alle Tabs verwenden:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="55"/>
        <source>Current model, used by every tab</source>
        <translation>Aktuelles Modell, von allen Tabs verwendet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="60"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="61"/>
        <source>Go back to the previous model</source>
        <translation>Zum vorigen Modell zurückkehren</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="75"/>
        <source>No model: train one, or open a model file</source>
        <translation>Kein Modell: Trainieren Sie eines oder öffnen Sie eine Modelldatei</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="87"/>
        <source>Every tab (Train, Dataset, Draw) uses {model}. Choose another here.</source>
        <translation>Alle Tabs (Training, Datensatz, Zeichnen) verwenden {model}. Hier können Sie ein anderes wählen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="88"/>
        <source>Every tab (Train, Dataset, Draw) uses no model. Choose another here.</source>
        <translation>Die Tabs (Training, Datensatz, Zeichnen) verwenden kein Modell. Hier können Sie eines wählen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="93"/>
        <source>Go back to {model}</source>
        <translation>Zurück zu {model}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="117"/>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="167"/>
        <source>The model used last time ({name}) is no longer available; every tab uses {current}.</source>
        <translation>Das zuletzt verwendete Modell ({name}) ist nicht mehr verfügbar; alle Tabs verwenden {current}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="169"/>
        <source>The model used last time ({name}) is no longer available; no model is in use.</source>
        <translation>Das zuletzt verwendete Modell ({name}) ist nicht mehr verfügbar; es wird kein Modell verwendet.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="171"/>
        <source>The model used last time is no longer available; every tab uses {current}.</source>
        <translation>Das zuletzt verwendete Modell ist nicht mehr verfügbar; alle Tabs verwenden {current}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="173"/>
        <source>The model used last time is no longer available; no model is in use.</source>
        <translation>Das zuletzt verwendete Modell ist nicht mehr verfügbar; es wird kein Modell verwendet.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="195"/>
        <location filename="../../mnist_gui/ui/model_selector.py" line="244"/>
        <source>{name} cannot be used: {why}</source>
        <translation>{name} kann nicht verwendet werden: {why}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="196"/>
        <source>it is not available</source>
        <translation>es ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="199"/>
        <source>Loading {name}…</source>
        <translation>{name} wird geladen…</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="238"/>
        <source>The model used last time could not be used again ({reason}); every tab uses {current}.</source>
        <translation>Das zuletzt verwendete Modell konnte nicht wieder verwendet werden ({reason}); alle Tabs verwenden {current}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="240"/>
        <source>The model used last time could not be used again ({reason}); no model is in use.</source>
        <translation>Das zuletzt verwendete Modell konnte nicht wieder verwendet werden ({reason}); es wird kein Modell verwendet.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="264"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="266"/>
        <source>The new run&apos;s network is not used: {why}. The current model is unchanged: {current}.</source>
        <translation>Das Netz des neuen Laufs wird nicht verwendet: {why}. Das aktuelle Modell bleibt unverändert: {current}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="276"/>
        <source>The stopped run&apos;s network is in the model list; the current model is unchanged: {current}.</source>
        <translation>Das Netz des abgebrochenen Laufs steht in der Modellliste; das aktuelle Modell bleibt unverändert: {current}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="278"/>
        <source>The {status} run&apos;s network is in the model list; the current model is unchanged: {current}.</source>
        <translation>Das Netz des Laufs ({status}) steht in der Modellliste; das aktuelle Modell bleibt unverändert: {current}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="281"/>
        <source>{done}: every tab now uses {name} (Undo goes back to {current}).</source>
        <translation>{done}: Alle Tabs verwenden jetzt {name} („Rückgängig“ kehrt zu {current} zurück).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="282"/>
        <source>{done}: every tab now uses {name}.</source>
        <translation>{done}: Alle Tabs verwenden jetzt {name}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/model_selector.py" line="283"/>
        <source>Training finished</source>
        <translation>Training abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="30"/>
        <source>Mouse wheel, drag</source>
        <translation>Mausrad, Ziehen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="31"/>
        <source>Zoom and pan a plot; right-click for its menu, the small A button resets the view</source>
        <translation>Ein Diagramm zoomen und verschieben; ein Rechtsklick öffnet sein Menü, die kleine Schaltfläche A setzt die Ansicht zurück</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="41"/>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="41"/>
        <source>double-click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="65"/>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="74"/>
        <source>{keys} or {key}</source>
        <comment>keyboard shortcuts</comment>
        <translation>{keys} oder {key}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="97"/>
        <source>Anywhere in the window</source>
        <translation>Überall im Fenster</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="98"/>
        <source>With the mouse</source>
        <translation>Mit der Maus</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="113"/>
        <source>{tab} tab</source>
        <translation>Tab „{tab}“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="123"/>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="156"/>
        <source>lower</source>
        <comment>shortcut list: &apos;lower&apos; if a description after &apos;; &apos; starts in lower case, else &apos;keep&apos;</comment>
        <translation>keep</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="181"/>
        <source>{text}, {tab} tab)</source>
        <translation>{text}, Tab „{tab}“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/shortcut_list.py" line="182"/>
        <source>{text} ({tab} tab)</source>
        <translation>{text} (Tab „{tab}“)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/theme.py" line="87"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/theme.py" line="87"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/theme.py" line="87"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="130"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="138"/>
        <source>&amp;System</source>
        <comment>language</comment>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="140"/>
        <source>The language the system is set to</source>
        <translation>Die im System eingestellte Sprache</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="142"/>
        <source>{tip} (now {language}, set by {variable}; a choice here is used after a restart)</source>
        <translation>{tip} (jetzt {language}, festgelegt durch {variable}; eine Auswahl hier gilt nach einem Neustart)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="164"/>
        <source>mnist-gui already speaks this language.</source>
        <translation>mnist-gui spricht diese Sprache bereits.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="166"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="167"/>
        <source>The language changes when mnist-gui is restarted.</source>
        <translation>Die Sprache wechselt, wenn mnist-gui neu gestartet wird.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="184"/>
        <source>A network is training, so the new language is used the next time mnist-gui starts.</source>
        <translation>Ein Netz wird gerade trainiert, daher gilt die neue Sprache erst beim nächsten Start von mnist-gui.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="186"/>
        <source>A trained network is not saved yet, so the new language is used the next time mnist-gui starts.</source>
        <translation>Ein trainiertes Netz ist noch nicht gespeichert, daher gilt die neue Sprache erst beim nächsten Start von mnist-gui.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="172"/>
        <source>&amp;Restart now</source>
        <translation>&amp;Jetzt neu starten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/translation.py" line="173"/>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/banner.py" line="28"/>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/plot_export.py" line="53"/>
        <source>Qt cannot write {format} pictures</source>
        <translation>Qt kann keine {format}-Bilder schreiben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/plot_export.py" line="69"/>
        <source>mnist-gui training curves</source>
        <translation>mnist-gui-Trainingskurven</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="34"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="36"/>
        <source>Hide this message (the delete can then no longer be undone)</source>
        <translation>Diese Meldung ausblenden (das Löschen lässt sich dann nicht mehr rückgängig machen)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="79"/>
        <source>Deleted an {label} from My digits ({undoable} deletes can be undone).</source>
        <translation>Eine {label} aus „Meine Ziffern“ gelöscht ({undoable} Löschvorgänge lassen sich rückgängig machen).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="80"/>
        <source>Deleted a {label} from My digits ({undoable} deletes can be undone).</source>
        <translation>Eine {label} aus „Meine Ziffern“ gelöscht ({undoable} Löschvorgänge lassen sich rückgängig machen).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="82"/>
        <source>Deleted an {label} from My digits.</source>
        <translation>Eine {label} aus „Meine Ziffern“ gelöscht.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="82"/>
        <source>Deleted a {label} from My digits.</source>
        <translation>Eine {label} aus „Meine Ziffern“ gelöscht.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="84"/>
        <source>Deleted {count:,} digit(s) from My digits ({undoable} deletes can be undone).</source>
        <translation>
            <numerusform>{count:,} Ziffer aus „Meine Ziffern“ gelöscht ({undoable} Löschvorgänge lassen sich rückgängig machen).</numerusform>
            <numerusform>{count:,} Ziffern aus „Meine Ziffern“ gelöscht ({undoable} Löschvorgänge lassen sich rückgängig machen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="86"/>
        <source>Deleted {count:,} digit(s) from My digits.</source>
        <translation>
            <numerusform>{count:,} Ziffer aus „Meine Ziffern“ gelöscht.</numerusform>
            <numerusform>{count:,} Ziffern aus „Meine Ziffern“ gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="88"/>
        <source>Put back an {label} where it was (Ctrl+Z)</source>
        <translation>Die {label} wieder an ihren Platz setzen (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="89"/>
        <source>Put back a {label} where it was (Ctrl+Z)</source>
        <translation>Die {label} wieder an ihren Platz setzen (Strg+Z)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/ui/widgets/undo_bar.py" line="91"/>
        <source>Put back {count:,} digit(s) where it/they was/were (Ctrl+Z)</source>
        <translation>
            <numerusform>{count:,} Ziffer wieder an ihren Platz setzen (Strg+Z)</numerusform>
            <numerusform>{count:,} Ziffern wieder an ihren Platz setzen (Strg+Z)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="22"/>
        <source>mnist-gui models (*.npz);;All files (*)</source>
        <translation>mnist-gui-Modelle (*.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="32"/>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="38"/>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="44"/>
        <source>Could not open model</source>
        <translation>Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="38"/>
        <source>There is no file {path}.</source>
        <translation>Die Datei {path} gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="48"/>
        <source>Opened {path}: every tab now uses it (Undo goes back)</source>
        <translation>{path} geöffnet: Alle Tabs verwenden es jetzt („Rückgängig“ kehrt zurück)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="64"/>
        <source>Save model as</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="76"/>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="79"/>
        <source>Could not save model</source>
        <translation>Modell konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="76"/>
        <source>The model could not be saved</source>
        <translation>Das Modell konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="80"/>
        <source>The model could not be saved to {path}.

{reason}</source>
        <translation>Das Modell konnte nicht unter {path} gespeichert werden.

{reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_model_files.py" line="84"/>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/ui/window_settings.py" line="92"/>
        <source>{setting}: it is not a size and position the window can use</source>
        <translation>{setting}: Das ist keine Größe und Position, die das Fenster verwenden kann</translation>
    </message>
</context>
</TS>
