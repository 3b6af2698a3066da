"""The Train form's fields in words: each field's label and tooltip (``label``, ``tip``), the architectures'
names, reading the hidden-layer sizes (``parse_hidden``) and the engine's refusals in the form's words
(``plain``). No Qt.

The texts are marked for translation and translated where shown (``label(name)``, ``tip(name)``,
``tr(ARCHITECTURES[key])``); ``LABELS`` itself stays English, the words ``plain`` puts into the engine's
(English) messages. Not here: the summary, log and progress lines (``core.training_text``), the number
fields (``core.train_form``).
"""

from __future__ import annotations

import re

from mnist_gui.core.i18n import QT_TR_NOOP, tr

TIPS = {
    "preset": QT_TR_NOOP("Ready-made settings to start from. Changing any field below turns this into 'custom'."),
    "architecture": QT_TR_NOOP("MLP: every pixel connects to every unit of the next layer; quick to train. "
                               "CNN: a small convolutional network that slides 3×3 filters over the image, so it "
                               "finds a stroke wherever it is. A CNN takes much longer per epoch (about a minute on "
                               "all 60,000 images, where the tutorial MLP takes seconds), but it is more accurate "
                               "and recognises real handwriting better."),
    "hidden": QT_TR_NOOP("Sizes of the hidden layers, separated by commas: '128' is one layer of 128 units, "
                         "'512, 512' two layers. Leave empty for no hidden layer (a linear classifier)."),
    "hidden_cnn": QT_TR_NOOP("The fully connected layers after the convolutions, separated by commas: '128' is one "
                             "layer of 128 units. Leave empty to go straight from the filters to the ten outputs."),
    "activation": QT_TR_NOOP("The function each hidden unit applies to its sum. relu (max(0, x)) usually learns "
                             "fastest."),
    "dropout": QT_TR_NOOP("During training, switch off this fraction of hidden units at random in every batch, "
                          "so the network cannot rely on any single one. 0 turns it off."),
    "optimizer": QT_TR_NOOP("How the weights are changed from the gradients. adam adapts the step size for each "
                            "weight; sgd takes plain steps of the learning rate."),
    "learning_rate": QT_TR_NOOP("How big a step the optimizer takes. Too small learns slowly; too big makes the loss "
                                "jump around or blow up. Typical: 0.001 for adam, 0.1 for sgd."),
    "schedule": QT_TR_NOOP("How the learning rate changes over the run: constant, step (halved every few epochs) "
                           "or cosine (smoothly down to almost zero at the end)."),
    "augmentation": QT_TR_NOOP("Show the network randomly rotated, slanted, resized, shifted (and with 'strong', "
                               "stretched) copies of the training images, new ones every epoch. Each epoch takes "
                               "longer and the training accuracy looks lower, but the network recognises digits "
                               "written by other people, or drawn with a mouse, much better."),
    "batch_size": QT_TR_NOOP("How many images the network looks at before each weight update."),
    "epochs": QT_TR_NOOP("How many times the network goes through the whole training set."),
    "l2": QT_TR_NOOP("Weight decay: a pull of every weight towards zero, which keeps them small and can reduce "
                     "overfitting. 0 turns it off."),
    "train_size": QT_TR_NOOP("How many of the 60,000 training images to use. Fewer is faster but learns less."),
    "validation_split": QT_TR_NOOP("Fraction of the training images held back to check, after every epoch, how "
                                   "well the network does on images it did not train on."),
    "seed": QT_TR_NOOP("Starting point of the random numbers (initial weights, shuffling). The same seed and "
                       "settings give the same run."),
}
LABELS = {  # English, as validate()'s messages name the fields (``plain``); shown translated: ``label(name)``
    "architecture": QT_TR_NOOP("Architecture"), "hidden": QT_TR_NOOP("Hidden layers"),
    "activation": QT_TR_NOOP("Activation"), "dropout": QT_TR_NOOP("Dropout"), "optimizer": QT_TR_NOOP("Optimizer"),
    "learning_rate": QT_TR_NOOP("Learning rate"), "schedule": QT_TR_NOOP("Schedule"),
    "l2": QT_TR_NOOP("L2 penalty"), "augmentation": QT_TR_NOOP("Augmentation"),
    "batch_size": QT_TR_NOOP("Batch size"), "epochs": QT_TR_NOOP("Epochs"),
    "train_size": QT_TR_NOOP("Training images"), "validation_split": QT_TR_NOOP("Validation split"),
    "seed": QT_TR_NOOP("Seed"),
}
HIDDEN_CNN_LABEL = QT_TR_NOOP("Dense head")
ARCHITECTURES = {"mlp": QT_TR_NOOP("MLP (fully connected)"), "cnn": QT_TR_NOOP("CNN (convolutional)")}


def label(name: str) -> str:
    """Field ``name``'s label in the chosen language (the name itself for a field without one)."""
    return tr(LABELS[name]) if name in LABELS else name


def tip(name: str) -> str:
    """The tooltip of field ``name`` (``hidden_cnn``: the hidden layers of a CNN) in the chosen language."""
    return tr(TIPS[name])


def parse_hidden(text: str) -> tuple[int, ...]:
    """'512, 512' -> (512, 512); '' -> (); anything else raises ValueError in plain words."""
    parts = [p.strip() for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise ValueError(tr("hidden layers: write whole numbers separated by commas, e.g. 128 or 512, 512")) from None
    return sizes


def plain(message: str) -> str:
    """A validate() message in the form's words: 'batch_size: the batch size ...' -> 'Batch size: the batch
    size ...'. A one-word name is replaced only where it names the field ('hidden: ...'), so 'at most 8
    hidden layers' keeps its words. The names become the shown labels: lower-cased in English, as they are
    inside a sentence, and as the translation writes them otherwise (German nouns keep their capital)."""
    for name, words in LABELS.items():
        pattern = rf"\b{name}\b" if "_" in name else rf"\b{name}\b(?=:)"
        shown = label(name)
        message = re.sub(pattern, (shown.lower() if shown == words else shown).replace("\\", r"\\"), message)
    return message[:1].upper() + message[1:]
