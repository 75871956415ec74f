"""Synthetic shakes: a baseline at rest, then motion of a given strength, as sensor samples."""

from __future__ import annotations

import math

from dynscan.device.base import SensorSample

GRAVITY = 9.81
RATE_HZ = 50


def shake_samples(acceleration: float, rotation_deg: float, duration: float,
                  *, baseline_s: float = 0.5) -> list[SensorSample]:
    """Accelerometer and gyroscope samples: ``baseline_s`` at rest, then ``duration`` of shaking.

    The accelerometer's x axis swings by ``acceleration`` m/s² beyond gravity (on z); the gyroscope
    turns the device by ``rotation_deg`` in total, back and forth, over the motion.
    """
    out: list[SensorSample] = []
    step = 1.0 / RATE_HZ
    n_rest, n_move = int(baseline_s * RATE_HZ), max(1, int(duration * RATE_HZ))
    for i in range(n_rest):
        t = i * step
        out.append(SensorSample("accelerometer", (0.0, 0.0, GRAVITY), t))
        out.append(SensorSample("gyroscope", (0.0, 0.0, 0.0), t))
    # angle(t) = A sin(2πft) with two swings; peak angular speed = A·2πf.
    freq = 2.0 / duration
    amp_rad = math.radians(rotation_deg) / 4 if rotation_deg else 0.0
    for i in range(n_move):
        t = i * step
        phase = 2 * math.pi * freq * t
        ax = acceleration * math.sin(phase)
        wz = amp_rad * 2 * math.pi * freq * math.cos(phase)
        out.append(SensorSample("accelerometer", (round(ax, 4), 0.0, GRAVITY), baseline_s + t))
        out.append(SensorSample("gyroscope", (0.0, 0.0, round(wz, 5)), baseline_s + t))
    return out
