"""A helper in a new Python process: it never maps this process's memory, so nothing is held twice.

A forked helper shares every page of this process until one of the two writes it, and CPython writes
an object's reference count whenever it reads it: at 1M mentions a helper forked after the atoms held
~2 GB of pages twice by the end of the run (both processes together 4.6-4.9 GB, one process alone
2.9 GB), even when it read no atom -- the parsed names it compares lie scattered among them. A new
interpreter (``serve``, started when the run starts so that its imports overlap the parsing) holds
only what it is sent: parsed names, arrays of numbers, pairs, links.

It runs a generator as a helper kept by ``parallel.fork_keep`` does (both are ``parallel.Helpers``,
driven by ``parallel.run_steps``): each message it receives is sent into the generator at its
``yield``, and what it yields (but None) comes back. A thread receives the messages as they arrive,
so that this process never waits for the helper to be ready for one.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from .parallel import _ENDING, Helpers, run_steps

# What the helper's interpreter runs (not ``-m``: this module is imported with its package first).
# The directory that holds this ``consignet`` goes first on its path unless it is there already: a
# checkout that a script put on its own path (``bench/resolution_dump.py`` of an old commit) is the
# one imported there too, while an installed package is found as here (site-packages must not come
# before the standard library).
_MAIN = (
    "import sys; root = sys.argv[1]; root in sys.path or sys.path.insert(0, root); "
    "from consignet.resolution.remote import serve; serve(int(sys.argv[2]), int(sys.argv[3]))"
)
_ROOT = str(Path(__file__).resolve().parents[2])


class Remote(Helpers):
    """A helper process running ``func(*args)``, a generator (see the module doc)."""

    def __init__(self, func: Callable[..., Generator[Any, Any, None]], *args: Any) -> None:
        to_child, from_here = os.pipe()
        to_here, from_child = os.pipe()
        # -P: not the current directory first on its path (another ``consignet`` there would be imported)
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", _MAIN, _ROOT, str(to_child), str(from_child)],
            pass_fds=(to_child, from_child),
            stdin=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self.out: BinaryIO = os.fdopen(from_here, "wb")
        self.inbox: BinaryIO = os.fdopen(to_here, "rb")
        self.children = [self.process]
        self._put((func, args))

    def _put(self, message: Any) -> None:
        try:
            pickle.dump(message, self.out, protocol=pickle.HIGHEST_PROTOCOL)
            self.out.flush()
        except BrokenPipeError:
            self._failed()

    def send(self, messages: Sequence[Any]) -> None:
        """One message (one per helper: there is one)."""
        (message,) = messages
        self._put(message)

    def receive(self, unpack: Callable[[Any], Any] | None = None) -> list[Any]:
        try:
            status, value = pickle.load(self.inbox)
        except (EOFError, pickle.UnpicklingError):  # gone, or died while answering
            self._failed()
        if status != "ok":
            raise RuntimeError(f"resolution helper failed: {value}")
        return [unpack(value) if unpack else value]

    def _failed(self) -> NoReturn:
        """The helper has gone: raise the error it reported, if any, or how it ended."""
        why = None
        with contextlib.suppress(Exception):  # answers it sent before, up to a last one cut short
            while True:
                status, value = pickle.load(self.inbox)
                if status != "ok":
                    why = value
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        raise RuntimeError(f"resolution helper failed: {why or f'exited with code {code}'}")

    def close(self, kill: bool = False) -> None:
        """Close the pipes (a helper waiting for a message then ends); ``kill`` it after an error here.
        It is waited for at the end of the run (``parallel.reap``)."""
        if not self.children:
            return
        self.children = []
        with contextlib.suppress(OSError):
            self.out.close()
        self.inbox.close()
        if kill:
            self.process.kill()
        _ENDING.append(self)

    def join(self) -> None:
        self.process.wait()


def serve(inbox_fd: int, out_fd: int) -> None:
    """The helper's side: run the generator it is sent first, feeding it every later message."""
    gc.disable()  # as in the run it helps (``engine.resolve``): millions of objects that live to its end
    inbox, out = os.fdopen(inbox_fd, "rb"), os.fdopen(out_fd, "wb")
    messages: queue.Queue[Any] = queue.Queue()

    def receive() -> None:
        try:
            while True:
                messages.put(pickle.load(inbox))
        except EOFError:  # the pipe closed: the end
            messages.put(EOFError)
        except BaseException as exc:  # a message cut short (the run died while sending it): raised by ``get``
            messages.put(exc)

    def put(answer: Any) -> None:
        pickle.dump(answer, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    def get() -> Any:
        message = messages.get()
        if message is EOFError:
            raise EOFError
        if isinstance(message, BaseException):
            raise message
        return message

    threading.Thread(target=receive, daemon=True).start()
    try:
        func, args = get()
        run_steps(func(*args), put, get)
    except BaseException as exc:  # reported to the parent, which raises
        with contextlib.suppress(OSError):
            pickle.dump(("error", f"{type(exc).__name__}: {exc}"), out)
            out.flush()
        raise

