"""One exception hierarchy; the CLI maps ``status`` to exit codes, the API to HTTP errors."""

from __future__ import annotations


class ConsignetError(Exception):
    """Base error: ``detail`` is the message for the user, ``status`` the HTTP status it maps to."""

    status = 500
    exit_code = 1

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InputError(ConsignetError):
    """A file or argument the user gave cannot be used (unreadable file, missing column, bad value)."""

    status = 422
    exit_code = 2


class NotFoundError(ConsignetError):
    status = 404
    exit_code = 2


class StoreUnavailable(ConsignetError):
    """The configured store cannot be reached (Neo4j down, data file locked)."""

    status = 503
    exit_code = 1


class NotSupported(ConsignetError):
    """The operation needs another backend (e.g. raw Cypher on the embedded store)."""

    status = 501
    exit_code = 2


class QueryRefused(ConsignetError):
    """A raw Cypher query was refused (write, file or network access)."""

    status = 403
    exit_code = 2
