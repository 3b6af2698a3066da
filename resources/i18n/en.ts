<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name />
        <message numerus="yes">
            <source>There is/are %n digit(s) to learn from; keep at least {least} (one of each digit is a start).</source>
            <translation>
                <numerusform>There is %n digit to learn from; keep at least {least} (one of each digit is a start).</numerusform>
                <numerusform>There are %n digits to learn from; keep at least {least} (one of each digit is a start).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more {digit}(s)</source>
            <translation>
                <numerusform>%n more {digit}</numerusform>
                <numerusform>%n more {digit}s</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n epoch(s)</source>
            <translation>
                <numerusform>%n epoch</numerusform>
                <numerusform>%n epochs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unusable entry(s) removed</source>
            <translation>
                <numerusform>%n unusable entry removed</numerusform>
                <numerusform>%n unusable entries removed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{steps:,} batch(es) of {size}</source>
            <translation>
                <numerusform>{steps:,} batch of {size}</numerusform>
                <numerusform>{steps:,} batches of {size}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{digit}: {share:.1%} right, most often read as {other} ({n:,} image(s))</source>
            <translation>
                <numerusform>{digit}: {share:.1%} right, most often read as {other} ({n:,} image)</numerusform>
                <numerusform>{digit}: {share:.1%} right, most often read as {other} ({n:,} images)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>True {true}, predicted {predicted}: {n:,} image(s) ({share:.1%} of the {true}s, right). Click to show them.</source>
            <translation>
                <numerusform>True {true}, predicted {predicted}: {n:,} image ({share:.1%} of the {true}s, right). Click to show them.</numerusform>
                <numerusform>True {true}, predicted {predicted}: {n:,} images ({share:.1%} of the {true}s, right). Click to show them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>True {true}, predicted {predicted}: {n:,} image(s), right</source>
            <translation>
                <numerusform>True {true}, predicted {predicted}: {n:,} image, right</numerusform>
                <numerusform>True {true}, predicted {predicted}: {n:,} images, right</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>True {true}, predicted {predicted}: {n:,} image(s) ({share:.1%} of the {true}s, mistakes). Click to show them.</source>
            <translation>
                <numerusform>True {true}, predicted {predicted}: {n:,} image ({share:.1%} of the {true}s, mistakes). Click to show them.</numerusform>
                <numerusform>True {true}, predicted {predicted}: {n:,} images ({share:.1%} of the {true}s, mistakes). Click to show them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>True {true}, predicted {predicted}: {n:,} image(s), mistakes</source>
            <translation>
                <numerusform>True {true}, predicted {predicted}: {n:,} image, mistakes</numerusform>
                <numerusform>True {true}, predicted {predicted}: {n:,} images, mistakes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{split} ({n:,} digit(s))</source>
            <translation>
                <numerusform>{split} ({n:,} digit)</numerusform>
                <numerusform>{split} ({n:,} digits)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{split} ({n:,} image(s))</source>
            <translation>
                <numerusform>{split} ({n:,} image)</numerusform>
                <numerusform>{split} ({n:,} images)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Showing {shown:,} of {total:,} image(s)</source>
            <translation>
                <numerusform>Showing {shown:,} of {total:,} image</numerusform>
                <numerusform>Showing {shown:,} of {total:,} images</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported {n:,} digit(s) to {path} as an image folder (one folder per digit, PNG pictures).</source>
            <translation>
                <numerusform>Exported {n:,} digit to {path} as an image folder (one folder per digit, PNG pictures).</numerusform>
                <numerusform>Exported {n:,} digits to {path} as an image folder (one folder per digit, PNG pictures).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported {n:,} digit(s) to {path} as a My digits folder (the two IDX files).</source>
            <translation>
                <numerusform>Exported {n:,} digit to {path} as a My digits folder (the two IDX files).</numerusform>
                <numerusform>Exported {n:,} digits to {path} as a My digits folder (the two IDX files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exporting {n:,} digit(s)…</source>
            <translation>
                <numerusform>Exporting {n:,} digit…</numerusform>
                <numerusform>Exporting {n:,} digits…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} digit(s) added to My digits</source>
            <translation>
                <numerusform>{n:,} digit added to My digits</numerusform>
                <numerusform>{n:,} digits added to My digits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; {n:,} was/were kept already</source>
            <translation>
                <numerusform>; {n:,} was kept already</numerusform>
                <numerusform>; {n:,} were kept already</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n digit(s) is/are kept in this window only, marked unsaved: saved with the next one you keep, or press Retry.</source>
            <translation>
                <numerusform>%n digit is kept in this window only, marked unsaved: saved with the next one you keep, or press Retry.</numerusform>
                <numerusform>%n digits are kept in this window only, marked unsaved: saved with the next one you keep, or press Retry.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Kept as an {digit}: {n:,} digit(s) in My digits.</source>
            <translation>
                <numerusform>Kept as an {digit}: {n:,} digit in My digits.</numerusform>
                <numerusform>Kept as an {digit}: {n:,} digits in My digits.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Kept as a {digit}: {n:,} digit(s) in My digits.</source>
            <translation>
                <numerusform>Kept as a {digit}: {n:,} digit in My digits.</numerusform>
                <numerusform>Kept as a {digit}: {n:,} digits in My digits.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Keep %n more digit(s) to teach it your handwriting ({needed} are needed; one of each digit is a start).</source>
            <translation>
                <numerusform>Keep %n more digit to teach it your handwriting ({needed} are needed; one of each digit is a start).</numerusform>
                <numerusform>Keep %n more digits to teach it your handwriting ({needed} are needed; one of each digit is a start).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Fine-tunes a copy of the model on your {n:,} digit(s), mixed with MNIST so it still reads everyone else's. The model in use stays until you choose.</source>
            <translation>
                <numerusform>Fine-tunes a copy of the model on your {n:,} digit, mixed with MNIST so it still reads everyone else's. The model in use stays until you choose.</numerusform>
                <numerusform>Fine-tunes a copy of the model on your {n:,} digits, mixed with MNIST so it still reads everyone else's. The model in use stays until you choose.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Your {n:,} held-out digit(s)</source>
            <translation>
                <numerusform>Your {n:,} held-out digit</numerusform>
                <numerusform>Your {n:,} held-out digits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Done in {seconds:.0f} s (%n epoch(s), on a second, gentler try; the weights of epoch {best} kept).</source>
            <translation>
                <numerusform>Done in {seconds:.0f} s (%n epoch, on a second, gentler try; the weights of epoch {best} kept).</numerusform>
                <numerusform>Done in {seconds:.0f} s (%n epochs, on a second, gentler try; the weights of epoch {best} kept).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Done in {seconds:.0f} s (%n epoch(s), on a second, gentler try).</source>
            <translation>
                <numerusform>Done in {seconds:.0f} s (%n epoch, on a second, gentler try).</numerusform>
                <numerusform>Done in {seconds:.0f} s (%n epochs, on a second, gentler try).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Done in {seconds:.0f} s (%n epoch(s); the weights of epoch {best} kept).</source>
            <translation>
                <numerusform>Done in {seconds:.0f} s (%n epoch; the weights of epoch {best} kept).</numerusform>
                <numerusform>Done in {seconds:.0f} s (%n epochs; the weights of epoch {best} kept).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Done in {seconds:.0f} s (%n epoch(s)).</source>
            <translation>
                <numerusform>Done in {seconds:.0f} s (%n epoch).</numerusform>
                <numerusform>Done in {seconds:.0f} s (%n epochs).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted {count:,} digit(s) from My digits ({undoable} deletes can be undone).</source>
            <translation>
                <numerusform>Deleted {count:,} digit from My digits ({undoable} deletes can be undone).</numerusform>
                <numerusform>Deleted {count:,} digits from My digits ({undoable} deletes can be undone).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted {count:,} digit(s) from My digits.</source>
            <translation>
                <numerusform>Deleted {count:,} digit from My digits.</numerusform>
                <numerusform>Deleted {count:,} digits from My digits.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Put back {count:,} digit(s) where it/they was/were (Ctrl+Z)</source>
            <translation>
                <numerusform>Put back {count:,} digit where it was (Ctrl+Z)</numerusform>
                <numerusform>Put back {count:,} digits where they were (Ctrl+Z)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Output (%n classes)</source>
            <translation>
                <numerusform>Output (%n classes)</numerusform>
                <numerusform>Output (%n classes)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Convolution {index} (%n filter(s))</source>
            <translation>
                <numerusform>Convolution {index} (%n filter)</numerusform>
                <numerusform>Convolution {index} (%n filters)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Dense {index} (%n unit(s))</source>
            <translation>
                <numerusform>Dense {index} (%n unit)</numerusform>
                <numerusform>Dense {index} (%n units)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} is/are not saved anywhere and would be lost.</source>
            <translation>
                <numerusform>{names} is not saved anywhere and would be lost.</numerusform>
                <numerusform>{names} are not saved anywhere and would be lost.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read {n:,} digit(s) from {path}.</source>
            <translation>
                <numerusform>Read {n:,} digit from {path}.</numerusform>
                <numerusform>Read {n:,} digits from {path}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} picture(s) could not be used ({file}: {why}{more})</source>
            <translation>
                <numerusform>{n:,} picture could not be used ({file}: {why}{more})</numerusform>
                <numerusform>{n:,} pictures could not be used ({file}: {why}{more})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} picture(s) hold(s) several digits and was/were left out: one digit a picture ({names}{more})</source>
            <translation>
                <numerusform>{n:,} picture holds several digits and was left out: one digit a picture ({names}{more})</numerusform>
                <numerusform>{n:,} pictures hold several digits and were left out: one digit a picture ({names}{more})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} duplicate(s) kept once</source>
            <translation>
                <numerusform>{n:,} duplicate kept once</numerusform>
                <numerusform>{n:,} duplicates kept once</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} folder(s) not named 0-9 ignored ({shown})</source>
            <translation>
                <numerusform>{n:,} folder not named 0-9 ignored ({shown})</numerusform>
                <numerusform>{n:,} folders not named 0-9 ignored ({shown})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} picture(s) outside the 0-9 folders ignored (no label)</source>
            <translation>
                <numerusform>{n:,} picture outside the 0-9 folders ignored (no label)</numerusform>
                <numerusform>{n:,} pictures outside the 0-9 folders ignored (no label)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} file(s) that is/are not picture(s) ignored</source>
            <translation>
                <numerusform>{n:,} file that is not a picture ignored</numerusform>
                <numerusform>{n:,} files that are not pictures ignored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} image(s)</source>
            <translation>
                <numerusform>{n:,} image</numerusform>
                <numerusform>{n:,} images</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} label(s)</source>
            <translation>
                <numerusform>{n:,} label</numerusform>
                <numerusform>{n:,} labels</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n switched off</source>
            <translation>
                <numerusform>%n switched off</numerusform>
                <numerusform>%n switched off</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of {lines} lines differ (in bold).</source>
            <translation>
                <numerusform>%n of {lines} lines differ (in bold).</numerusform>
                <numerusform>%n of {lines} lines differ (in bold).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n kept run(s), {starred} starred</source>
            <translation>
                <numerusform>%n kept run, {starred} starred</numerusform>
                <numerusform>%n kept runs, {starred} starred</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n kept run(s)</source>
            <translation>
                <numerusform>%n kept run</numerusform>
                <numerusform>%n kept runs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>What the first layer learned: %n output unit(s)</source>
            <translation>
                <numerusform>What the first layer learned: %n output unit</numerusform>
                <numerusform>What the first layer learned: %n output units</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>What the first layer learned: %n convolution unit(s)</source>
            <translation>
                <numerusform>What the first layer learned: %n convolution unit</numerusform>
                <numerusform>What the first layer learned: %n convolution units</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>What the first layer learned: %n hidden unit(s)</source>
            <translation>
                <numerusform>What the first layer learned: %n hidden unit</numerusform>
                <numerusform>What the first layer learned: %n hidden units</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The model gets {right} of your %n digit(s) right ({share:.0%}).</source>
            <translation>
                <numerusform>The model gets {right} of your %n digit right ({share:.0%}).</numerusform>
                <numerusform>The model gets {right} of your %n digits right ({share:.0%}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The model gets {share:.2%} of the {split} split right (%n mistake(s)).</source>
            <translation>
                <numerusform>The model gets {share:.2%} of the {split} split right (%n mistake).</numerusform>
                <numerusform>The model gets {share:.2%} of the {split} split right (%n mistakes).</numerusform>
            </translation>
        </message>
    </context>
</TS>
