<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../../mnist_gui/core/dataset_filters.py" line="81"/>
        <source>this filter needs the model&apos;s predictions, and there are none</source>
        <translation>dieser Filter braucht die Vorhersagen des Modells, und es gibt keine</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="81"/>
        <source>No digits in {path}: put pictures in folders named 0 to 9 ({name}/7/a.png, ...) or choose a My digits folder.</source>
        <translation>Keine Ziffern in {path}: Legen Sie Bilder in Ordner mit den Namen 0 bis 9 ({name}/7/a.png, ...) oder wählen Sie einen Ordner „Meine Ziffern“.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="84"/>
        <source>Read {n:,} digit(s) from {path}.</source>
        <translation>
            <numerusform>{n:,} Ziffer aus {path} gelesen.</numerusform>
            <numerusform>{n:,} Ziffern aus {path} gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="96"/>
        <source>{n:,} picture(s) could not be used ({file}: {why}{more})</source>
        <translation>
            <numerusform>{n:,} Bild konnte nicht verwendet werden ({file}: {why}{more})</numerusform>
            <numerusform>{n:,} Bilder konnten nicht verwendet werden ({file}: {why}{more})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="100"/>
        <source>{picture} ({n} digits)</source>
        <translation>{picture} ({n} Ziffern)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="103"/>
        <source>{n:,} picture(s) hold(s) several digits and was/were left out: one digit a picture ({names}{more})</source>
        <translation>
            <numerusform>{n:,} Bild enthält mehrere Ziffern und wurde ausgelassen: eine Ziffer pro Bild ({names}{more})</numerusform>
            <numerusform>{n:,} Bilder enthalten mehrere Ziffern und wurden ausgelassen: eine Ziffer pro Bild ({names}{more})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="107"/>
        <source>{n:,} duplicate(s) kept once</source>
        <translation>
            <numerusform>{n:,} Duplikat nur einmal behalten</numerusform>
            <numerusform>{n:,} Duplikate nur einmal behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="110"/>
        <source>{n:,} folder(s) not named 0-9 ignored ({shown})</source>
        <translation>
            <numerusform>{n:,} Ordner, der nicht 0–9 heißt, ignoriert ({shown})</numerusform>
            <numerusform>{n:,} Ordner, die nicht 0–9 heißen, ignoriert ({shown})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="113"/>
        <source>{n:,} picture(s) outside the 0-9 folders ignored (no label)</source>
        <translation>
            <numerusform>{n:,} Bild außerhalb der Ordner 0–9 ignoriert (keine Beschriftung)</numerusform>
            <numerusform>{n:,} Bilder außerhalb der Ordner 0–9 ignoriert (keine Beschriftung)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="116"/>
        <source>{n:,} file(s) that is/are not picture(s) ignored</source>
        <translation>
            <numerusform>{n:,} Datei, die kein Bild ist, ignoriert</numerusform>
            <numerusform>{n:,} Dateien, die keine Bilder sind, ignoriert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="119"/>
        <source>{n:,} more left out (at most {most:,} are read)</source>
        <translation>{n:,} weitere ausgelassen (höchstens {most:,} werden gelesen)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="122"/>
        <source>reading was stopped before the end</source>
        <translation>das Lesen wurde vor dem Ende gestoppt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="137"/>
        <source>{path}: no such folder</source>
        <translation>{path}: Ordner nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="137"/>
        <source>{path} is not a folder</source>
        <translation>{path} ist kein Ordner</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="147"/>
        <source>the My digits folder {path} cannot be read: {reason}</source>
        <translation>der Ordner „Meine Ziffern“ {path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="154"/>
        <source>{path} is a My digits folder without its {file} file</source>
        <translation>{path} ist ein Ordner „Meine Ziffern“ ohne seine Datei {file}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="158"/>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="45"/>
        <source>{file} holds {dtype} images of shape {shape}, expected uint8 {side}x{side}</source>
        <translation>{file} enthält {dtype}-Bilder der Form {shape}, erwartet: uint8 {side}x{side}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="163"/>
        <source>{file} holds {n:,} digits, more than the {most:,} this app reads at once</source>
        <translation>{file} enthält {n:,} Ziffern, mehr als die {most:,}, die diese App auf einmal liest</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="170"/>
        <source>{file} does not hold labels 0-9</source>
        <translation>{file} enthält keine Beschriftungen 0–9</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="173"/>
        <source>the files hold {images} but {labels}, the labelled ones were read</source>
        <translation>die Dateien enthalten {images}, aber {labels}; die beschrifteten wurden gelesen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="174"/>
        <source>{n:,} image(s)</source>
        <translation>
            <numerusform>{n:,} Bild</numerusform>
            <numerusform>{n:,} Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/digit_folders.py" line="175"/>
        <source>{n:,} label(s)</source>
        <translation>
            <numerusform>{n:,} Beschriftung</numerusform>
            <numerusform>{n:,} Beschriftungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="226"/>
        <source>{path} cannot be listed: {why}</source>
        <translation>der Inhalt von {path} kann nicht aufgelistet werden: {why}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="233"/>
        <source>the folder cannot be listed ({why})</source>
        <translation>der Inhalt des Ordners kann nicht aufgelistet werden ({why})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders.py" line="298"/>
        <source>no ink (a blank picture)</source>
        <translation>keine Tinte (ein leeres Bild)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/digit_folders_export.py" line="76"/>
        <source>{path} already holds My digits files; choose an empty folder</source>
        <translation>{path} enthält schon Dateien von „Meine Ziffern“; wählen Sie einen leeren Ordner</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="85"/>
        <source>another mnist-gui window kept the folder busy</source>
        <translation>ein anderes mnist-gui-Fenster hat den Ordner belegt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="76"/>
        <source>Second try, gentler: {step}</source>
        <translation>Zweiter, sanfterer Versuch: {step}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="119"/>
        <source>There is no trained model to teach.</source>
        <translation>Es gibt kein trainiertes Modell, dem man etwas beibringen könnte.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="122"/>
        <source>This model takes {shape} inputs; your digits are 28 x 28 pictures, so only a model of 28 x 28 (or 784) inputs can learn them.</source>
        <translation>Dieses Modell nimmt Eingaben der Größe {shape}; Ihre Ziffern sind Bilder von 28 x 28, also kann nur ein Modell mit 28 x 28 (oder 784) Eingaben sie lernen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="123"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="125"/>
        <source>This model tells {classes} classes apart, not the ten digits.</source>
        <translation>Dieses Modell unterscheidet {classes} Klassen, nicht die zehn Ziffern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="128"/>
        <source>This model tells {names}, ... apart, not handwritten digits.</source>
        <translation>Dieses Modell unterscheidet {names}, ..., keine handgeschriebenen Ziffern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="139"/>
        <source>The digits must be uint8 28 x 28 pictures, got {dtype} {shape}.</source>
        <translation>Die Ziffern müssen uint8-Bilder von 28 x 28 sein, erhalten: {dtype} {shape}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="142"/>
        <source>Every digit needs one label from 0 to 9.</source>
        <translation>Jede Ziffer braucht eine Beschriftung von 0 bis 9.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="145"/>
        <source>There are no digits to learn from; keep at least {least} (one of each digit is a start).</source>
        <translation>Es gibt keine Ziffern zum Lernen; behalten Sie mindestens {least} (eine von jeder Ziffer ist ein Anfang).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/finetune.py" line="147"/>
        <source>There is/are %n digit(s) to learn from; keep at least {least} (one of each digit is a start).</source>
        <translation>
            <numerusform>Es gibt nur %n Ziffer zum Lernen; behalten Sie mindestens {least} (eine von jeder Ziffer ist ein Anfang).</numerusform>
            <numerusform>Es gibt nur %n Ziffern zum Lernen; behalten Sie mindestens {least} (eine von jeder Ziffer ist ein Anfang).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="255"/>
        <source>Only {n} of these digits differ from each other; keep at least {least} different ones.</source>
        <translation>Nur {n} dieser Ziffern unterscheiden sich voneinander; behalten Sie mindestens {least} verschiedene.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="265"/>
        <source>Measuring the model before fine-tuning</source>
        <translation>Das Modell wird vor dem Nachtrainieren gemessen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="285"/>
        <source>Measuring the model after fine-tuning</source>
        <translation>Das Modell wird nach dem Nachtrainieren gemessen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="310"/>
        <location filename="../../mnist_gui/core/training_text.py" line="241"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune.py" line="310"/>
        <location filename="../../mnist_gui/core/training_text.py" line="241"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="21"/>
        <source>Every epoch lost more than 0.3 points on the MNIST check images, even on a second, gentler try; the one that lost least was kept. Compare the MNIST test figures before you use it.</source>
        <translation>Jede Epoche hat auf den MNIST-Prüfbildern mehr als 0,3 Punkte verloren, auch bei einem zweiten, sanfteren Versuch; die mit dem geringsten Verlust wurde behalten. Vergleichen Sie die MNIST-Testwerte, bevor Sie es verwenden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/finetune_report.py" line="53"/>
        <source>%n more {digit}(s)</source>
        <translation>
            <numerusform>%n weitere {digit}</numerusform>
            <numerusform>%n weitere {digit}er</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="58"/>
        <source>{digit}s</source>
        <comment>digits of one kind</comment>
        <translation>{digit}er</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="64"/>
        <source>{list} and {last}</source>
        <translation>{list} und {last}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="64"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="79"/>
        <source>It reads all of your digits right; draw more of any digit to check that it keeps doing so.</source>
        <translation>Es liest alle Ihre Ziffern richtig; zeichnen Sie mehr von einer beliebigen Ziffer, um zu prüfen, ob das so bleibt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="86"/>
        <source>it misreads your {digits}</source>
        <translation>es liest Ihre {digits} falsch</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="90"/>
        <source>you have drawn no {digits} yet</source>
        <translation>Sie haben noch keine {digits} gezeichnet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="92"/>
        <source>there are too few of your {digits} to learn from</source>
        <translation>es gibt zu wenige Ihrer {digits}, um daraus zu lernen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="94"/>
        <source>there is only one of your {digits} to learn from</source>
        <translation>es gibt nur einen Ihrer {digits}, um daraus zu lernen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="97"/>
        <source>Draw {what}: {why}.</source>
        <translation>Zeichnen Sie {what}: {why}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="98"/>
        <source>Draw {what}: {why} and {also}.</source>
        <translation>Zeichnen Sie {what}: {why}, und {also}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="115"/>
        <source>{kept:,} of your digits</source>
        <translation>{kept:,} Ihrer Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="116"/>
        <source>your digits ({kept:,} kept, {same:,} the same as another)</source>
        <translation>Ihren Ziffern ({kept:,} behalten, {same:,} gleich einer anderen)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="124"/>
        <source>your held-out digits</source>
        <translation>Ihre zurückgehaltenen Ziffern</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="126"/>
        <source>your own (no held-out part: too few of each) digits</source>
        <translation>Ihre eigenen Ziffern (kein zurückgehaltener Teil: zu wenige von jeder)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="129"/>
        <source> (the weights of epoch {epoch} kept)</source>
        <translation> (die Gewichte von Epoche {epoch} behalten)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="130"/>
        <source> (on a second, gentler try)</source>
        <translation> (im zweiten, sanfteren Versuch)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="131"/>
        <source>, {n:,} held back for the test,</source>
        <translation>, davon {n:,} für den Test zurückgehalten,</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="132"/>
        <source>Fine-tuned on {digits}{held} in {epochs}{gentler}{kept}: {where} {before} → {after}, MNIST test {mnist_before} → {mnist_after}.</source>
        <translation>Nachtrainiert mit {digits}{held} in {epochs}{gentler}{kept}: {where} {before} → {after}, MNIST-Test {mnist_before} → {mnist_after}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/finetune_report.py" line="134"/>
        <location filename="../../mnist_gui/core/training_text.py" line="81"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="139"/>
        <source>Stopped before the end; the model was not changed.</source>
        <translation>Vor dem Ende gestoppt; das Modell wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="141"/>
        <source>Every epoch lost more than 0.3 points on the MNIST check images.</source>
        <translation>Jede Epoche hat auf den MNIST-Prüfbildern mehr als 0,3 Punkte verloren.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="151"/>
        <source>fine-tuning was stopped: there is no fine-tuned model to keep</source>
        <translation>das Nachtrainieren wurde gestoppt: es gibt kein nachtrainiertes Modell zum Behalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_report.py" line="152"/>
        <source>fine-tuned on {digits}</source>
        <translation>nachtrainiert mit {digits}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_watch.py" line="74"/>
        <source>Learning your handwriting: epoch {epoch} of at most {epochs}</source>
        <translation>Ihre Handschrift wird gelernt: Epoche {epoch} von höchstens {epochs}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_watch.py" line="86"/>
        <source>Epoch {epoch}: your held-out digits {personal:.0%}, MNIST check {mnist:.1%}</source>
        <translation>Epoche {epoch}: Ihre zurückgehaltenen Ziffern {personal:.0%}, MNIST-Prüfung {mnist:.1%}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/finetune_watch.py" line="88"/>
        <source>Epoch {epoch}: your held-out digits {personal:.0%}, MNIST check {mnist:.1%} (more than {points:.1f} points below the start: not kept)</source>
        <translation>Epoche {epoch}: Ihre zurückgehaltenen Ziffern {personal:.0%}, MNIST-Prüfung {mnist:.1%} (mehr als {points:.1f} Punkte unter dem Start: nicht behalten)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="31"/>
        <source>Draw a digit on the Draw tab (or send one from the Dataset tab) to see what each layer makes of it.</source>
        <translation>Zeichnen Sie auf dem Tab „Zeichnen“ eine Ziffer (oder schicken Sie eine vom Tab „Datensatz“), um zu sehen, was jede Schicht daraus macht.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="33"/>
        <source>No model yet: train one, open one, or use the default model.</source>
        <translation>Noch kein Modell: Trainieren oder öffnen Sie eines, oder verwenden Sie das Standardmodell.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="99"/>
        <source>the Inside view takes a grey picture (height, width), got shape {shape}</source>
        <translation>die Einblick-Ansicht nimmt ein Graustufenbild (Höhe, Breite), erhalten: Form {shape}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="107"/>
        <source>This {h}×{w} picture was resized to the {th}×{tw} the network takes.</source>
        <translation>Dieses Bild von {h}×{w} wurde auf die {th}×{tw} skaliert, die das Netz nimmt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="152"/>
        <source>showing the {limit} most active of {n:,} feature maps</source>
        <translation>die {limit} aktivsten von {n:,} Merkmalskarten werden gezeigt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="153"/>
        <source>showing the {limit} most active of {n:,} units</source>
        <translation>die {limit} aktivsten von {n:,} Einheiten werden gezeigt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside.py" line="154"/>
        <source>showing the {limit} most active of {n:,} classes</source>
        <translation>die {limit} aktivsten von {n:,} Klassen werden gezeigt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="44"/>
        <source>the softmax temperature must be greater than 0, got {value!r}</source>
        <translation>die Softmax-Temperatur muss größer als 0 sein, erhalten: {value!r}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="71"/>
        <source>{layer}, unit {unit}</source>
        <translation>{layer}, Einheit {unit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="75"/>
        <source>{layer}, feature map {map}</source>
        <translation>{layer}, Merkmalskarte {map}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="80"/>
        <source>weighted sum over {n:,} inputs (largest terms first):</source>
        <translation>gewichtete Summe über {n:,} Eingaben (größte Terme zuerst):</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="85"/>
        <source>the other {n:,} terms add up to {rest:+.4f}</source>
        <translation>die übrigen {n:,} Terme ergeben zusammen {rest:+.4f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="93"/>
        <source>+ bias {bias:+.4f} = z = {z:+.4f}</source>
        <translation>+ Bias {bias:+.4f} = z = {z:+.4f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="95"/>
        <source>z if z &gt; 0 else slope·z</source>
        <translation>z falls z &gt; 0, sonst Steigung·z</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="95"/>
        <source>softmax over the layer</source>
        <translation>Softmax über die Schicht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="96"/>
        <source>(switched off: z ≤ 0)</source>
        <translation>(abgeschaltet: z ≤ 0)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="112"/>
        <source>its {h}×{w} weights, one per pixel</source>
        <translation>ihre {h}×{w} Gewichte, eines pro Pixel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="113"/>
        <source>the input it reads</source>
        <translation>die Eingabe, die sie liest</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="114"/>
        <source>pixel ({row}, {column})</source>
        <translation>Pixel ({row}, {column})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="118"/>
        <source>its {n:,} weights, in input order</source>
        <translation>ihre {n:,} Gewichte, in der Reihenfolge der Eingaben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="119"/>
        <source>the {n:,} inputs it reads ({source})</source>
        <translation>die {n:,} Eingaben, die sie liest ({source})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="120"/>
        <source>input {i}</source>
        <translation>Eingabe {i}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="140"/>
        <source>({row}, {column}, ch {channel})</source>
        <translation>({row}, {column}, K {channel})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="142"/>
        <source>the map&apos;s strongest point is ({y}, {x}); the {kh}×{kw}×{c} kernel slides over every position:</source>
        <translation>der stärkste Punkt der Karte ist ({y}, {x}); der {kh}×{kw}×{c}-Kernel gleitet über jede Position:</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="148"/>
        <source>its {kh}×{kw} kernel for each of {c} input channels</source>
        <translation>ihr {kh}×{kw}-Kernel für jeden der {c} Eingabekanäle</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="149"/>
        <source>the {kh}×{kw} input patch at ({y}, {x}) in all {c} channels</source>
        <translation>der {kh}×{kw}-Eingabeausschnitt bei ({y}, {x}) in allen {c} Kanälen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="151"/>
        <source>its {kh}×{kw} kernel</source>
        <translation>ihr {kh}×{kw}-Kernel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="152"/>
        <source>the {kh}×{kw} input patch at ({y}, {x})</source>
        <translation>der {kh}×{kw}-Eingabeausschnitt bei ({y}, {x})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="165"/>
        <source>each output pixel is the largest of an {p}×{q} window of map {map} of the layer before,</source>
        <translation>jedes Ausgabepixel ist der größte Wert eines {p}×{q}-Fensters der Karte {map} der vorigen Schicht,</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="167"/>
        <source>each output pixel is the largest of a {p}×{q} window of map {map} of the layer before,</source>
        <translation>jedes Ausgabepixel ist der größte Wert eines {p}×{q}-Fensters der Karte {map} der vorigen Schicht,</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="169"/>
        <source>which halves the map and keeps the strongest response wherever it was in the window.</source>
        <translation>was die Karte halbiert und die stärkste Antwort behält, wo immer sie im Fenster lag.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="170"/>
        <source>at ({y}, {x}): max({cells}) = {value:.3f}</source>
        <translation>bei ({y}, {x}): max({cells}) = {value:.3f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="172"/>
        <source>map {map} before pooling ({h}×{w})</source>
        <translation>Karte {map} vor dem Pooling ({h}×{w})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="181"/>
        <source>softmax at temperature T = {t:g}: p_k = exp(z_k / T) / Σ_j exp(z_j / T)</source>
        <translation>Softmax bei Temperatur T = {t:g}: p_k = exp(z_k / T) / Σ_j exp(z_j / T)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="182"/>
        <source>(the largest z/T is subtracted before exp so nothing overflows; the answer is unchanged)</source>
        <translation>(das größte z/T wird vor exp abgezogen, damit nichts überläuft; die Antwort bleibt gleich)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="183"/>
        <source>class   logit z    z / T     exp(z/T − max)   p</source>
        <translation>Klasse  Logit z    z / T     exp(z/T − max)   p</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="199"/>
        <source>the weights into &apos;{name}&apos;</source>
        <translation>die Gewichte zu „{name}“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="200"/>
        <source>the input they multiply</source>
        <translation>die Eingabe, mit der sie multipliziert werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="201"/>
        <source>answer &apos;{name}&apos;</source>
        <translation>Antwort „{name}“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="218"/>
        <source>from {layer}</source>
        <translation>aus {layer}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/inside_explain.py" line="219"/>
        <source>the input</source>
        <translation>die Eingabe</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/lab.py" line="61"/>
        <source>%n switched off</source>
        <translation>
            <numerusform>%n abgeschaltet</numerusform>
            <numerusform>%n abgeschaltet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="63"/>
        <source>weights ×{factor:g}</source>
        <translation>Gewichte ×{factor:g}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="65"/>
        <source>noise {noise:g}σ</source>
        <translation>Rauschen {noise:g}σ</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="67"/>
        <source>{share:.0%} pruned</source>
        <translation>{share:.0%} entfernt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="69"/>
        <source>no edits</source>
        <translation>keine Änderungen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="94"/>
        <source>the lab can edit layers with weights ({layers}), not {name!r}</source>
        <translation>das Labor kann Schichten mit Gewichten ändern ({layers}), nicht {name!r}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="125"/>
        <source>{layer} has units 0 to {last}, got {unit}</source>
        <translation>{layer} hat die Einheiten 0 bis {last}, erhalten: {unit}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="198"/>
        <source>lab edit: {edits}</source>
        <translation>Laboränderung: {edits}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="202"/>
        <source>Edited in the Inside tab&apos;s lab: {edits}.</source>
        <translation>Im Labor des Tabs „Einblick“ geändert: {edits}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/lab.py" line="204"/>
        <source>Test accuracy measured on the first {n:,} test images.</source>
        <translation>Testgenauigkeit auf den ersten {n:,} Testbildern gemessen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="47"/>
        <source>Learning rate {rate:g} is far above what {optimizer} usually needs; try {typical:g}.</source>
        <translation>Die Lernrate {rate:g} liegt weit über dem, was {optimizer} gewöhnlich braucht; versuchen Sie {typical:g}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="50"/>
        <source>Learning rate {rate:g} is far below what {optimizer} usually needs, so the weights barely move; try {typical:g}.</source>
        <translation>Die Lernrate {rate:g} liegt weit unter dem, was {optimizer} gewöhnlich braucht, daher bewegen sich die Gewichte kaum; versuchen Sie {typical:g}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="54"/>
        <source>Deep networks of sigmoid or tanh units learn slowly; try relu, or fewer layers.</source>
        <translation>Tiefe Netze aus sigmoid- oder tanh-Einheiten lernen langsam; versuchen Sie relu oder weniger Schichten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="56"/>
        <source>Dropout {rate:g} switches off most units; try 0.2.</source>
        <translation>Dropout {rate:g} schaltet die meisten Einheiten ab; versuchen Sie 0,2.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="57"/>
        <source>Try a smaller learning rate (for example {rate:g}) or the tutorial preset.</source>
        <translation>Versuchen Sie eine kleinere Lernrate (zum Beispiel {rate:g}) oder die Voreinstellung „Tutorial“.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="71"/>
        <source>The loss has risen from {start:.3g} to {recent:.3g}: the network is getting worse, not better. {advice}</source>
        <translation>Der Verlust ist von {start:.3g} auf {recent:.3g} gestiegen: Das Netz wird schlechter, nicht besser. {advice}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/learning_watch.py" line="77"/>
        <source>After {batches:,} batches the accuracy is {accuracy:.0f}%, what guessing gives ({chance:.0f}%): the network is not learning. {advice}</source>
        <translation>Nach {batches:,} Stapeln liegt die Genauigkeit bei {accuracy:.0f}&#xa0;%, so viel wie Raten ergibt ({chance:.0f}&#xa0;%): Das Netz lernt nicht. {advice}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/memory.py" line="77"/>
        <source>the cnn architecture needs images of at least 10 x 10 pixels, got {size}</source>
        <translation>die CNN-Architektur braucht Bilder von mindestens 10 x 10 Pixeln, erhalten: {size}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/memory.py" line="127"/>
        <source>this network needs about {need} of memory to train ({weights:,} weights; batches of {batch}), but only {free} is free. {advice}</source>
        <translation>dieses Netz braucht zum Trainieren etwa {need} Speicher ({weights:,} Gewichte; Stapel zu {batch}), aber nur {free} sind frei. {advice}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/memory.py" line="138"/>
        <source>a network of {weights:,} weights could be trained but not opened again from its file (the app opens models of up to {size} in memory, about {most:,} weights). Try fewer or smaller hidden layers.</source>
        <translation>ein Netz mit {weights:,} Gewichten ließe sich trainieren, aber nicht wieder aus seiner Datei öffnen (die App öffnet Modelle bis {size} im Speicher, etwa {most:,} Gewichte). Versuchen Sie weniger oder kleinere verborgene Schichten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/memory.py" line="159"/>
        <source>Try a batch size of {batch}.</source>
        <translation>Versuchen Sie eine Stapelgröße von {batch}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/memory.py" line="165"/>
        <source>Try hidden layers of {sizes} with batches of at most 128.</source>
        <translation>Versuchen Sie verborgene Schichten von {sizes} mit Stapeln von höchstens 128.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/memory.py" line="167"/>
        <source>Try fewer or smaller hidden layers and a smaller batch size.</source>
        <translation>Versuchen Sie weniger oder kleinere verborgene Schichten und eine kleinere Stapelgröße.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="31"/>
        <source>it diverged</source>
        <translation>es ist divergiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="31"/>
        <source>it did not learn</source>
        <translation>es hat nicht gelernt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="32"/>
        <source>it failed</source>
        <translation>es ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="32"/>
        <source>it was interrupted</source>
        <translation>es wurde unterbrochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="33"/>
        <source>it is still training</source>
        <translation>es trainiert noch</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="34"/>
        <location filename="../../mnist_gui/core/models.py" line="161"/>
        <source>its network gives NaN or infinite outputs</source>
        <translation>sein Netz gibt NaN oder unendliche Werte aus</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="36"/>
        <location filename="../../mnist_gui/core/run_table.py" line="43"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="36"/>
        <location filename="../../mnist_gui/core/run_table.py" line="44"/>
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="37"/>
        <location filename="../../mnist_gui/core/run_table.py" line="44"/>
        <source>not learning</source>
        <translation>lernt nicht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="37"/>
        <location filename="../../mnist_gui/core/run_table.py" line="45"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="38"/>
        <location filename="../../mnist_gui/core/run_table.py" line="45"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="38"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="39"/>
        <source>unusable</source>
        <translation>unbrauchbar</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="68"/>
        <source>{name} (not saved)</source>
        <translation>{name} (nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="77"/>
        <source>the bundled default model</source>
        <translation>das mitgelieferte Standardmodell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="77"/>
        <source>the model of a kept run</source>
        <translation>das Modell eines behaltenen Trainingslaufs</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="78"/>
        <source>the model file {path}</source>
        <translation>die Modelldatei {path}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="79"/>
        <source>a trained network kept only in memory</source>
        <translation>ein trainiertes Netz, das nur im Speicher liegt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="81"/>
        <source>{name}: {where}</source>
        <translation>{name}: {where}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="82"/>
        <source>{name}: {where}, test accuracy {accuracy:.2f}%</source>
        <translation>{name}: {where}, Testgenauigkeit {accuracy:.2f}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="157"/>
        <source>it ended as {status!r}</source>
        <translation>es endete als {status!r}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="159"/>
        <source>it left no network</source>
        <translation>es hat kein Netz hinterlassen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="193"/>
        <source>the model file of {name} is missing ({path})</source>
        <translation>die Modelldatei von {name} fehlt ({path})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="195"/>
        <source>the model file of {name} is missing</source>
        <translation>die Modelldatei von {name} fehlt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="202"/>
        <source>{name} is not a model mnist-gui can use: {reason}.

Open a .npz file that mnist-gui saved, or train a network in the Train tab.</source>
        <translation>{name} ist kein Modell, das mnist-gui verwenden kann: {reason}.

Öffnen Sie eine .npz-Datei, die mnist-gui gespeichert hat, oder trainieren Sie ein Netz im Tab „Training“.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/models.py" line="205"/>
        <source>{name} gives NaN or infinite outputs, so it is not used</source>
        <translation>{name} gibt NaN oder unendliche Werte aus und wird daher nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits.py" line="98"/>
        <source>My digits is full ({n:,} digits): delete some (or export them and start afresh) to keep more.</source>
        <translation>„Meine Ziffern“ ist voll ({n:,} Ziffern): Löschen Sie einige (oder exportieren Sie sie und fangen Sie neu an), um weitere zu behalten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits.py" line="266"/>
        <source>Could not save to {folder}: {reason}.</source>
        <translation>Speichern in {folder} nicht möglich: {reason}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits.py" line="279"/>
        <location filename="../../mnist_gui/core/my_digits_open.py" line="53"/>
        <source>could not be read ({problem})</source>
        <comment>your saved digits ...</comment>
        <translation>konnten nicht gelesen werden ({problem})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="42"/>
        <source>{file} is missing</source>
        <translation>{file} fehlt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="48"/>
        <source>{file} does not hold digit labels 0-9</source>
        <translation>{file} enthält keine Ziffernbeschriftungen 0–9</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="69"/>
        <source>Your saved digits in {folder} {what}. The old files were kept as {files}; new digits are saved afresh.</source>
        <translation>Ihre gespeicherten Ziffern in {folder} {what}. Die alten Dateien wurden als {files} aufbewahrt; neue Ziffern werden neu gespeichert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="87"/>
        <location filename="../../mnist_gui/core/training_text.py" line="177"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="89"/>
        <source>the folder is read-only</source>
        <translation>der Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="116"/>
        <source>a digit must be a {side}x{side} image, got shape {shape}</source>
        <translation>eine Ziffer muss ein Bild von {side}x{side} sein, erhalten: Form {shape}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_files.py" line="125"/>
        <source>a digit&apos;s label must be 0-9, got {label}</source>
        <translation>die Beschriftung einer Ziffer muss 0–9 sein, erhalten: {label}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_open.py" line="45"/>
        <source>Your saved digits in {folder} are busy (another mnist-gui window is writing them) and were not loaded. New digits are added to them.</source>
        <translation>Ihre gespeicherten Ziffern in {folder} sind belegt (ein anderes mnist-gui-Fenster schreibt sie) und wurden nicht geladen. Neue Ziffern werden ihnen hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_open.py" line="61"/>
        <source>did not match ({images} images, {labels} labels); the first {n} were kept</source>
        <comment>your saved digits ...</comment>
        <translation>passten nicht zusammen ({images} Bilder, {labels} Beschriftungen); die ersten {n} wurden behalten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/my_digits_open.py" line="75"/>
        <source>Your saved digits in {folder} {what}. They were left as they are ({reason}); new digits stay unsaved until the folder can be written.</source>
        <translation>Ihre gespeicherten Ziffern in {folder} {what}. Sie wurden gelassen, wie sie sind ({reason}); neue Ziffern bleiben ungespeichert, bis in den Ordner geschrieben werden kann.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/numbers.py" line="68"/>
        <source>{marks} separate marks: too many to be a number (at most {most} digits are read); crop to the digits</source>
        <translation>{marks} getrennte Striche: zu viele für eine Zahl (höchstens {most} Ziffern werden gelesen); schneiden Sie das Bild auf die Ziffern zu</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/numbers.py" line="78"/>
        <source>{n} digits: more than the {most} read at once; crop to the number</source>
        <translation>{n} Ziffern: mehr als die {most}, die auf einmal gelesen werden; schneiden Sie das Bild auf die Zahl zu</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/pca.py" line="69"/>
        <source>these test images are {size} but the network takes {inputs} inputs; use test images of the size it was trained on</source>
        <translation>diese Testbilder haben {size}, aber das Netz nimmt Eingaben von {inputs}; verwenden Sie Testbilder der Größe, mit der es trainiert wurde</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_data.py" line="144"/>
        <source>epoch {epoch}, batch {batch:,}: loss {loss} (smoothed {smoothed}), accuracy {accuracy}</source>
        <translation>Epoche {epoch}, Stapel {batch:,}: Verlust {loss} (geglättet {smoothed}), Genauigkeit {accuracy}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_data.py" line="151"/>
        <source>after epoch {epoch}: loss {loss}, accuracy {accuracy}</source>
        <translation>nach Epoche {epoch}: Verlust {loss}, Genauigkeit {accuracy}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_data.py" line="154"/>
        <source>, validation loss {loss}, accuracy {accuracy}</source>
        <translation>, Validierungsverlust {loss}, Genauigkeit {accuracy}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_data.py" line="157"/>
        <source>, test loss {loss}, accuracy {accuracy}</source>
        <translation>, Testverlust {loss}, Genauigkeit {accuracy}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_recorder.py" line="60"/>
        <source>this run is not being kept: {why} in {folder}; training goes on</source>
        <translation>dieser Trainingslauf wird nicht behalten: {why} in {folder}; das Training läuft weiter</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="25"/>
        <source>The run&apos;s colour on the plots</source>
        <translation>Die Farbe des Trainingslaufs in den Diagrammen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="26"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="26"/>
        <source>Tick to draw this run on the plots</source>
        <translation>Ankreuzen, um diesen Trainingslauf in den Diagrammen zu zeichnen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="27"/>
        <source>Starred runs are never removed to make room for new ones</source>
        <translation>Markierte Trainingsläufe werden nie entfernt, um Platz für neue zu schaffen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="28"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="28"/>
        <source>Double-click to rename</source>
        <translation>Doppelklicken zum Umbenennen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="29"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="29"/>
        <source>Architecture, hidden layers, activation and dropout</source>
        <translation>Architektur, verborgene Schichten, Aktivierung und Dropout</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="30"/>
        <location filename="../../mnist_gui/core/train_fields.py" line="54"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="30"/>
        <source>The optimizer and its learning-rate schedule</source>
        <translation>Der Optimierer und sein Lernratenplan</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="31"/>
        <location filename="../../mnist_gui/core/train_fields.py" line="55"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="31"/>
        <source>The learning rate the run started with</source>
        <translation>Die Lernrate, mit der der Trainingslauf begann</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="32"/>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="32"/>
        <source>Images per weight update</source>
        <translation>Bilder pro Gewichtsaktualisierung</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="33"/>
        <location filename="../../mnist_gui/core/train_fields.py" line="57"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="33"/>
        <source>Epochs done of the epochs asked for</source>
        <translation>Erledigte von den verlangten Epochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="34"/>
        <source>Best val.</source>
        <translation>Beste Val.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="34"/>
        <source>The best validation accuracy after any epoch (&apos;–&apos; without a validation split: the test after each epoch is never shown as validation)</source>
        <translation>Die beste Validierungsgenauigkeit nach einer Epoche („–“ ohne Validierungsanteil: der Test nach jeder Epoche wird nie als Validierung gezeigt)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="37"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="37"/>
        <source>Accuracy on the test images after training</source>
        <translation>Genauigkeit auf den Testbildern nach dem Training</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="38"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="38"/>
        <source>Training time, pauses not counted</source>
        <translation>Trainingszeit, ohne Pausen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="39"/>
        <location filename="../../mnist_gui/core/run_table.py" line="241"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="39"/>
        <source>How the run ended</source>
        <translation>Wie der Trainingslauf endete</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="43"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="92"/>
        <source>MLP (no hidden layer)</source>
        <translation>MLP (keine verborgene Schicht)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="96"/>
        <source>{network}, dropout {rate:g}</source>
        <translation>{network}, Dropout {rate:g}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="104"/>
        <source>{network}, {optimizer} {rate} at {clock}</source>
        <translation>{network}, {optimizer} {rate} um {clock}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="113"/>
        <location filename="../../mnist_gui/core/training_text.py" line="171"/>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} s</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="135"/>
        <source>none</source>
        <comment>no hidden layers</comment>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="240"/>
        <source>Epochs done</source>
        <translation>Erledigte Epochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="240"/>
        <source>Best validation accuracy</source>
        <translation>Beste Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="241"/>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/run_table.py" line="241"/>
        <source>Training time</source>
        <translation>Trainingszeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/runs.py" line="52"/>
        <source>a run needs a name</source>
        <translation>ein Trainingslauf braucht einen Namen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/runs.py" line="153"/>
        <source>run {run} could not be read ({why}) and was set aside</source>
        <translation>der Trainingslauf {run} konnte nicht gelesen werden ({why}) und wurde beiseitegelegt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="61"/>
        <source>the window&apos;s size and position</source>
        <translation>Größe und Position des Fensters</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="62"/>
        <source>the tab that was open</source>
        <translation>der zuletzt offene Tab</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="63"/>
        <source>the list of recent model files</source>
        <translation>die Liste der zuletzt verwendeten Modelldateien</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="64"/>
        <source>the folder of the last model file</source>
        <translation>der Ordner der letzten Modelldatei</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="65"/>
        <source>the folder of the last exported curves</source>
        <translation>der Ordner der zuletzt exportierten Kurven</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="67"/>
        <source>the folder of the last opened picture</source>
        <translation>der Ordner des zuletzt geöffneten Bildes</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="69"/>
        <source>the folder of the last My digits import or export</source>
        <translation>der Ordner des letzten Imports oder Exports von „Meine Ziffern“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="71"/>
        <source>the positions of the dividers between panels</source>
        <translation>die Positionen der Trennlinien zwischen den Bereichen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="72"/>
        <source>the colour theme</source>
        <translation>das Farbschema</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="74"/>
        <source>the language</source>
        <translation>die Sprache</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="76"/>
        <source>the model every tab used</source>
        <translation>das Modell, das alle Tabs verwendet haben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="77"/>
        <source>the Train tab&apos;s settings</source>
        <translation>die Einstellungen des Tabs „Training“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="79"/>
        <source>the network and training settings</source>
        <translation>die Netz- und Trainingseinstellungen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="80"/>
        <source>the curves&apos; smoothing</source>
        <translation>die Glättung der Kurven</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="81"/>
        <source>whether earlier runs are shown</source>
        <translation>ob frühere Trainingsläufe gezeigt werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="99"/>
        <location filename="../../mnist_gui/core/settings.py" line="105"/>
        <source>it could not be read</source>
        <translation>der Wert konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="109"/>
        <source>{setting}: {why}</source>
        <translation>{setting}: {why}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="131"/>
        <source>The settings file has been repaired; everything else is as you left it.</source>
        <translation>Die Einstellungsdatei wurde repariert; alles andere ist so, wie Sie es verlassen haben.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="132"/>
        <source>The settings file could not be written, so the same will happen next time; everything else is as you left it.</source>
        <translation>Die Einstellungsdatei konnte nicht geschrieben werden, beim nächsten Mal geschieht also dasselbe; alles andere ist so, wie Sie es verlassen haben.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="134"/>
        <source>Some saved settings were damaged, so they were reset to their defaults:
{items}
{end}</source>
        <translation>Einige gespeicherte Einstellungen waren beschädigt und wurden auf ihre Standardwerte zurückgesetzt:
{items}
{end}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="149"/>
        <source>a {type}</source>
        <translation>ein {type}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="168"/>
        <source>{value} is not a whole number</source>
        <translation>{value} ist keine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="169"/>
        <source>{value} is not a whole number from {low:g} to {high:g}</source>
        <translation>{value} ist keine ganze Zahl von {low:g} bis {high:g}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="177"/>
        <location filename="../../mnist_gui/core/settings.py" line="179"/>
        <source>{value} is not a number</source>
        <translation>{value} ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="180"/>
        <source>{value} is not a number from {low:g} to {high:g}</source>
        <translation>{value} ist keine Zahl von {low:g} bis {high:g}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="189"/>
        <source>{value} is neither true nor false</source>
        <translation>{value} ist weder wahr noch falsch</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="195"/>
        <source>{value} is not text</source>
        <translation>{value} ist kein Text</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="197"/>
        <source>{value} is not a usable folder name</source>
        <translation>{value} ist kein brauchbarer Ordnername</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="203"/>
        <source>it is not a size and position the window can use</source>
        <translation>der Wert ist keine Größe und Position, die das Fenster verwenden kann</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="211"/>
        <source>{value} is not JSON text</source>
        <translation>{value} ist kein JSON-Text</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="215"/>
        <source>it is nested too deeply</source>
        <translation>der Wert ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="230"/>
        <source>{value} is not a list of files</source>
        <translation>{value} ist keine Liste von Dateien</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/settings.py" line="235"/>
        <source>%n unusable entry(s) removed</source>
        <translation>
            <numerusform>%n unbrauchbarer Eintrag entfernt</numerusform>
            <numerusform>%n unbrauchbare Einträge entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="242"/>
        <location filename="../../mnist_gui/core/settings.py" line="255"/>
        <source>{value} is not a set of named values</source>
        <translation>{value} ist keine Menge benannter Werte</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="269"/>
        <source>{value} is not one of {choices}</source>
        <translation>{value} ist keiner der Werte {choices}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="279"/>
        <location filename="../../mnist_gui/core/settings.py" line="281"/>
        <source>{value} is not the name of a model</source>
        <translation>{value} ist nicht der Name eines Modells</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="288"/>
        <source>{value} is not a set of named sizes</source>
        <translation>{value} ist keine Menge benannter Größen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/settings.py" line="294"/>
        <source>the entry for {name} is not a list of sizes in pixels</source>
        <translation>der Eintrag für {name} ist keine Liste von Größen in Pixeln</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="20"/>
        <source>How hard training pushes each layer: its gradient&apos;s size after a batch (log scale). Steady shrinking is normal; a sudden climb often comes before the loss blows up.</source>
        <translation>Wie stark das Training jede Schicht anschiebt: die Größe ihres Gradienten nach einem Stapel (logarithmisch). Stetiges Schrumpfen ist normal; ein plötzlicher Anstieg kommt oft, bevor der Verlust explodiert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="22"/>
        <source>Units (a convolution&apos;s filters) that gave 0 for every image of a batch: a dead ReLU passes no gradient back, so it stops learning.</source>
        <translation>Einheiten (bei einer Faltung deren Filter), die für jedes Bild eines Stapels 0 ergaben: Eine tote ReLU gibt keinen Gradienten zurück und hört daher auf zu lernen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="24"/>
        <source>The chosen layer&apos;s weights now (solid) and at the start (dashed). A slow widening is usual; weights rushing outwards suggest too high a learning rate.</source>
        <translation>Die Gewichte der gewählten Schicht jetzt (durchgezogen) und zu Beginn (gestrichelt). Eine langsame Verbreiterung ist üblich; Gewichte, die rasch nach außen wandern, deuten auf eine zu hohe Lernrate hin.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="28"/>
        <source>The gradient norm of each layer&apos;s weights and biases (of the batch&apos;s mean loss). A layer near zero has almost stopped learning; gradients that grow suddenly often come just before the loss becomes NaN, which is a sign of too high a learning rate.</source>
        <translation>Die Gradientennorm der Gewichte und Biases jeder Schicht (des mittleren Verlusts des Stapels). Eine Schicht nahe null hat fast aufgehört zu lernen; plötzlich wachsende Gradienten kommen oft kurz bevor der Verlust NaN wird – ein Zeichen für eine zu hohe Lernrate.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="31"/>
        <source>A ReLU gives 0 for any negative input. A unit that is negative for every image of the batch is dead on it: no gradient flows through it, so its weights stop changing. A few percent is harmless; many, after a too-high learning rate, is a common way for training to fail.</source>
        <translation>Eine ReLU gibt für jede negative Eingabe 0 aus. Eine Einheit, die für jedes Bild des Stapels negativ ist, ist auf ihm tot: Kein Gradient fließt durch sie, daher ändern sich ihre Gewichte nicht mehr. Ein paar Prozent sind harmlos; viele, nach einer zu hohen Lernrate, sind ein häufiger Grund, warum ein Training scheitert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="34"/>
        <source>A histogram of the chosen layer&apos;s kernel weights. Weights piling up at zero suggest a strong L2 penalty; a spread that keeps widening fast, too high a learning rate.</source>
        <translation>Ein Histogramm der Kernel-Gewichte der gewählten Schicht. Gewichte, die sich bei null häufen, deuten auf einen starken L2-Strafterm hin; eine Streuung, die schnell immer breiter wird, auf eine zu hohe Lernrate.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="37"/>
        <source>no ReLU in this network: dead units only happen with the ReLU activation</source>
        <translation>keine ReLU in diesem Netz: tote Einheiten gibt es nur mit der ReLU-Aktivierung</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="45"/>
        <source>Output (%n classes)</source>
        <translation>
            <numerusform>Ausgabe (%n Klassen)</numerusform>
            <numerusform>Ausgabe (%n Klassen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="47"/>
        <source>Convolution {index} (%n filter(s))</source>
        <translation>
            <numerusform>Faltung {index} (%n Filter)</numerusform>
            <numerusform>Faltung {index} (%n Filter)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="48"/>
        <source>Dense {index} (%n unit(s))</source>
        <translation>
            <numerusform>Dense {index} (%n Einheit)</numerusform>
            <numerusform>Dense {index} (%n Einheiten)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="115"/>
        <source>Start a run to see what happens inside the network while it trains.</source>
        <translation>Starten Sie einen Trainingslauf, um zu sehen, was im Netz geschieht, während es trainiert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="122"/>
        <source>gradient sizes from {low:.2g} ({low_layer}) to {high:.2g} ({high_layer})</source>
        <translation>Gradientengrößen von {low:.2g} ({low_layer}) bis {high:.2g} ({high_layer})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="125"/>
        <source>gradient size {size:.2g} ({layer})</source>
        <translation>Gradientengröße {size:.2g} ({layer})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="126"/>
        <source>{percent:.0f}% in {layer}</source>
        <translation>{percent:.0f}&#xa0;% in {layer}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="130"/>
        <source>dead ReLUs {layers}</source>
        <translation>tote ReLUs {layers}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="133"/>
        <source>At the start</source>
        <translation>Zu Beginn</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="133"/>
        <source>At epoch {epoch:.2f}</source>
        <translation>Bei Epoche {epoch:.2f}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_diagnostics.py" line="134"/>
        <source>{when}: {parts}.</source>
        <translation>{when}: {parts}.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="18"/>
        <source>Ready-made settings to start from. Changing any field below turns this into &apos;custom&apos;.</source>
        <translation>Fertige Einstellungen als Ausgangspunkt. Wenn Sie ein Feld darunter ändern, wird daraus „eigene“.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="19"/>
        <source>MLP: every pixel connects to every unit of the next layer; quick to train. CNN: a small convolutional network that slides 3×3 filters over the image, so it finds a stroke wherever it is. A CNN takes much longer per epoch (about a minute on all 60,000 images, where the tutorial MLP takes seconds), but it is more accurate and recognises real handwriting better.</source>
        <translation>MLP: Jedes Pixel ist mit jeder Einheit der nächsten Schicht verbunden; schnell zu trainieren. CNN: ein kleines Faltungsnetz, das 3×3-Filter über das Bild schiebt und so einen Strich findet, wo immer er ist. Ein CNN braucht pro Epoche viel länger (etwa eine Minute für alle 60.000 Bilder, wo das Tutorial-MLP Sekunden braucht), ist aber genauer und erkennt echte Handschrift besser.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="24"/>
        <source>Sizes of the hidden layers, separated by commas: &apos;128&apos; is one layer of 128 units, &apos;512, 512&apos; two layers. Leave empty for no hidden layer (a linear classifier).</source>
        <translation>Größen der verborgenen Schichten, durch Kommas getrennt: „128“ ist eine Schicht mit 128 Einheiten, „512, 512“ sind zwei Schichten. Leer lassen für keine verborgene Schicht (ein linearer Klassifikator).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="26"/>
        <source>The fully connected layers after the convolutions, separated by commas: &apos;128&apos; is one layer of 128 units. Leave empty to go straight from the filters to the ten outputs.</source>
        <translation>Die vollständig verbundenen Schichten nach den Faltungen, durch Kommas getrennt: „128“ ist eine Schicht mit 128 Einheiten. Leer lassen, um direkt von den Filtern zu den zehn Ausgaben zu gehen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="28"/>
        <source>The function each hidden unit applies to its sum. relu (max(0, x)) usually learns fastest.</source>
        <translation>Die Funktion, die jede verborgene Einheit auf ihre Summe anwendet. relu (max(0, x)) lernt meist am schnellsten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="30"/>
        <source>During training, switch off this fraction of hidden units at random in every batch, so the network cannot rely on any single one. 0 turns it off.</source>
        <translation>Schaltet beim Training in jedem Stapel diesen Anteil der verborgenen Einheiten zufällig ab, damit sich das Netz auf keine einzelne verlassen kann. 0 schaltet es aus.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="32"/>
        <source>How the weights are changed from the gradients. adam adapts the step size for each weight; sgd takes plain steps of the learning rate.</source>
        <translation>Wie die Gewichte aus den Gradienten geändert werden. adam passt die Schrittweite für jedes Gewicht an; sgd macht einfache Schritte der Lernrate.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="34"/>
        <source>How big a step the optimizer takes. Too small learns slowly; too big makes the loss jump around or blow up. Typical: 0.001 for adam, 0.1 for sgd.</source>
        <translation>Wie groß die Schritte des Optimierers sind. Zu klein lernt langsam; zu groß lässt den Verlust springen oder explodieren. Üblich: 0,001 für adam, 0,1 für sgd.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="36"/>
        <source>How the learning rate changes over the run: constant, step (halved every few epochs) or cosine (smoothly down to almost zero at the end).</source>
        <translation>Wie sich die Lernrate im Lauf des Trainings ändert: konstant, stufenweise (alle paar Epochen halbiert) oder Kosinus (sanft bis fast null am Ende).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="38"/>
        <source>Show the network randomly rotated, slanted, resized, shifted (and with &apos;strong&apos;, stretched) copies of the training images, new ones every epoch. Each epoch takes longer and the training accuracy looks lower, but the network recognises digits written by other people, or drawn with a mouse, much better.</source>
        <translation>Zeigt dem Netz zufällig gedrehte, geneigte, skalierte, verschobene (und mit „stark“ gestreckte) Kopien der Trainingsbilder, in jeder Epoche neue. Jede Epoche dauert länger und die Trainingsgenauigkeit wirkt niedriger, aber das Netz erkennt Ziffern anderer Leute oder mit der Maus gezeichnete viel besser.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="42"/>
        <source>How many images the network looks at before each weight update.</source>
        <translation>Wie viele Bilder das Netz vor jeder Gewichtsaktualisierung betrachtet.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="43"/>
        <source>How many times the network goes through the whole training set.</source>
        <translation>Wie oft das Netz den ganzen Trainingsdatensatz durchläuft.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="44"/>
        <source>Weight decay: a pull of every weight towards zero, which keeps them small and can reduce overfitting. 0 turns it off.</source>
        <translation>Weight Decay: ein Zug jedes Gewichts in Richtung null, der die Gewichte klein hält und Überanpassung verringern kann. 0 schaltet es aus.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="46"/>
        <source>How many of the 60,000 training images to use. Fewer is faster but learns less.</source>
        <translation>Wie viele der 60.000 Trainingsbilder verwendet werden. Weniger geht schneller, lernt aber weniger.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="47"/>
        <source>Fraction of the training images held back to check, after every epoch, how well the network does on images it did not train on.</source>
        <translation>Anteil der Trainingsbilder, der zurückgehalten wird, um nach jeder Epoche zu prüfen, wie gut das Netz bei Bildern abschneidet, mit denen es nicht trainiert hat.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="49"/>
        <source>Starting point of the random numbers (initial weights, shuffling). The same seed and settings give the same run.</source>
        <translation>Startpunkt der Zufallszahlen (Anfangsgewichte, Mischen). Gleicher Startwert und gleiche Einstellungen ergeben den gleichen Trainingslauf.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="53"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="53"/>
        <source>Hidden layers</source>
        <translation>Verborgene Schichten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="54"/>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="54"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="55"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="56"/>
        <source>L2 penalty</source>
        <translation>L2-Strafterm</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="56"/>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="57"/>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="58"/>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="58"/>
        <source>Validation split</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="59"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="61"/>
        <source>Dense head</source>
        <translation>Dense-Schichten</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="62"/>
        <source>MLP (fully connected)</source>
        <translation>MLP (dicht)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="62"/>
        <source>CNN (convolutional)</source>
        <translation>CNN (Faltungsnetz)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_fields.py" line="81"/>
        <source>hidden layers: write whole numbers separated by commas, e.g. 128 or 512, 512</source>
        <translation>verborgene Schichten: Schreiben Sie ganze Zahlen, durch Kommas getrennt, z. B. 128 oder 512, 512</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="35"/>
        <source>{layers} · {params:,} parameters</source>
        <translation>{layers} · {params:,} Parameter</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="42"/>
        <source>{layer} (dropout {rate:g})</source>
        <translation>{layer} (Dropout {rate:g})</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="72"/>
        <source>{inputs} → convolutions ({features:,} features)</source>
        <translation>{inputs} → Faltungen ({features:,} Merkmale)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="80"/>
        <source>{network} · {epochs} × {batches}</source>
        <translation>{network} · {epochs} × {batches}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mnist_gui/core/training_text.py" line="82"/>
        <source>{steps:,} batch(es) of {size}</source>
        <translation>
            <numerusform>{steps:,} Stapel zu {size}</numerusform>
            <numerusform>{steps:,} Stapel zu {size}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="86"/>
        <source>{summary} · {augmentation} augmentation</source>
        <translation>{summary} · Augmentierung „{augmentation}“</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="100"/>
        <source>Run {number}: {summary} · {optimizer}, learning rate {rate:g}, {schedule} schedule, seed {seed}</source>
        <translation>Trainingslauf {number}: {summary} · {optimizer}, Lernrate {rate:g}, Zeitplan „{schedule}“, Startwert {seed}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="107"/>
        <source>Epoch {epoch} of {epochs} · batch {batch:,} of {steps:,} · paused</source>
        <translation>Epoche {epoch} von {epochs} · Stapel {batch:,} von {steps:,} · pausiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="109"/>
        <source>Epoch {epoch} of {epochs} · batch {batch:,} of {steps:,}</source>
        <translation>Epoche {epoch} von {epochs} · Stapel {batch:,} von {steps:,}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="117"/>
        <source>Paused · about {left} left once resumed</source>
        <translation>Pausiert · nach dem Fortsetzen noch etwa {left}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="118"/>
        <source>{speed:,.0f} images/s · about {left} left</source>
        <translation>{speed:,.0f} Bilder/s · noch etwa {left}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="123"/>
        <source>This run trains, but it is not being kept: {problem}. It will not be in the runs table; to keep its network, save it with File › Save model when it ends.</source>
        <translation>Dieser Trainingslauf trainiert, wird aber nicht behalten: {problem}. Er wird nicht in der Tabelle der Trainingsläufe stehen; um sein Netz zu behalten, speichern Sie es am Ende mit Datei › Modell speichern.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="129"/>
        <source>{verdict} Press Stop to end this run, or let it go on.</source>
        <translation>{verdict} Drücken Sie „Abbrechen“, um diesen Trainingslauf zu beenden, oder lassen Sie ihn weiterlaufen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="134"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="134"/>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="135"/>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="136"/>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="138"/>
        <source>test loss</source>
        <translation>Testverlust</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="138"/>
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="169"/>
        <source>ended after batch {batch:,} of {steps:,}</source>
        <translation>beendet nach Stapel {batch:,} von {steps:,}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="172"/>
        <source>Epoch {epoch}/{epochs}</source>
        <translation>Epoche {epoch}/{epochs}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="177"/>
        <source>your disk quota is used up</source>
        <translation>Ihr Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="178"/>
        <source>you are not allowed to write in that folder</source>
        <translation>in diesen Ordner dürfen Sie nicht schreiben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="179"/>
        <source>you are not allowed to write there</source>
        <translation>dorthin dürfen Sie nicht schreiben</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="180"/>
        <source>that folder is on a read-only disk</source>
        <translation>dieser Ordner liegt auf einem schreibgeschützten Datenträger</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="181"/>
        <source>that folder does not exist (any more)</source>
        <translation>dieser Ordner existiert nicht (mehr)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="182"/>
        <source>part of that path is a file, not a folder</source>
        <translation>ein Teil dieses Pfads ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="183"/>
        <source>a folder already has that name</source>
        <translation>ein Ordner hat bereits diesen Namen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="184"/>
        <source>the file name is too long</source>
        <translation>der Dateiname ist zu lang</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="197"/>
        <source>{what} to {path}: {reason}. A file that was there before is unchanged.</source>
        <translation>{what} ({path}): {reason}. Eine Datei, die schon dort lag, ist unverändert.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="201"/>
        <source>The trained network answers with NaN (not a number) or infinity, so it was not kept: the current model is unchanged. Try a lower learning rate.</source>
        <translation>Das trainierte Netz antwortet mit NaN (keine Zahl) oder unendlich und wurde daher nicht behalten: Das aktuelle Modell ist unverändert. Versuchen Sie eine kleinere Lernrate.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="203"/>
        <source>Test accuracy not measured: the test was stopped before it had seen every test image.</source>
        <translation>Testgenauigkeit nicht gemessen: Der Test wurde gestoppt, bevor er jedes Testbild gesehen hatte.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="210"/>
        <source>Diverged: {message}</source>
        <translation>Divergiert: {message}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="212"/>
        <source>Stopped during epoch {epoch}; the network keeps the weights it had.</source>
        <translation>In Epoche {epoch} gestoppt; das Netz behält die Gewichte, die es hatte.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="217"/>
        <source>Test accuracy {accuracy:.2f}% on {images:,} images (test loss {loss:.4f}) · {time} in all</source>
        <translation>Testgenauigkeit {accuracy:.2f}&#xa0;% auf {images:,} Bildern (Testverlust {loss:.4f}) · insgesamt {time}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="229"/>
        <source>The loss became NaN or infinite; training stopped and the last good weights were kept.</source>
        <translation>Der Verlust wurde NaN oder unendlich; das Training wurde gestoppt und die letzten guten Gewichte wurden behalten.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="238"/>
        <source>Not usable</source>
        <translation>Nicht brauchbar</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/training_text.py" line="240"/>
        <source>Diverged</source>
        <translation>Divergiert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="26"/>
        <source>tutorial</source>
        <translation>Tutorial</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="26"/>
        <source>fast</source>
        <translation>schnell</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="26"/>
        <source>quick-mlp</source>
        <translation>schnelles MLP</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="27"/>
        <source>best-mlp</source>
        <translation>bestes MLP</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="27"/>
        <source>cnn</source>
        <translation>CNN</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="27"/>
        <source>mlp</source>
        <translation>MLP</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="28"/>
        <source>custom</source>
        <translation>eigene</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="29"/>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="29"/>
        <source>step</source>
        <translation>stufenweise</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="29"/>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="30"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="30"/>
        <source>light</source>
        <translation>leicht</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="30"/>
        <source>standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/core/train_choices.py" line="31"/>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="201"/>
        <source>The TensorFlow beginner tutorial: 784-128-10, Adam, batch 32, 5 epochs (about 97.5%).</source>
        <translation>Das TensorFlow-Tutorial für Einsteiger: 784-128-10, Adam, Stapelgröße 32, 5 Epochen (etwa 97,5 %).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="202"/>
        <source>784-128-10 with larger batches, a higher learning rate and a cosine decay: about 97% in three quick epochs.</source>
        <translation>784-128-10 mit größeren Stapeln, einer höheren Lernrate und Kosinus-Abfall: etwa 97 % in drei schnellen Epochen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="204"/>
        <source>A fully connected network tuned to be quick: 784-384-384-10 with dropout 0.15, Adam and a cosine learning-rate decay over 9 epochs of batch 256 (98.5-98.7% in about half a minute).</source>
        <translation>Ein vollständig verbundenes Netz, auf Tempo abgestimmt: 784-384-384-10 mit Dropout 0,15, Adam und Kosinus-Abfall der Lernrate über 9 Epochen mit Stapelgröße 256 (98,5–98,7 % in etwa einer halben Minute).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="207"/>
        <source>The app&apos;s best fully connected network: 784-512-512-10 with dropout 0.2, trained on randomly distorted digits (standard augmentation) for 20 epochs with a cosine decay (about 99%).</source>
        <translation>Das beste vollständig verbundene Netz der App: 784-512-512-10 mit Dropout 0,2, 20 Epochen lang auf zufällig verzerrten Ziffern trainiert (Augmentierung „Standard“), mit Kosinus-Abfall (etwa 99 %).</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="210"/>
        <source>A small convolutional network (two 3x3 convolutions of 32 and 64 filters, each with 2x2 max pooling, then 128 units): on distorted digits for 12 epochs, the most accurate and the best on handwriting unlike MNIST&apos;s; a few minutes to train.</source>
        <translation>Ein kleines Faltungsnetz (zwei 3×3-Faltungen mit 32 und 64 Filtern, jede mit 2×2-Max-Pooling, dann 128 Einheiten): 12 Epochen auf verzerrten Ziffern, das genaueste und das beste bei Handschrift, die anders aussieht als in MNIST; einige Minuten Training.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/data/augment.py" line="200"/>
        <source>No distortion: the network sees the training images as they are.</source>
        <translation>Keine Verzerrung: Das Netz sieht die Trainingsbilder, wie sie sind.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/data/augment.py" line="201"/>
        <source>Small rotations, slants, size changes and shifts.</source>
        <translation>Kleine Drehungen, Neigungen, Größenänderungen und Verschiebungen.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/data/augment.py" line="202"/>
        <source>Rotations up to 12 degrees, slants up to 11 degrees, sizes 0.92-1.08x, shifts up to 1 pixel and bolder or thinner strokes: MNIST accuracy up, and closer to real handwriting.</source>
        <translation>Drehungen bis 12 Grad, Neigungen bis 11 Grad, Größen 0,92–1,08×, Verschiebungen bis 1 Pixel und kräftigere oder dünnere Striche: höhere Genauigkeit auf MNIST und näher an echter Handschrift.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/data/augment.py" line="204"/>
        <source>Larger distortions than standard plus elastic (rubber-sheet) distortion: for convolutional networks and long runs; about twice as slow.</source>
        <translation>Stärkere Verzerrungen als „Standard“ und dazu elastische Verzerrung (wie ein Gummituch): für Faltungsnetze und lange Läufe; etwa halb so schnell.</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="35"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="35"/>
        <source>dropout rate</source>
        <translation>Dropout-Rate</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="36"/>
        <source>L2 strength</source>
        <translation>L2-Stärke</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="36"/>
        <source>validation fraction</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="37"/>
        <source>number of epochs</source>
        <translation>Anzahl der Epochen</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="37"/>
        <source>number of training images</source>
        <translation>Anzahl der Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="38"/>
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="38"/>
        <source>batch size (at most the number of training images)</source>
        <translation>Stapelgröße (höchstens die Anzahl der Trainingsbilder)</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="66"/>
        <source>the {setting} must be a whole number from {low} to {high}, got {value}</source>
        <translation>„{setting}“ muss eine ganze Zahl von {low} bis {high} sein, nicht {value}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="76"/>
        <source>the {setting} must be greater than {low:g} and below {high:g}, got {value}</source>
        <translation>„{setting}“ muss größer als {low:g} und kleiner als {high:g} sein, nicht {value}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="77"/>
        <source>the {setting} must be greater than {low:g} and at most {high:g}, got {value}</source>
        <translation>„{setting}“ muss größer als {low:g} und höchstens {high:g} sein, nicht {value}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="79"/>
        <source>the {setting} must be at least {low:g} and below {high:g}, got {value}</source>
        <translation>„{setting}“ muss mindestens {low:g} und kleiner als {high:g} sein, nicht {value}</translation>
    </message>
    <message>
        <location filename="../../mnist_gui/nn/presets.py" line="80"/>
        <source>the {setting} must be at least {low:g} and at most {high:g}, got {value}</source>
        <translation>„{setting}“ muss mindestens {low:g} und höchstens {high:g} sein, nicht {value}</translation>
    </message>
</context>
</TS>
