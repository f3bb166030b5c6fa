"""Analysts' Cypher on Neo4j: named queries of the library and read-only raw Cypher.

Both run in a read transaction (Neo4j itself refuses a write: ``Statement.AccessMode``), with a time limit
and a row cap. Raw Cypher is first EXPLAINed and refused on the operators Neo4j planned (``LoadCSV``,
administration) and on the procedures and functions it calls (files, network, server), never on the
query text, which comments and spelling can disguise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from consignet import cypher_library as lib
from consignet.errors import ConsignetError, InputError, QueryRefused, StoreUnavailable
from consignet.scope import Viewer

# Plan operators refused: file/URL reading, administration, transactions of their own.
DENIED_OPERATORS = {"LoadCSV", "AdministrationCommand", "TransactionApply", "TransactionForeach",
                    "SystemProcedureCall"}
ALLOWED_SHOW = {"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"}
# Procedures and functions that reach files, the network, the configuration or other sessions (lower case).
DENIED_CALLS = ("apoc.load.", "apoc.import.", "apoc.export.", "apoc.cypher.", "apoc.periodic.", "apoc.systemdb.",
                "apoc.log.", "apoc.trigger.", "apoc.custom.", "apoc.static.", "apoc.config.", "apoc.util.",
                "apoc.mongo", "apoc.es.", "apoc.couchbase.", "apoc.redis.", "apoc.bolt.", "apoc.gephi.",
                "apoc.generate.", "dbms.", "db.stats.", "db.clearquerycaches", "db.create", "db.resample",
                "db.prepareforreplanning", "gds.graph.export", "gds.beta.graph.export", "gds.alpha.graph.export")
_CALLED = re.compile(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*\(")
_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list), "map": lambda v: isinstance(v, dict),
}
SCOPE_PARAMS = {"viewer_country", "viewer_groups"}


def _plan_ops(plan: Any, out: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if isinstance(plan, dict):
        op, args, children = plan.get("operatorType", ""), plan.get("args") or {}, plan.get("children") or []
    else:
        op, args, children = plan.operator_type, plan.arguments or {}, plan.children or []
    out.append((str(op).split("@", 1)[0], str(args.get("Details", ""))))
    for child in children:
        _plan_ops(child, out)
    return out


def refusal(plan: Any) -> str | None:
    """Why a plan is refused, or None."""
    for op, details in _plan_ops(plan, []):
        if op in DENIED_OPERATORS or (op.startswith("Show") and op not in ALLOWED_SHOW):
            what = "LOAD CSV" if op == "LoadCSV" else op
            return f"{what} is not allowed in raw Cypher (files, network and administration are closed)"
        for called in _CALLED.findall(details):
            if called.lower().startswith(DENIED_CALLS):
                return f"{called} is not allowed in raw Cypher (it reaches files, the network or the server)"
    return None


def to_json(value: Any) -> Any:
    """Driver values as JSON: nodes, relationships and paths as objects, temporal values as ISO text."""
    if isinstance(value, Node):
        return {"type": "node", "id": value.get("id"), "element_id": value.element_id,
                "labels": sorted(value.labels), "props": {k: to_json(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": "relationship", "rel_type": value.type, "element_id": value.element_id,
                "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None,
                "props": {k: to_json(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"type": "path", "nodes": [to_json(n) for n in value.nodes],
                "relationships": [to_json(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):  # dates, times, durations (a Duration is also a tuple)
        return value.iso_format()
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def named_params(name: str, params: dict[str, Any], viewer: Viewer) -> tuple[lib.Query, dict[str, Any]]:
    """The library query and its parameters, checked against its header; the scope comes from the viewer."""
    query = lib.get(name)
    if query.mode != "read":
        raise QueryRefused(f"{name} is a {query.mode} query; only read queries run over the API")
    declared = {p.name: p for p in query.params}
    given = set(params)
    if given & SCOPE_PARAMS:
        raise InputError("viewer_country and viewer_groups come from the viewer, not from parameters")
    unknown = sorted(given - set(declared))
    if unknown:
        raise InputError(f"{name}: unknown parameters {unknown}; it takes {sorted(set(declared) - SCOPE_PARAMS)}")
    missing = sorted(set(declared) - given - SCOPE_PARAMS)
    if missing:
        examples = {m: declared[m].example for m in missing}
        raise InputError(f"{name}: missing parameters {missing} (examples: {examples})")
    for pname, value in params.items():
        _check_type(name, pname, declared[pname].type, value)
    return query, {**params, **(viewer.params() if SCOPE_PARAMS & set(declared) else {})}


def _check_type(query: str, name: str, declared: str, value: Any) -> None:
    """Parameters are checked against the header types (``integer``, ``string or null``, ``list of ...``)."""
    text = declared.lower()
    if value is None:
        if "null" in text:
            return
        raise InputError(f"{query}: parameter {name} ({declared}) may not be null")
    for word, check in _TYPE_CHECKS.items():
        if text.startswith(word):
            if not check(value):
                raise InputError(f"{query}: parameter {name} must be {declared}, got {type(value).__name__}")
            return


def run_read(driver: Driver, database: str, uri: str, text: str, params: dict[str, Any], timeout_s: float,
             row_cap: int, check_plan: bool) -> dict[str, Any]:
    """Run ``text`` in a read transaction with a time limit; at most ``row_cap`` rows are read."""
    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS,
                            fetch_size=min(row_cap + 1, 1000)) as session:
            if check_plan:
                plan = session.run(Query("EXPLAIN " + text, timeout=timeout_s), params).consume().plan
                why = refusal(plan) if plan else None
                if why:
                    raise QueryRefused(why)
            with session.begin_transaction(timeout=timeout_s) as tx:
                result = tx.run(text, params)
                columns = list(result.keys())
                rows, truncated = [], False
                for record in result:
                    if len(rows) >= row_cap:
                        truncated = True
                        break
                    rows.append([to_json(v) for v in record.values()])
                tx.rollback()
    except ConsignetError:
        raise
    except ClientError as exc:
        raise _client_error(exc, timeout_s) from exc
    except (ServiceUnavailable, DriverError) as exc:
        raise StoreUnavailable(f"Neo4j at {uri} failed: {exc}") from exc
    except Neo4jError as exc:
        if "TransactionTimedOut" in str(exc.code) or "Terminated" in str(exc.code):
            raise QueryRefused(f"the query ran longer than the {timeout_s:g} s limit and was stopped") from exc
        raise InputError(f"Cypher failed: {exc.message}") from exc
    return {"columns": columns, "rows": rows, "row_count": len(rows), "truncated": truncated,
            "row_cap": row_cap, "timeout_s": timeout_s}


def _client_error(exc: ClientError, timeout_s: float) -> ConsignetError:
    code = str(exc.code or "")
    if code.endswith("AccessMode") or "ForbiddenDueToTransactionType" in code or "WriteOnReadOnly" in code:
        return QueryRefused(f"writes are refused: raw Cypher runs in a read transaction ({exc.message})")
    if "TransactionTimedOut" in code or "Terminated" in code:
        return QueryRefused(f"the query ran longer than the {timeout_s:g} s limit and was stopped")
    if "ExternalResourceFailed" in code:
        return QueryRefused(f"reading files or URLs is refused ({exc.message})")
    return InputError(f"Cypher error ({code.rsplit('.', 1)[-1]}): {_without_explain(exc.message or '')}")


def _without_explain(message: str) -> str:
    """Errors found while planning point into ``EXPLAIN <query>``: point into the query as sent."""
    shift = len("EXPLAIN ")

    def fix(match: re.Match[str]) -> str:
        line, col, off = int(match[1]), int(match[2]), int(match[3])
        return f"line {line}, column {col - shift if line == 1 else col} (offset: {off - shift})"

    message = re.sub(r"line (\d+), column (\d+) \(offset: (\d+)\)", fix, message)
    return message.replace('"EXPLAIN ', '"').replace("\n" + " " * shift, "\n", 1)
