"""The neural network, NumPy only, shaped like Keras: ``import mnist_gui.nn as keras`` and then
``keras.Sequential``, ``keras.layers.Dense``, ``keras.Input``, ``keras.callbacks.EarlyStopping``,
``keras.losses``, ``keras.optimizers`` (and ``.schedules``), ``keras.activations``, ``keras.regularizers``,
``keras.utils.to_categorical``, ``keras.models.load_model`` and ``keras.datasets.mnist.load_data()``.

Modules: layers (the namespace) over core_layers, dropout, input_layer, activation_layers, conv, pooling,
normalization and nested (a model as a layer), with activations, initializers and regularizers; losses (fused
with softmax) and metrics (names); optimizer_base, optimizers and schedules; callbacks (the namespace) over
callback_base, keras_callbacks and callback_files; progbar (Keras's progress output); model (Sequential),
model_run (predict/evaluate/``model(x)``), summary, training and fit_data (the fit loop), weighting (sample
and class weights) and divergence (spotting and undoing a diverging run, model_outputs_finite); prefetch
(augmented batches made in a background thread); feed (input batching); saving (write), serialization
(load_model) with archive and model_spec (a model file checked before anything is allocated); introspect
(layer_outputs); diagnostics (gradient norms, weight histograms and dead ReLUs while training); seeding
(reproducibility); threads (BLAS thread limits); presets (the app's recipes); models, utils and datasets
(Keras's namespaces).
"""

from mnist_gui.nn import (activations, callbacks, datasets, layers, losses, models, optimizers, regularizers,
                          utils)
from mnist_gui.nn.activation_layers import Activation, LeakyReLU, ReLU, Sigmoid, Softmax, Tanh
from mnist_gui.nn.callbacks import (Callback, CSVLogger, EarlyStopping, History, LambdaCallback, LearningRateScheduler,
                                    ModelCheckpoint, ProgbarLogger, ReduceLROnPlateau, TerminateOnNaN, TrainingControl)
from mnist_gui.nn.conv import Conv2D, MaxPooling2D, Reshape
from mnist_gui.nn.core_layers import Dense, Flatten, Layer, Rescaling
from mnist_gui.nn.dropout import Dropout
from mnist_gui.nn.input_layer import Input, InputLayer
from mnist_gui.nn.diagnostics import TrainingDiagnostics
from mnist_gui.nn.divergence import model_outputs_finite
from mnist_gui.nn.introspect import layer_outputs
from mnist_gui.nn.losses import CategoricalCrossentropy, SparseCategoricalCrossentropy
from mnist_gui.nn.model import Sequential
from mnist_gui.nn.normalization import BatchNormalization
from mnist_gui.nn.optimizers import SGD, Adam, AdamW, Optimizer, RMSprop
from mnist_gui.nn.pooling import AveragePooling2D, GlobalAveragePooling2D
from mnist_gui.nn.schedules import ConstantLR, CosineDecay, LearningRateSchedule, StepDecay
from mnist_gui.nn.seeding import set_random_seed
from mnist_gui.nn.serialization import ModelFileError, load_model
from mnist_gui.nn.threads import blas_threads
from mnist_gui.nn.training import UnscaledInputWarning

Model = Sequential  # what the MNIST tutorials build is a Sequential; functional models are not supported

__all__ = [
    "Activation", "Adam", "AdamW", "AveragePooling2D", "BatchNormalization", "CSVLogger", "Callback",
    "CategoricalCrossentropy", "ConstantLR", "Conv2D", "CosineDecay", "Dense", "Dropout", "EarlyStopping", "Flatten",
    "GlobalAveragePooling2D", "History", "Input", "InputLayer", "LambdaCallback", "Layer", "LeakyReLU",
    "LearningRateSchedule", "LearningRateScheduler", "MaxPooling2D", "Model", "ModelCheckpoint", "ModelFileError",
    "Optimizer", "ProgbarLogger", "RMSprop", "ReLU", "ReduceLROnPlateau", "Rescaling", "Reshape", "SGD", "Sequential",
    "Sigmoid", "Softmax", "SparseCategoricalCrossentropy", "StepDecay", "Tanh", "TerminateOnNaN", "TrainingControl",
    "TrainingDiagnostics", "UnscaledInputWarning", "activations", "blas_threads", "callbacks", "datasets",
    "layer_outputs", "layers", "load_model", "losses", "model_outputs_finite", "models", "optimizers",
    "regularizers", "set_random_seed", "utils",
]
