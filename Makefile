# The two commands of the README's quick start: `make run` and `make test`.
# Both create a local virtual environment in .venv on first use (and again when pyproject.toml changes).
# `make test-min` runs the suite against the oldest versions pyproject.toml declares (in build/venv-min).
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
MIN_VENV := build/venv-min

.PHONY: run test test-min bench wheel bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet -e '.[test,onnx]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/mnist-gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q

# every `name>=X` of pyproject.toml installed as exactly X (packaging/min_constraints.py), then the suite
# without the wheel round trip (which `make test` runs)
test-min:
	rm -rf $(MIN_VENV)
	$(PYTHON) -m venv $(MIN_VENV)
	$(PYTHON) packaging/min_constraints.py test onnx > build/min-constraints.txt
	$(MIN_VENV)/bin/python -m pip install --quiet -c build/min-constraints.txt -e '.[test,onnx]'
	$(MIN_VENV)/bin/python packaging/min_constraints.py --check build/min-constraints.txt
	QT_QPA_PLATFORM=offscreen MNIST_GUI_SKIP_PACKAGING=1 $(MIN_VENV)/bin/python -m pytest -q

bench: $(STAMP)
	for b in benchmarks/*.py; do $(VENV)/bin/python $$b || exit 1; done

wheel:
	bash packaging/check_wheel.sh

bundle:
	bash packaging/build_bundle.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
