"""``keras.layers``: every layer of the engine in one namespace (``from mnist_gui.nn.layers import Dense``).

The layers themselves live by family: core_layers.py (Layer, Flatten, Rescaling, Dense), dropout.py,
input_layer.py (InputLayer, ``Input``), activation_layers.py (Activation, ReLU, LeakyReLU, Tanh, Sigmoid,
Softmax), conv.py (Conv2D, MaxPooling2D, Reshape), pooling.py (AveragePooling2D, GlobalAveragePooling2D),
normalization.py (BatchNormalization). ``LAYER_CLASSES`` maps each class name to its class, as model files
name them.
"""

from mnist_gui.nn.activation_layers import (ACTIVATION_LAYER_CLASSES, Activation, LeakyReLU, ReLU, Sigmoid, Softmax,
                                            Tanh)
from mnist_gui.nn.conv import CONV_LAYER_CLASSES, Conv2D, MaxPooling2D, Reshape
from mnist_gui.nn.core_layers import LAYER_CLASSES as _CORE
from mnist_gui.nn.core_layers import Dense, Flatten, Layer, Rescaling
from mnist_gui.nn.dropout import DROPOUT_LAYER_CLASSES, Dropout
from mnist_gui.nn.input_layer import Input, InputLayer
from mnist_gui.nn.nested import NestedModel
from mnist_gui.nn.normalization import BatchNormalization
from mnist_gui.nn.pooling import POOLING_LAYER_CLASSES, AveragePooling2D, GlobalAveragePooling2D

MaxPool2D, AvgPool2D, GlobalAvgPool2D = MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D  # Keras's aliases

LAYER_CLASSES = {**_CORE, **DROPOUT_LAYER_CLASSES, **ACTIVATION_LAYER_CLASSES, **CONV_LAYER_CLASSES,
                 **POOLING_LAYER_CLASSES, "BatchNormalization": BatchNormalization, "NestedModel": NestedModel}

__all__ = ["Activation", "AvgPool2D", "AveragePooling2D", "BatchNormalization", "Conv2D", "Dense", "Dropout",
           "Flatten", "GlobalAvgPool2D", "GlobalAveragePooling2D", "Input", "InputLayer", "LAYER_CLASSES", "Layer",
           "LeakyReLU", "MaxPool2D", "MaxPooling2D", "NestedModel", "ReLU", "Rescaling", "Reshape", "Sigmoid",
           "Softmax", "Tanh"]
