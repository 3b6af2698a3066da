"""``keras.callbacks``: every callback in one namespace.

The machinery (Callback, History, ProgbarLogger, TrainingControl) lives in callback_base.py; Keras's
standard callbacks in keras_callbacks.py (EarlyStopping, TerminateOnNaN, ReduceLROnPlateau,
LearningRateScheduler, LambdaCallback) and callback_files.py (ModelCheckpoint, CSVLogger).
"""

from mnist_gui.nn.callback_base import Callback, History, ProgbarLogger, TrainingControl, format_logs, overrides
from mnist_gui.nn.callback_files import CSVLogger, ModelCheckpoint
from mnist_gui.nn.keras_callbacks import (EarlyStopping, LambdaCallback, LearningRateScheduler, ReduceLROnPlateau,
                                          TerminateOnNaN)

__all__ = ["CSVLogger", "Callback", "EarlyStopping", "History", "LambdaCallback", "LearningRateScheduler",
           "ModelCheckpoint", "ProgbarLogger", "ReduceLROnPlateau", "TerminateOnNaN", "TrainingControl",
           "format_logs", "overrides"]
