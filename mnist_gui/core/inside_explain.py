"""Why one unit or feature map fired: its weights, the input it looked at, and the arithmetic with numbers.

``explain(trace, view, unit)`` takes a ``core.inside.Trace``, one of its views and a unit (a feature map
for "maps" views) and returns an ``Explanation``: for a dense unit, its weights (a 28x28 map when it reads
the image directly) and the weighted sum written out with its largest terms, the bias and the activation;
for a convolution's feature map, the kernel (kh x kw per input channel) and the input patch at the map's
strongest position, multiplied out; for a pooling, the window it took the maximum of; for the answer, the
softmax step by step at a temperature (``softmax_steps``), the classes named as the window names them
(``class_names``, from the caller; else the model's own). No Qt; the panel is ``ui.inside.detail_view``.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from mnist_gui.core.inside_pictures import as_grid
from mnist_gui.core.i18n import tr
from mnist_gui.core.words import a_or_an

TERMS = 6  # largest products of a weighted sum written out; the rest are added up in one line


@dataclasses.dataclass
class Explanation:
    """``weights`` / ``patch``: 2-D arrays to draw (or (h, w, C) stacks of them), same shape, or None;
    ``weights_label`` / ``patch_label`` say what they are; ``lines``: the arithmetic, one step a line;
    ``value``: the unit's output for this input."""

    title: str
    lines: list
    value: float
    weights: np.ndarray | None = None
    weights_label: str = ""
    patch: np.ndarray | None = None
    patch_label: str = ""


def softmax_steps(logits: np.ndarray, temperature: float = 1.0):
    """(z / T, exp(z / T - max), probabilities), float64; T must be positive. A lower temperature sharpens
    the answer, a higher one flattens it, without changing which class wins."""
    if not temperature > 0:
        raise ValueError(tr("the softmax temperature must be greater than 0, got {value!r}").format(value=temperature))
    scaled = np.asarray(logits, np.float64) / float(temperature)
    exps = np.exp(scaled - scaled.max())
    return scaled, exps, exps / exps.sum()


def explain(t, view, unit: int, temperature: float = 1.0, class_names=None) -> Explanation:
    """See the module docstring; ``unit`` indexes ``view.values`` (its last axis for feature maps);
    ``class_names``: the answers' names as shown (None: the model's own, else the class numbers)."""
    layer = t.model.layers[view.index]
    kind = type(layer).__name__
    if view.kind == "output" and view.logits is not None:
        return _softmax(t, view, unit, temperature, class_names)
    if kind == "Dense":
        return _dense(t, view, layer, unit)
    if kind == "Conv2D":
        return _conv(t, view, layer, unit)
    if kind == "MaxPooling2D":
        return _pool(t, view, layer, unit)
    value = float(view.values[..., unit].max() if view.kind == "maps" else view.values[unit])
    source = float(t.layer_input(view.index).reshape(view.values.shape)[..., unit].max()) \
        if view.kind == "maps" else float(t.layer_input(view.index).reshape(-1)[unit])
    name = getattr(getattr(layer, "activation", None), "name", kind.lower())
    return Explanation(_unit_title(view, unit), [f"{name}({source:.3f}) = {value:.3f}"], value)


def _unit_title(view, unit: int) -> str:
    return tr("{layer}, unit {unit}").format(layer=view.name, unit=unit)


def _map_title(view, f: int) -> str:
    return tr("{layer}, feature map {map}").format(layer=view.name, map=f)


def _sum_lines(products: np.ndarray, inputs: np.ndarray, weights: np.ndarray, names) -> list[str]:
    order = np.argsort(-np.abs(products))
    lines = [tr("weighted sum over {n:,} inputs (largest terms first):").format(n=products.size)]
    for i in order[:TERMS]:
        lines.append(f"   {names(i)}: {inputs[i]:.3f} × {weights[i]:+.3f} = {products[i]:+.4f}")
    if products.size > TERMS:
        rest = products[order[TERMS:]].sum()
        lines.append("   " + tr("the other {n:,} terms add up to {rest:+.4f}").format(n=products.size - TERMS,
                                                                                     rest=rest))
    lines.append(f"Σ x·w = {products.sum():+.4f}")
    return lines


def _activation_lines(layer, s: float, bias: float, z: float, value: float) -> list[str]:
    name = layer.activation.name
    lines = [tr("+ bias {bias:+.4f} = z = {z:+.4f}").format(bias=bias, z=z)]
    rule = {"relu": "max(z, 0)", "linear": "z", "sigmoid": "1 / (1 + e^-z)", "tanh": "tanh(z)",
            "leaky_relu": tr("z if z > 0 else slope·z"), "softmax": tr("softmax over the layer")}.get(name, name)
    off = "   " + tr("(switched off: z ≤ 0)") if name == "relu" and z <= 0 else ""
    lines.append(f"{name}: {rule} = {value:.4f}" + off)
    return lines


def _dense(t, view, layer, unit: int) -> Explanation:
    x = t.layer_input(view.index).reshape(-1).astype(np.float64)
    w = layer.kernel[:, unit].astype(np.float64)
    b = float(layer.bias[unit])
    products = x * w
    z = float(products.sum() + b)
    value = float(view.values.reshape(-1)[unit])
    picture = _picture_of_input(t, view.index)
    if picture is not None:
        shape = picture.shape
        weights, patch = w.reshape(shape), picture
        w_label = tr("its {h}×{w} weights, one per pixel").format(h=shape[0], w=shape[1])
        p_label = tr("the input it reads")
        pixel = tr("pixel ({row}, {column})")
        names = lambda i: pixel.format(row=i // shape[1], column=i % shape[1])  # noqa: E731
    else:
        weights, patch = as_grid(w), as_grid(x)
        w_label = tr("its {n:,} weights, in input order").format(n=w.size)
        p_label = tr("the {n:,} inputs it reads ({source})").format(n=x.size, source=_source_name(t, view.index))
        one = tr("input {i}")
        names = lambda i: one.format(i=i)  # noqa: E731
    lines = _sum_lines(products, x, w, names) + _activation_lines(layer, products.sum(), b, z, value)
    return Explanation(_unit_title(view, unit), lines, value, weights, w_label, patch, p_label)


def _conv(t, view, layer, f: int) -> Explanation:
    x = t.layer_input(view.index)  # (H, W, C)
    maps = view.values[..., f]
    y0, x0 = np.unravel_index(int(np.argmax(maps)), maps.shape)
    (kh, kw), (sh, sw) = layer.kernel_size, layer.strides
    top, _, left, _ = layer._pad
    padded = np.pad(x, ((layer._pad[0], layer._pad[1]), (layer._pad[2], layer._pad[3]), (0, 0)))
    patch = padded[y0 * sh:y0 * sh + kh, x0 * sw:x0 * sw + kw, :].astype(np.float64)
    kernel = layer.kernel[:, :, :, f].astype(np.float64)
    b = float(layer.bias[f])
    products = (patch * kernel).reshape(-1)
    z = float(products.sum() + b)
    value = float(maps[y0, x0])
    c = x.shape[2]
    cell = tr("({row}, {column}, ch {channel})")
    names = lambda i: cell.format(row=i // (kw * c), column=i // c % kw, channel=i % c)  # noqa: E731
    lines = [tr("the map's strongest point is ({y}, {x}); the {kh}×{kw}×{c} kernel slides over every "
                "position:").format(y=y0, x=x0, kh=kh, kw=kw, c=c)]
    lines += _sum_lines(products, patch.reshape(-1), kernel.reshape(-1), names)
    lines += _activation_lines(layer, products.sum(), b, z, value)
    at = {"kh": kh, "kw": kw, "c": c, "y": y0 * sh - top, "x": x0 * sw - left}
    if c > 1:
        kernel_label = tr("its {kh}×{kw} kernel for each of {c} input channels").format(**at)
        where = tr("the {kh}×{kw} input patch at ({y}, {x}) in all {c} channels").format(**at)
    else:
        kernel_label = tr("its {kh}×{kw} kernel").format(**at)
        where = tr("the {kh}×{kw} input patch at ({y}, {x})").format(**at)
    return Explanation(_map_title(view, f), lines, value, kernel, kernel_label, patch, where)


def _pool(t, view, layer, f: int) -> Explanation:
    x = t.layer_input(view.index)[..., f]
    maps = view.values[..., f]
    y0, x0 = np.unravel_index(int(np.argmax(maps)), maps.shape)
    p, q = layer.pool_size
    window = x[y0 * p:(y0 + 1) * p, x0 * q:(x0 + 1) * q]
    value = float(maps[y0, x0])
    cells = ", ".join(f"{v:.3f}" for v in window.ravel())
    if a_or_an(p) == "an":
        first = tr("each output pixel is the largest of an {p}×{q} window of map {map} of the layer before,")
    else:
        first = tr("each output pixel is the largest of a {p}×{q} window of map {map} of the layer before,")
    lines = [first.format(p=p, q=q, map=f),
             tr("which halves the map and keeps the strongest response wherever it was in the window."),
             tr("at ({y}, {x}): max({cells}) = {value:.3f}").format(y=y0, x=x0, cells=cells, value=value)]
    return Explanation(_map_title(view, f), lines, value, None, "", x,
                       tr("map {map} before pooling ({h}×{w})").format(map=f, h=x.shape[0], w=x.shape[1]))


def _softmax(t, view, unit: int, temperature: float, class_names=None) -> Explanation:
    z = view.logits.astype(np.float64)
    scaled, exps, probs = softmax_steps(z, temperature)
    names = [str(name) for name in (class_names or t.model.class_names or [])]
    names += [str(i) for i in range(len(names), z.size)]
    width = max(5, *(len(name) for name in names[:z.size]))
    lines = [tr("softmax at temperature T = {t:g}: p_k = exp(z_k / T) / Σ_j exp(z_j / T)").format(t=temperature),
             tr("(the largest z/T is subtracted before exp so nothing overflows; the answer is unchanged)"),
             " " * (width - 5) + tr("class   logit z    z / T     exp(z/T − max)   p")]
    for k in range(z.size):
        mark = "  ◀" if k == unit else ""
        lines.append(f"{names[k]:>{width}}  {z[k]:+8.3f}  {scaled[k]:+8.3f}   {exps[k]:12.5g}   {probs[k]:6.1%}{mark}")
    total = exps.sum()
    lines.append(f"Σ exp = {total:.5g};  p({names[unit]}) = {exps[unit]:.5g} / {total:.5g} = {probs[unit]:.2%}")
    layer = t.model.layers[view.index]
    weights = patch = None
    w_label = p_label = ""
    if hasattr(layer, "kernel"):
        w = layer.kernel[:, unit].astype(np.float64)
        x = t.layer_input(view.index).reshape(-1).astype(np.float64)
        lines.insert(0, f"logit z_{names[unit]} = Σ x·w + b = {float(x @ w):+.4f} {float(layer.bias[unit]):+.4f}"
                        f" = {z[unit]:+.4f}")
        picture = _picture_of_input(t, view.index)
        weights, patch = (w.reshape(picture.shape), picture) if picture is not None else (as_grid(w), as_grid(x))
        w_label = tr("the weights into '{name}'").format(name=names[unit])
        p_label = tr("the input they multiply")
    return Explanation(tr("answer '{name}'").format(name=names[unit]), lines, float(probs[unit]), weights, w_label,
                       patch, p_label)


def _picture_of_input(t, index: int) -> np.ndarray | None:
    """The input picture when layer ``index`` reads the image itself (only reshapes in between)."""
    before = [type(layer).__name__ for layer in t.model.layers[:index]]
    if all(name in ("Rescaling", "Reshape", "Flatten", "Dropout") for name in before) and t.image is not None \
            and t.image.size == t.layer_input(index).size:
        return t.image
    return None


def _source_name(t, index: int) -> str:
    for j in range(index - 1, -1, -1):
        name = type(t.model.layers[j]).__name__
        if name not in ("Flatten", "Dropout", "Reshape"):
            return tr("from {layer}").format(layer=t.model.layers[j].name)
    return tr("the input")
