"""Learning-rate schedules: the learning rate as a function of the optimizer step (0, 1, 2, ...).

A schedule is a small object with ``__call__(step) -> float`` and ``get_config()``. Pass it as an
optimizer's ``learning_rate`` (Keras style: ``Adam(learning_rate=CosineDecay(1e-3, decay_steps=2000))``)
or as ``schedule=`` next to a plain ``learning_rate``, in which case a schedule built without an
``initial_learning_rate`` takes the optimizer's. Steps count optimizer updates (batches), not epochs.
"""

from __future__ import annotations

import math


class LearningRateSchedule:
    name = ""

    def __init__(self, initial_learning_rate: float | None = None):
        if initial_learning_rate is not None:
            initial_learning_rate = float(initial_learning_rate)
            if not (math.isfinite(initial_learning_rate) and initial_learning_rate > 0):
                raise ValueError(f"learning rate must be a positive number, got {initial_learning_rate}")
        self.initial_learning_rate = initial_learning_rate

    def __call__(self, step: int) -> float:
        if self.initial_learning_rate is None:
            raise ValueError(f"{type(self).__name__} has no initial_learning_rate; give it one or pass it to "
                             "an optimizer as schedule= together with learning_rate=")
        return self.initial_learning_rate * self.factor(step)

    def factor(self, step: int) -> float:
        raise NotImplementedError

    def get_config(self) -> dict:
        return {"name": self.name, "initial_learning_rate": self.initial_learning_rate}

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "name")
        return f"{type(self).__name__}({args})"


class ConstantLR(LearningRateSchedule):
    """The same learning rate at every step."""

    name = "constant"

    def factor(self, step):
        return 1.0


class StepDecay(LearningRateSchedule):
    """Multiply the learning rate by ``factor`` every ``step_size`` steps."""

    name = "step"

    def __init__(self, initial_learning_rate=None, step_size: int = 1000, factor: float = 0.5):
        super().__init__(initial_learning_rate)
        if int(step_size) < 1:
            raise ValueError(f"StepDecay step_size must be at least 1, got {step_size}")
        if not 0.0 < float(factor) <= 1.0:
            raise ValueError(f"StepDecay factor must be in (0, 1], got {factor}")
        self.step_size = int(step_size)
        self.decay_factor = float(factor)

    def factor(self, step):
        return self.decay_factor ** (int(step) // self.step_size)

    def get_config(self):
        return {**super().get_config(), "step_size": self.step_size, "factor": self.decay_factor}


class CosineDecay(LearningRateSchedule):
    """Optional linear warm-up over ``warmup_steps``, then half a cosine from the initial rate down to
    ``alpha`` times it over ``decay_steps``; ``alpha`` times the initial rate after that."""

    name = "cosine"

    def __init__(self, initial_learning_rate=None, decay_steps: int = 1000, alpha: float = 0.0,
                 warmup_steps: int = 0):
        super().__init__(initial_learning_rate)
        if int(decay_steps) < 1:
            raise ValueError(f"CosineDecay decay_steps must be at least 1, got {decay_steps}")
        if not 0.0 <= float(alpha) <= 1.0:
            raise ValueError(f"CosineDecay alpha must be in [0, 1], got {alpha}")
        if int(warmup_steps) < 0:
            raise ValueError(f"CosineDecay warmup_steps must be at least 0, got {warmup_steps}")
        self.decay_steps = int(decay_steps)
        self.alpha = float(alpha)
        self.warmup_steps = int(warmup_steps)

    def factor(self, step):
        step = int(step)
        if step < self.warmup_steps:
            return (step + 1) / self.warmup_steps
        t = min(step - self.warmup_steps, self.decay_steps) / self.decay_steps
        return self.alpha + (1.0 - self.alpha) * 0.5 * (1.0 + math.cos(math.pi * t))

    def get_config(self):
        return {**super().get_config(), "decay_steps": self.decay_steps, "alpha": self.alpha,
                "warmup_steps": self.warmup_steps}


class ExponentialDecay(LearningRateSchedule):
    """Keras's: ``initial * decay_rate ** (step / decay_steps)``, the exponent floored with ``staircase``."""

    name = "exponential"

    def __init__(self, initial_learning_rate=None, decay_steps: int = 1000, decay_rate: float = 0.96,
                 staircase: bool = False):
        super().__init__(initial_learning_rate)
        if int(decay_steps) < 1:
            raise ValueError(f"ExponentialDecay decay_steps must be at least 1, got {decay_steps}")
        if not 0.0 < float(decay_rate) <= 1.0:
            raise ValueError(f"ExponentialDecay decay_rate must be in (0, 1], got {decay_rate}")
        self.decay_steps, self.decay_rate, self.staircase = int(decay_steps), float(decay_rate), bool(staircase)

    def factor(self, step):
        exponent = int(step) / self.decay_steps
        return self.decay_rate ** (math.floor(exponent) if self.staircase else exponent)

    def get_config(self):
        return {**super().get_config(), "decay_steps": self.decay_steps, "decay_rate": self.decay_rate,
                "staircase": self.staircase}


SCHEDULES = {cls.name: cls for cls in (ConstantLR, StepDecay, CosineDecay, ExponentialDecay)}


def get_schedule(spec) -> LearningRateSchedule | None:
    """A schedule from a config dict, a name (with default settings) or an object; None stays None."""
    if spec is None or isinstance(spec, LearningRateSchedule):
        return spec
    name = spec.get("name") if isinstance(spec, dict) else spec
    if isinstance(spec, str):
        spec = {"name": spec}
    if isinstance(spec, dict):
        spec = dict(spec)
        cls = SCHEDULES.get(spec.pop("name", None))
        if cls is not None:
            return cls(**spec)
    raise ValueError(f"unknown learning-rate schedule: {name!r} (expected one of {', '.join(SCHEDULES)})")
