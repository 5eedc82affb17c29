"""A progress line on stderr with rate and ETA: redrawn in place on a terminal, else a line every 10%."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: float, unit: str, scale: float = 1.0, stream: TextIO | None = None) -> None:
        self.label, self.total, self.unit, self.scale = label, max(total, 1e-9), unit, scale
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()
        self.done = 0.0
        self.patients = 0
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._last_decile = -1

    def tick(self, amount: float, patients: int = 0) -> None:
        self.done += amount
        self.patients += patients
        now = time.monotonic()
        decile = int(10 * self.done / self.total)
        if (self.tty and now - self._last_draw >= 0.2) or (not self.tty and decile > self._last_decile):
            self._last_draw, self._last_decile = now, decile
            self._draw(now)

    def finish(self) -> float:
        elapsed = time.monotonic() - self.start
        drawn = self._last_decile >= 10 and not self.tty  # the 100% line is already out
        self.done = self.total
        if not drawn:
            self._draw(time.monotonic())
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()
        return elapsed

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        frac = min(self.done / self.total, 1.0)
        rate = self.done / self.scale / elapsed
        eta = (self.total - self.done) / (self.done / elapsed) if self.done else 0.0
        width = 24
        bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
        extra = f", {self.patients:,} evaluated" if self.patients else ""
        text = (
            f"{self.label:<9} [{bar}] {frac:4.0%}  {rate:,.1f} {self.unit}/s{extra}"
            f"  elapsed {_clock(elapsed)}  ETA {_clock(eta)}"
        )
        self.stream.write(("\r" + text + "\x1b[K") if self.tty else text + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
