"""Use both cores for the parts of a large run that split cleanly: parsing names and grouping mentions
into atoms (``atom_parts``), comparing names, scoring pairs.

Work is shared by ``fork``: a child process inherits everything already computed (no pickling of
inputs), computes its share and sends back plain results through a pipe while the parent computes
the first share. Only where ``fork`` exists (Linux, macOS), only for large inputs, and only when the
process runs a single thread (forking a threaded server is unsafe): otherwise everything runs here.
``ResolutionConfig.workers`` forces a number (1 = never fork).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from .config import ResolutionConfig

_TASK: tuple[Callable[[Any], Any], Sequence[Any], Callable[[Any], Any] | None] | None = None


def worker_count(items: int, cfg: ResolutionConfig) -> int:
    if cfg.workers == 1 or "fork" not in mp.get_all_start_methods():
        return 1
    if cfg.workers > 1:
        return cfg.workers
    if items < cfg.parallel_from or threading.active_count() > 1:
        return 1
    return max(1, min(2, os.cpu_count() or 1))


# The first part is computed here, and this process then also merges every part's results (unpickling
# the helper's, filling its own tables): a profile at 1M mentions showed it waiting ~1 s in ``recv`` in
# all, while the helper finished ~4 s of work earlier. So the first part is a little smaller.
HERE_SHARE = 0.9


def chunks(items: Sequence[Any], n: int, here: float = HERE_SHARE) -> list[Sequence[Any]]:
    """``items`` in ``n`` consecutive parts (concatenated, the same sequence: results do not depend on
    where it is cut); the first, computed by this process, ``here`` times an equal share."""
    if n <= 1 or len(items) < 2 * n:
        size = -(-len(items) // n) if items else 1
        return [items[i : i + size] for i in range(0, len(items), size)] or [items]
    first = int(len(items) / n * here)
    size = -(-(len(items) - first) // (n - 1))
    return [items[:first]] + [items[i : i + size] for i in range(first, len(items), size)]


def _child(conn: Any, index: int) -> None:
    try:
        assert _TASK is not None
        func, parts, pack = _TASK
        result = func(parts[index])
        conn.send(("ok", pack(result) if pack else result))
    except BaseException as exc:  # reported to the parent, which raises
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def fork_map(
    func: Callable[[Any], Any],
    parts: Sequence[Any],
    pack: Callable[[Any], Any] | None = None,
    unpack: Callable[[Any], Any] | None = None,
) -> list[Any]:
    """``[func(p) for p in parts]``, the first part here and each other one in a forked child.
    ``pack``/``unpack`` turn a child's result into something cheap to send and back."""
    global _TASK
    if len(parts) <= 1:
        return [func(p) for p in parts]
    ctx = mp.get_context("fork")
    _TASK = (func, parts, pack)
    children = []
    try:
        for index in range(1, len(parts)):
            receive, send = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(send, index), daemon=True)
            process.start()
            send.close()
            children.append((process, receive))
        results = [func(parts[0])]
        for process, receive in children:
            status, value = receive.recv()
            process.join()
            if status != "ok":
                raise RuntimeError(f"resolution worker failed: {value}")
            results.append(unpack(value) if unpack else value)
        return results
    finally:
        _TASK = None
        for process, _ in children:
            if process.is_alive():
                process.kill()
