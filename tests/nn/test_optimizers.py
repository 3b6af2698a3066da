"""Each optimizer against its textbook update, schedules, and the name/object factories."""

import math

import numpy as np
import pytest

from mnist_gui.nn import SGD, Adam, AdamW, ConstantLR, CosineDecay, RMSprop, StepDecay
from mnist_gui.nn.optimizers import get_optimizer
from mnist_gui.nn.schedules import get_schedule

N_KERNEL = 4  # the first 4 of 6 parameters play the kernels (L2 and weight decay apply to them only)


def gradient(w, step):
    """A gradient that depends on the weights and the step, like a real one would."""
    return np.sin(w * (step + 1)) + 0.1 * step - 0.3


def run(optimizer, steps=7):
    w = np.linspace(-1.0, 1.5, 6)
    g = np.zeros_like(w)
    optimizer.build(w, g, N_KERNEL)
    trajectory = []
    for t in range(steps):
        g[:] = gradient(w, t)
        optimizer.step()
        trajectory.append(w.copy())
    return trajectory


def reference(update, steps=7, l2=0.0):
    w = np.linspace(-1.0, 1.5, 6)
    state, trajectory = {}, []
    mask = np.arange(6) < N_KERNEL
    for t in range(steps):
        g = gradient(w, t) + l2 * w * mask
        w = update(w, g, t + 1, state)
        trajectory.append(w.copy())
    return trajectory


def assert_trajectories(ours, textbook):
    for a, b in zip(ours, textbook):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)


def test_plain_sgd():
    def update(w, g, t, s):
        return w - 0.1 * g

    assert_trajectories(run(SGD(0.1)), reference(update))


@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_momentum(nesterov):
    def update(w, g, t, s):
        v = s["v"] = 0.9 * s.get("v", 0.0) - 0.05 * g
        return w + (0.9 * v - 0.05 * g if nesterov else v)

    assert_trajectories(run(SGD(0.05, momentum=0.9, nesterov=nesterov)), reference(update))


def adam_update(lr, b1, b2, eps, decay=0.0):
    def update(w, g, t, s):
        w = w - lr * decay * w * (np.arange(6) < N_KERNEL)
        m = s["m"] = b1 * s.get("m", 0.0) + (1 - b1) * g
        v = s["v"] = b2 * s.get("v", 0.0) + (1 - b2) * g * g
        alpha = lr * math.sqrt(1 - b2**t) / (1 - b1**t)
        return w - alpha * m / (np.sqrt(v) + eps)
    return update


def test_adam_matches_kingma_and_ba():
    opt = Adam(0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-3)
    assert_trajectories(run(opt), reference(adam_update(0.01, 0.8, 0.99, 1e-3)))
    assert opt.iterations == 7
    w = np.linspace(-1.0, 1.5, 6)
    m = sum((1 - 0.8) * 0.8 ** (6 - t) * gradient(w_t, t) for t, w_t in
            enumerate([w] + run(Adam(0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-3), 6)))
    np.testing.assert_allclose(opt.m, m, rtol=1e-10)


def test_adam_with_l2_adds_to_the_kernel_gradients_only():
    assert_trajectories(run(Adam(0.01, l2=0.1)), reference(adam_update(0.01, 0.9, 0.999, 1e-7), l2=0.1))


def test_adamw_decays_kernels_outside_the_adaptive_step():
    opt = AdamW(0.01, weight_decay=0.2)
    assert_trajectories(run(opt), reference(adam_update(0.01, 0.9, 0.999, 1e-7, decay=0.2)))


@pytest.mark.parametrize("momentum", [0.0, 0.5])
def test_rmsprop(momentum):
    def update(w, g, t, s):
        a = s["a"] = 0.9 * s.get("a", 0.0) + 0.1 * g * g
        step = 0.01 * g / (np.sqrt(a) + 1e-7)
        if momentum:
            step = s["u"] = momentum * s.get("u", 0.0) + step
        return w - step

    assert_trajectories(run(RMSprop(0.01, momentum=momentum)), reference(update))


def test_schedules_follow_their_formulas():
    assert [ConstantLR(0.1)(t) for t in (0, 100)] == [0.1, 0.1]
    step = StepDecay(0.1, step_size=10, factor=0.5)
    assert [step(t) for t in (0, 9, 10, 25)] == pytest.approx([0.1, 0.1, 0.05, 0.025])
    cos = CosineDecay(0.1, decay_steps=100, alpha=0.1)
    assert cos(0) == pytest.approx(0.1)
    assert cos(50) == pytest.approx(0.1 * (0.1 + 0.9 * 0.5))
    assert cos(100) == cos(1000) == pytest.approx(0.01)
    warm = CosineDecay(0.1, decay_steps=10, warmup_steps=4)
    assert [warm(t) for t in range(5)] == pytest.approx([0.025, 0.05, 0.075, 0.1, 0.1])


def test_a_schedule_drives_the_optimizer_learning_rate():
    schedule = StepDecay(step_size=2, factor=0.1)
    opt = SGD(1.0, schedule=schedule)
    assert schedule.initial_learning_rate == 1.0

    def update(w, g, t, s):
        return w - 1.0 * 0.1 ** ((t - 1) // 2) * g

    assert_trajectories(run(opt, 5), reference(update, 5))
    keras_style = SGD(learning_rate=StepDecay(1.0, step_size=2, factor=0.1))
    assert_trajectories(run(keras_style, 5), reference(update, 5))


def test_factories_accept_names_configs_and_objects():
    adam = Adam(0.003)
    assert get_optimizer(adam) is adam
    for name, cls in [("sgd", SGD), ("adam", Adam), ("adamw", AdamW), ("rmsprop", RMSprop), ("Adam", Adam)]:
        assert type(get_optimizer(name)) is cls
    copy = get_optimizer(Adam(0.003, schedule=CosineDecay(decay_steps=5)).get_config())
    assert copy.get_config() == Adam(0.003, schedule=CosineDecay(decay_steps=5)).get_config()
    assert isinstance(get_schedule("cosine"), CosineDecay)
    with pytest.raises(ValueError, match="unknown optimizer: 'adagrad'"):
        get_optimizer("adagrad")
    with pytest.raises(ValueError, match="unknown learning-rate schedule"):
        get_schedule("linear")


@pytest.mark.parametrize("make", [lambda: Adam(0), lambda: Adam(-1), lambda: SGD(0.1, momentum=1.0),
                                  lambda: Adam(beta_1=1.5), lambda: Adam(l2=-1), lambda: AdamW(weight_decay=2),
                                  lambda: StepDecay(0.1, step_size=0), lambda: CosineDecay(0.1, alpha=2)])
def test_bad_settings_are_refused(make):
    with pytest.raises(ValueError):
        make()


def test_float32_state_never_goes_subnormal():
    """A moment whose gradient stays zero decays geometrically; it is flushed before it gets slow."""
    w = np.ones(8, np.float32)
    g = np.zeros(8, np.float32)
    opt = Adam(0.001)
    opt.build(w, g, 8)
    g[:] = 1e-3
    opt.step()
    g[:] = 0.0
    for _ in range(1200):
        opt.step()
        m = opt.state["m"]
        assert not np.any((m != 0) & (np.abs(m) < np.finfo(np.float32).tiny))
    assert w.dtype == opt.state["m"].dtype == opt.state["v"].dtype == np.float32



@pytest.mark.parametrize("make", [lambda: Adam(1e-3, l2=1e-3), lambda: AdamW(1e-3), lambda: RMSprop(momentum=0.5),
                                  lambda: SGD(0.1, momentum=0.9)], ids=["adam", "adamw", "rmsprop", "sgd"])
def test_slice_by_slice_updates_match_whole_vector_formulas(make):
    """Large vectors are updated in cache-sized slices, and L2/weight decay reach exactly the kernels
    even when the kernel/bias boundary falls inside a slice."""
    rng = np.random.default_rng(0)
    start = rng.standard_normal(200_003)
    n_kernel = 150_001
    results = []
    for chunk in (65536, 10**9):
        w, g = start.copy(), np.zeros_like(start)
        opt = make()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("mnist_gui.nn.optimizer_base.UPDATE_SLICE_ELEMENTS", chunk)
            opt.build(w, g, n_kernel)
        assert len(opt._chunks) == (4 if chunk == 65536 else 1)
        for step in range(3):
            g[:] = np.sin(w * (step + 2))
            opt.step()
        results.append(w)
    np.testing.assert_array_equal(results[0], results[1])
    assert not np.array_equal(results[0], start)
