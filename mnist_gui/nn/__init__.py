"""The neural network, NumPy only: a Keras-shaped API (Sequential, Dense, compile/fit/evaluate/predict).

Modules: layers and activations, conv (Conv2D, MaxPooling2D, Reshape), losses (fused with softmax),
optimizers and schedules, callbacks, model (Sequential) and training (the fit loop), prefetch (augmented
batches made in a background thread), feed (input batching), serialization (save/load),
seeding (reproducibility), threads (BLAS thread limits) and presets (the app's training recipes).
"""

from mnist_gui.nn.callbacks import Callback, History, ProgbarLogger, TrainingControl
from mnist_gui.nn.conv import Conv2D, MaxPooling2D, Reshape
from mnist_gui.nn.layers import (Activation, Dense, Dropout, Flatten, Layer, LeakyReLU, ReLU, Rescaling, Sigmoid,
                                 Softmax, Tanh)
from mnist_gui.nn.losses import CategoricalCrossentropy, SparseCategoricalCrossentropy
from mnist_gui.nn.model import Sequential
from mnist_gui.nn.optimizers import SGD, Adam, AdamW, Optimizer, RMSprop
from mnist_gui.nn.schedules import ConstantLR, CosineDecay, LearningRateSchedule, StepDecay
from mnist_gui.nn.seeding import set_random_seed
from mnist_gui.nn.serialization import ModelFileError, load_model
from mnist_gui.nn.threads import blas_threads
from mnist_gui.nn.training import UnscaledInputWarning

__all__ = [
    "Activation", "Adam", "AdamW", "Callback", "CategoricalCrossentropy", "ConstantLR", "Conv2D", "CosineDecay",
    "Dense", "Dropout", "Flatten", "History", "Layer", "LeakyReLU", "LearningRateSchedule", "MaxPooling2D",
    "ModelFileError", "Optimizer", "ProgbarLogger", "RMSprop", "ReLU", "Rescaling", "Reshape", "SGD", "Sequential",
    "Sigmoid", "Softmax",
    "SparseCategoricalCrossentropy", "StepDecay", "Tanh", "TrainingControl", "UnscaledInputWarning", "blas_threads",
    "load_model", "set_random_seed",
]
