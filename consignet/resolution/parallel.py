"""Use both cores for the parts of a large run that split cleanly: parsing names and grouping mentions
into atoms (``atom_parts``), comparing names, scoring pairs, then clustering connected components
(``cluster_parts``, in the helper that scored).

Parsing is shared by ``fork``: a child process inherits everything already computed (no pickling of
inputs), computes its share and sends back plain results through a pipe while the parent computes
the first share, then ends. Each fork costs copy-on-write page faults afterwards, in the child and in
the parent, on every page either of them writes (and reading a Python object writes its reference
count), and while both live such a page exists twice: a fork kept from the scorer's tables to the end
of a 1M-mention run held ~2 GB twice. So the rest of a two-process run goes to a helper process that
never maps this one's memory (``remote``); ``fork_keep`` remains for runs forced to more than two
processes and for scoring every pair (the benchmark's reference without blocking).
Only where ``fork`` exists (Linux, macOS), only for large inputs, and only when the process runs a
single thread (forking a threaded server is unsafe): otherwise everything runs here.
``ResolutionConfig.workers`` forces a number (1 = never fork).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any

from .config import ResolutionConfig

# (func, parts, pack, follow) of the fork under way, read by the children it forks
_TASK: tuple[Callable[[Any], Any], Sequence[Any], Callable[[Any], Any] | None, Callable[[Any], Any] | None] | None = (
    None
)


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


def _child(conn: Any, index: int, others: Sequence[Any] = ()) -> None:
    for end in others:  # the parent's ends of the pipes, inherited: a child must not hold them open
        end.close()
    try:
        assert _TASK is not None
        func, parts, pack, follow = _TASK
        result = func(parts[index])
        conn.send(("ok", pack(result) if pack else result))
        if follow is None:
            return
        # kept (``fork_keep``): ``follow`` is a generator over the same data
        run_steps(follow(result), conn.send, conn.recv)
    except BaseException as exc:  # reported to the parent, which raises
        with contextlib.suppress(OSError):  # unless the parent has gone
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def run_steps(steps: Generator[Any, Any, None], send: Callable[[Any], None], receive: Callable[[], Any]) -> None:
    """A helper's side of a kept helper (``fork_keep``, ``remote``): each message received is sent
    into the generator ``steps`` at its ``yield``, and what it yields (but None) goes back as
    ``("ok", answer)``, until it ends or ``receive`` raises ``EOFError`` (the parent closed the pipe)."""
    answer = next(steps)
    while True:
        if answer is not None:
            send(("ok", answer))
        try:
            message = receive()
        except EOFError:
            return
        try:
            answer = steps.send(message)
        except StopIteration:
            return


_ENDING: list[Any] = []  # children that sent their last result and are exiting


def reap() -> None:
    """Wait for the children that were left exiting (and count their CPU time in this process's
    ``RUSAGE_CHILDREN``, which the benchmark reports)."""
    while _ENDING:
        _ENDING.pop().join()


def _receive(conn: Any, unpack: Callable[[Any], Any] | None) -> Any:
    status, value = conn.recv()
    if status != "ok":
        raise RuntimeError(f"resolution worker failed: {value}")
    return unpack(value) if unpack else value


def fork_map(
    func: Callable[[Any], Any],
    parts: Sequence[Any],
    pack: Callable[[Any], Any] | None = None,
    unpack: Callable[[Any], Any] | None = None,
) -> list[Any]:
    """``[func(p) for p in parts]``, the first part here and each other one in a forked child.
    ``pack``/``unpack`` turn a child's result into something cheap to send and back."""
    if len(parts) <= 1:
        return [func(p) for p in parts]
    with Kept(func, parts, pack, None) as kept:
        return [func(parts[0]), *kept.receive(unpack)]


def fork_keep(
    func: Callable[[Any], Any],
    parts: Sequence[Any],
    follow: Callable[[Any], Generator[Any, Any, None]],
    pack: Callable[[Any], Any] | None = None,
    unpack: Callable[[Any], Any] | None = None,
) -> tuple[list[Any], Kept | None]:
    """``fork_map``, keeping the children for more work on what they computed, without a new fork
    whose copy-on-write faults would cost again what a child has already paid for: each runs the
    generator ``follow(its result)``, which receives the messages sent (``Kept.send``, ``Kept.ask``)
    at its ``yield``s and yields the answers (None: no answer). Close the ``Kept`` when done."""
    if len(parts) <= 1:
        return [func(p) for p in parts], None
    kept = Kept(func, parts, pack, follow)
    with killed_on_error(kept):
        return [func(parts[0]), *kept.receive(unpack)], kept


@contextlib.contextmanager
def killed_on_error(kept: Helpers | None) -> Iterator[None]:
    """Kill ``kept``'s children if the block raises (they may be waiting for a message that will not
    come); leave them running otherwise."""
    try:
        yield
    except BaseException:
        if kept is not None:
            kept.close(kill=True)
        raise


class Helpers:
    """Helper processes that answer messages (``Kept``: forks; ``remote.Remote``: a new process); a
    context manager that ends them on exit, killing them after an error."""

    children: list[Any]

    def send(self, messages: Sequence[Any]) -> None:
        """One message to each helper."""
        raise NotImplementedError

    def receive(self, unpack: Callable[[Any], Any] | None = None) -> list[Any]:
        """Each helper's next answer, in order; its error raised here."""
        raise NotImplementedError

    def close(self, kill: bool = False) -> None:
        raise NotImplementedError

    def ask(
        self, messages: Sequence[Any], here: Callable[[], Any], unpack: Callable[[Any], Any] | None = None
    ) -> list[Any]:
        """Send each helper its message, compute ``here()`` meanwhile: ``[here(), *the answers]``."""
        self.send(messages)
        return [here(), *self.receive(unpack)]

    def __enter__(self) -> Helpers:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.close(kill=kind is not None)


class Kept(Helpers):
    """Forked children computing ``func(parts[i])`` for i >= 1, then answering messages (``follow``)."""

    def __init__(
        self,
        func: Callable[[Any], Any],
        parts: Sequence[Any],
        pack: Callable[[Any], Any] | None,
        follow: Callable[[Any], Generator[Any, Any, None]] | None,
    ) -> None:
        global _TASK
        ctx = mp.get_context("fork")
        _TASK = (func, parts, pack, follow)
        self.children: list[tuple[Any, Any]] = []
        try:
            for index in range(1, len(parts)):
                here, there = ctx.Pipe(duplex=follow is not None)
                ends = [here, *(end for _, end in self.children)]
                process = ctx.Process(target=_child, args=(there, index, ends), daemon=True)
                process.start()
                there.close()
                self.children.append((process, here))
        except BaseException:
            self.close(kill=True)
            raise
        finally:
            _TASK = None

    def receive(self, unpack: Callable[[Any], Any] | None = None) -> list[Any]:
        """Each child's next result, in order."""
        return [_receive(conn, unpack) for _, conn in self.children]

    def send(self, messages: Sequence[Any]) -> None:
        """One message to each child."""
        for (_, conn), message in zip(self.children, messages, strict=True):
            conn.send(message)

    def close(self, kill: bool = False) -> None:
        """End the children: those waiting for a message see the pipe closed; ``kill`` for the others
        (after an error here). A child that has sent its last result is not waited for: unmapping a
        large copy-on-write address space takes a while (~0.3 s at 1M mentions) and the process is
        reaped by ``reap`` at the end of the run."""
        for process, conn in self.children:
            conn.close()
            if kill and process.is_alive():
                process.kill()
                process.join()
            else:
                _ENDING.append(process)
        self.children = []
