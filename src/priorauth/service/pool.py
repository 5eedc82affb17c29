"""CPU work off the server: evaluations (and packets) run in a pool of worker processes with a time
limit. A task past its limit is stopped (its worker process is killed and replaced, by pebble) and
answers ``evaluation_timeout``; nothing the caller stored is touched, so the next try starts clean.

Workers are started with ``spawn`` (never ``fork``: the server has threads and open database
connections) and live as long as the server process; each one loads the evaluator once."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from priorauth.errors import Code, PriorauthError, fail

T = TypeVar("T")
_lock = threading.Lock()
_pools: dict[int, Any] = {}


def _pool(workers: int) -> Any:
    from pebble import ProcessPool

    with _lock:
        pool = _pools.get(workers)
        if pool is None or not pool.active:
            pool = ProcessPool(max_workers=workers, context=multiprocessing.get_context("spawn"))
            _pools[workers] = pool
        return pool


def run(fn: Callable[..., T], *args: Any, workers: int, timeout: float, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in a worker process (``workers`` 0: in this thread, no time limit).
    ``fn`` must be a module-level function; a :class:`PriorauthError` it raises comes back as is."""
    if workers <= 0:
        return fn(*args, **kwargs)
    future = _pool(workers).schedule(_within, args=(timeout, fn, args, kwargs), timeout=timeout)
    try:
        return future.result()
    except FutureTimeout:
        raise fail(
            Code.EVALUATION_TIMEOUT,
            f"the evaluation took longer than {timeout:g} seconds and was stopped; the chart and the case are "
            "kept: try again, or split the chart",
        ) from None
    except PriorauthError:
        raise
    except RecursionError:
        raise fail(Code.INVALID_REQUEST, "the chart is nested too deeply to read") from None
    except MemoryError:
        raise fail(Code.TOO_LARGE, "the chart needs more memory than the server allows to evaluate") from None


OCR_SHARE = 0.75  # of an evaluation's time limit, what OCR may spend on one scanned document


def _within(timeout: float, fn: Callable[..., T], args: Any, kwargs: Any) -> T:
    """``fn`` in a worker, its OCR bounded inside the evaluation's limit: a long fax on a busy server is
    read up to that point, with a warning, rather than the whole evaluation being stopped (issue 17)."""
    from priorauth.text import ocr

    ocr.MAX_SECONDS = min(ocr.LIMIT_SECONDS, OCR_SHARE * timeout)
    return fn(*args, **kwargs)


def shutdown() -> None:
    with _lock:
        for pool in _pools.values():
            pool.stop()
            pool.join(5)
        _pools.clear()
