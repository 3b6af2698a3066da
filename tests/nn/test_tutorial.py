"""The tutorial the app grows from runs on our engine with only its imports changed."""

import subprocess
import sys

from mnist_gui.nn import set_random_seed


def test_tutorial_code_reaches_97_percent(dataset):
    train_images, train_labels = dataset.x_train, dataset.y_train
    test_images, test_labels = dataset.x_test, dataset.y_test
    set_random_seed(0)  # only so that the test is deterministic; the tutorial does not seed

    # The tutorial, verbatim except for this import line.
    from mnist_gui.nn import Dense, Flatten, Sequential

    model = Sequential([
        Flatten(input_shape=(28, 28)),
        Dense(128, activation='relu'),
        Dense(10, activation='softmax'),
    ])
    model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_images / 255.0, train_labels, epochs=5)
    test_loss, test_acc = model.evaluate(test_images / 255.0, test_labels)
    predictions = model.predict(test_images / 255.0)

    set_random_seed(None)
    assert test_acc >= 0.97
    assert test_loss < 0.12
    assert predictions.shape == (10000, 10)
    assert (predictions.argmax(axis=1) == test_labels).mean() == test_acc


def test_the_engine_never_imports_qt():
    code = "import sys, mnist_gui.nn, mnist_gui.nn.presets; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
