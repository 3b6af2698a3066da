"""The neural network, NumPy only: a Keras-shaped API (Sequential, Dense, compile/fit/evaluate/predict).

Modules: layers, activation_layers, activations and initializers; conv (Conv2D, MaxPooling2D, Reshape);
losses (fused with softmax); optimizer_base, optimizers and schedules; callbacks; model (Sequential),
training (the fit loop) and divergence (spotting and undoing a diverging run, model_outputs_finite);
prefetch (augmented batches made in a background thread); feed (input batching); saving (write),
serialization (load_model) with archive and model_spec (a model file checked before anything is
allocated); introspect (layer_outputs: every layer's output for a batch, Keras's multi-output Model);
diagnostics (gradient norms, weight histograms and dead ReLUs while training); seeding (reproducibility); threads (BLAS thread limits); presets (the app's recipes).
"""

from mnist_gui.nn.activation_layers import Activation, LeakyReLU, ReLU, Sigmoid, Softmax, Tanh
from mnist_gui.nn.callbacks import Callback, History, ProgbarLogger, TrainingControl
from mnist_gui.nn.conv import Conv2D, MaxPooling2D, Reshape
from mnist_gui.nn.diagnostics import TrainingDiagnostics
from mnist_gui.nn.divergence import model_outputs_finite
from mnist_gui.nn.introspect import layer_outputs
from mnist_gui.nn.layers import Dense, Dropout, Flatten, Layer, Rescaling
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
    "SparseCategoricalCrossentropy", "StepDecay", "Tanh", "TrainingControl", "TrainingDiagnostics", "UnscaledInputWarning", "blas_threads",
    "layer_outputs", "load_model", "model_outputs_finite", "set_random_seed",
]
