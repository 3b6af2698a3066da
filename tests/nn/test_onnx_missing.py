"""Without the onnx extra the engine still imports, and an export says which extra to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    class NoOnnx:
        def find_spec(self, name, path=None, target=None):
            if name == "onnx" or name.startswith("onnx.") or name == "onnxruntime":
                raise ImportError("No module named " + repr(name))
    sys.meta_path.insert(0, NoOnnx())
    import mnist_gui.nn as nn
    from mnist_gui.nn.onnx_export import export_onnx
    assert "onnx" not in sys.modules
    model = nn.Sequential([nn.Flatten(input_shape=(28, 28)), nn.Dense(10, activation="softmax")], seed=0)
    try:
        export_onnx(model, sys.argv[1])
    except ImportError as exc:
        print(exc)
    else:
        print("exported")
""")


def test_engine_imports_without_onnx_and_export_names_the_extra(tmp_path):
    out = tmp_path / "m.onnx"
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "pip install mnist-gui[onnx]" in result.stdout
    assert not out.exists()
