"""Link analysis on Neo4j: every read is a query of cypher/analysis/, run in the database.

The walks (neighbourhood, paths) are the shared algorithms of ``analysis.py`` driven one Cypher step at a
time inside one read transaction (element ids are only used within it); only the bounded frontier and
the answer reach Python. Raw and named Cypher run in read transactions with a timeout and a row cap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from neo4j import READ_ACCESS, Driver, ManagedTransaction, Query
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from consignet import cypher_library as lib
from consignet.errors import InputError, NotFoundError, NotSupported, QueryRefused, StoreUnavailable
from consignet.scope import Viewer
from consignet.store import analysis as an
from consignet.store.analysis import Filters

# Plan operators refused in raw Cypher: file/network access, writes in disguise, administration.
DENIED_OPERATORS = {"LoadCSV", "AdministrationCommand", "TransactionApply", "TransactionForeach",
                    "SystemProcedureCall"}
ALLOWED_SHOW = {"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"}
# Procedures (and functions) that reach files, the network, the configuration or other sessions.
DENIED_PROCEDURES = ("apoc.load.", "apoc.import.", "apoc.export.", "apoc.cypher.", "apoc.periodic.",
                     "apoc.systemdb.", "apoc.log.", "apoc.trigger.", "apoc.custom.", "apoc.static.",
                     "apoc.config.", "apoc.util.", "apoc.mongo", "apoc.es.", "apoc.couchbase.",
                     "apoc.redis.", "apoc.bolt.", "apoc.gephi.", "apoc.generate.", "dbms.", "db.stats.",
                     "db.clearquerycaches", "db.create", "db.resample", "db.prepareforreplanning",
                     "gds.graph.export", "gds.beta.graph.export", "gds.alpha.graph.export")
_CALLED = re.compile(r"([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+)\s*\(")
_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list), "map": lambda v: isinstance(v, dict),
}


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
    """Why a plan is refused, or None: checked on the operators Neo4j planned, not on the query text."""
    for op, details in _plan_ops(plan, []):
        if op in DENIED_OPERATORS or (op.startswith("Show") and op not in ALLOWED_SHOW):
            what = "LOAD CSV" if op == "LoadCSV" else op
            return f"{what} is not allowed in raw Cypher (files, network and administration are closed)"
        for called in _CALLED.findall(details):
            if called.lower().startswith(DENIED_PROCEDURES):
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
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def _run(tx: ManagedTransaction, name: str, **params: Any) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(lib.get(name).text, params)]


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    label = an.primary_label(row["id"], row["labels"])
    return {"id": row["id"], "label": label, "labels": sorted(row["labels"]),
            "name": an.display_name(label, row["props"]), "props": an.public_props(row["props"]),
            "measure": row.get("measure"), "eid": row.get("eid")}


class Neo4jAnalysis(an.AnalysisReads):
    """Mixed into ``Neo4jStore`` (``driver``, ``database``, ``uri``, ``read``)."""

    driver: Driver
    database: str
    uri: str
    read: Callable[..., list[dict[str, Any]]]

    # -- plumbing ---------------------------------------------------------------------------------
    def _in_read(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        try:
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                return session.execute_read(work)
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed during a read: {exc}") from exc

    def _q(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self._in_read(lambda tx: _run(tx, name, **params))

    def _nodes(self, tx: ManagedTransaction, node_ids: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        out = {}
        for row in _run(tx, "analysis/nodes_by_ids", ids=sorted(set(node_ids))):
            node = _summary(row)
            if node["label"] in an.RECORD_LABELS and not viewer.can_see(row["props"]):
                continue
            out[node["id"]] = node
        return out

    def node_summaries(self, node_ids: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        nodes = self._in_read(lambda tx: self._nodes(tx, node_ids, viewer))
        return {k: {x: v[x] for x in ("id", "label", "labels", "name", "props")} for k, v in nodes.items()}

    # -- evidence ---------------------------------------------------------------------------------
    def evidence(self, keys: Sequence[tuple[str, ...]], viewer: Viewer, *, filters: Filters = Filters(),
                 limit: int = 3, offset: int = 0, known: dict[str, dict[str, Any]] | None = None
                 ) -> dict[tuple[str, ...], dict[str, Any]]:
        keys = list(dict.fromkeys(keys))
        params = {**viewer.params(), **filters.params(), "limit": limit, "offset": offset}

        def work(tx: ManagedTransaction) -> dict[tuple[str, ...], dict[str, Any]]:
            wanted = {k[1] for k in keys if k[0] == "node"} | {x for k in keys if k[0] != "node" for x in k[-2:]}
            nodes = dict(known or {})
            missing = [i for i in wanted if i not in nodes or not nodes[i].get("eid")]
            if missing:
                nodes.update(self._nodes(tx, missing, viewer))
            out: dict[tuple[str, ...], dict[str, Any]] = {k: an.empty_evidence(offset, limit) for k in keys}
            batches: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
            for key in keys:
                kind, item = self._evidence_kind(key, nodes)
                if kind == "self":
                    node = nodes[item]
                    out[key] = an.evidence_page([an.evidence_record(node["label"], node["props"])], offset, limit)
                elif kind:
                    batches.setdefault(kind, []).append((key, item))
            for kind, entries in batches.items():
                items = [item for _, item in entries]
                unique = list({repr(i): i for i in items}.values())
                rows = _run(tx, f"analysis/evidence_{kind}", items=unique, **params)
                by_item = {repr(r["item"]): r for r in rows}
                for key, item in entries:
                    row = by_item.get(repr(item))
                    if row:
                        out[key] = {"total": row["total"], "offset": offset, "limit": limit,
                                    "records": row["records"]}
            return out

        return self._in_read(work)

    @staticmethod
    def _evidence_kind(key: tuple[str, ...], nodes: dict[str, dict[str, Any]]) -> tuple[str | None, Any]:
        if key[0] == "node":
            node = nodes.get(key[1])
            if node is None:
                return None, None
            kind = an.NODE_EVIDENCE.get(node["label"])
            mapping = {"actor_mentions": "actor", "identifier_mentions": "identifier", "node_records": "node_records"}
            return ("self", key[1]) if kind == "self" else (mapping.get(kind or ""), node["eid"])
        source, target = key[-2], key[-1]
        src, dst = nodes.get(source), nodes.get(target)
        if src is None or dst is None:
            return None, None
        rel_type = key[1] if key[0] == "link" else "USES"
        pair = {"source": src["eid"], "target": dst["eid"]}
        if rel_type == "SHIPPED_TO":
            return "shipped_to", pair
        if rel_type in ("USES_IDENTIFIER", "USED_CONTAINER", "USES"):
            return ("uses_identifier" if dst["label"] in ("TaxId", "Phone", "Email", "Address")
                    else "used_container"), pair
        for end in (src, dst):  # record-level links: the record (or the mention) at one end
            if end["label"] in ("Consignment", "Seizure", "Mention") and rel_type not in ("IN_COUNTRY", "FLAGS"):
                record = src if src["label"] in ("Consignment", "Seizure", "Mention") else dst
                return "self", record["id"]
        return None, None

    # -- walks ------------------------------------------------------------------------------------
    def neighbourhood(self, node_id: str, viewer: Viewer, *, hops: int = 2, limit: int = 200,
                      via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
                      labels: Sequence[str] | None = None, filters: Filters = Filters(),
                      common_threshold: int = an.COMMON_THRESHOLD, evidence_limit: int = 3) -> dict[str, Any]:
        via_t, types, labels_t = an.check_walk_args(hops, limit, via, rel_types, labels)
        params = {**viewer.params(), **filters.params()}

        def work(tx: ManagedTransaction) -> tuple[dict[str, Any], bool, list[dict[str, Any]]]:
            start = self._nodes(tx, [node_id], viewer).get(node_id)
            if start is None or start["label"] in an.HIDDEN_LABELS:
                raise NotFoundError(f"no node with id {node_id!r}")
            eid = {node_id: start["eid"]}

            def expand(frontier: list[str], seen: set[str], max_rows: int) -> list[dict[str, Any]]:
                rows = _run(tx, "analysis/expand_nodes", frontier=[eid[i] for i in frontier],
                            seen=[eid[i] for i in seen], rel_types=list(types),
                            labels=list(labels_t) if labels_t else None, limit=max_rows, **params)
                found = [_summary(r) for r in rows]
                eid.update((n["id"], n["eid"]) for n in found)
                return found

            nodes, capped = an.walk_neighbourhood(start, hops, limit, via_t, common_threshold, expand)
            links = _run(tx, "analysis/links_among", nodes=[eid[i] for i in nodes], rel_types=list(types),
                         **filters.params())
            return nodes, capped, links

        nodes, capped, links = self._in_read(work)
        graph = self._with_evidence(nodes, links, viewer, filters, evidence_limit)
        return {"center": node_id, "hops": hops, "limit": limit, "capped": capped, "via": list(via_t), **graph}

    def _with_evidence(self, nodes: dict[str, dict[str, Any]], links: list[dict[str, Any]], viewer: Viewer,
                       filters: Filters, evidence_limit: int) -> dict[str, Any]:
        full = [an.node_evidence_key(i) for i, n in nodes.items() if not (n.get("hub") or n.get("common"))]
        light = [an.node_evidence_key(i) for i, n in nodes.items() if n.get("hub") or n.get("common")]
        link_keys = [an.link_evidence_key(li["type"], li["source"], li["target"]) for li in links]
        evidence = self.evidence(full + link_keys, viewer, filters=filters, limit=evidence_limit, known=nodes)
        evidence.update(self.evidence(light, viewer, filters=filters, limit=0, known=nodes))
        return an.graph_answer(nodes, links, evidence)

    def paths(self, source: str, target: str, viewer: Viewer, *, max_length: int = 6, all_paths: bool = False,
              limit: int = 10, via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
              filters: Filters = Filters(), common_threshold: int = an.COMMON_THRESHOLD,
              evidence_limit: int = 3) -> dict[str, Any]:
        via_t, types, _ = an.check_walk_args(max_length=max_length, via=via, rel_types=rel_types)
        if source == target:
            raise InputError("from and to are the same node")
        params = {**viewer.params(), **filters.params()}
        skip = [lab for lab in an.HUB_LABELS if lab not in via_t]
        threshold = None if "common" in via_t else common_threshold

        def work(tx: ManagedTransaction) -> Any:
            ends = self._nodes(tx, [source, target], viewer)
            for end in (source, target):
                if end not in ends or ends[end]["label"] in an.HIDDEN_LABELS:
                    raise NotFoundError(f"no node with id {end!r}")
            eid = {k: v["eid"] for k, v in ends.items()}

            def expand(frontier: list[str], keep: set[str]) -> list[tuple[str, str]]:
                rows = _run(tx, "analysis/expand_pairs", frontier=[eid[i] for i in frontier],
                            keep=[eid[i] for i in keep], rel_types=list(types), skip_labels=skip,
                            common_threshold=threshold, **params)
                eid.update((r["neighbour"], r["eid"]) for r in rows)
                return [(r["node"], r["neighbour"]) for r in rows]

            found = an.search_paths(source, target, max_length, expand, limit if all_paths else 1)
            on_paths = sorted({n for p in found.paths for n in p})
            nodes = self._nodes(tx, on_paths, viewer) if on_paths else {}
            links = _run(tx, "analysis/links_among", nodes=[eid[i] for i in on_paths], rel_types=list(types),
                         **filters.params()) if on_paths else []
            return found, nodes, links

        found, nodes, links = self._in_read(work)
        return self._paths_answer(source, target, max_length, found, nodes, links, viewer, filters, evidence_limit)

    def _paths_answer(self, source: str, target: str, max_length: int, found: an.PathSearch,
                      nodes: dict[str, Any], links: list[dict[str, Any]], viewer: Viewer, filters: Filters,
                      evidence_limit: int) -> dict[str, Any]:
        for node in nodes.values():
            node.update(hub=False, common=False)
        graph = self._with_evidence(nodes, links, viewer, filters, evidence_limit) if nodes else {"nodes": [],
                                                                                                 "links": []}
        return an.paths_answer(source, target, max_length, found, graph)

    # -- remaining reads live in neo4j_reads.py-like helpers below ---------------------------------
    def repeat_actors(self, viewer: Viewer, *, min_countries: int = 2, filters: Filters = Filters(),
                      limit: int = 50, offset: int = 0, evidence_limit: int = 3,
                      counterparties: int = 5) -> dict[str, Any]:
        if min_countries < 1:
            raise InputError(f"min_countries must be at least 1, got {min_countries}")
        base = {"min_countries": min_countries, "offset": offset, "limit": limit}
        if viewer.unrestricted and filters.empty:
            row = self._q("analysis/repeat_actors_fast", **base)[0]
        else:
            row = self._q("analysis/repeat_actors", **base, **viewer.params(), **filters.params())[0]
        cards = {c["id"]: c for c in self._q(
            "analysis/actor_cards", ids=[i["id"] for i in row["items"]], names_limit=10,
            evidence_limit=evidence_limit, counterparties_limit=counterparties, **viewer.params(),
            **filters.params())}
        return an.repeat_answer(row["total"], row["items"], cards, min_countries, offset, limit, evidence_limit)

    def actor_profile(self, actor_id: str, viewer: Viewer, *, evidence_limit: int = 3,
                      list_limit: int = 50) -> dict[str, Any]:
        current = self.resolve_actor_id(actor_id)
        rows = self._q("analysis/actor_profile", id=current, list_limit=list_limit, counterparties_limit=list_limit,
                       **viewer.params(), **Filters().params())
        if not rows:
            raise NotFoundError(f"no actor with id {actor_id!r}")
        evidence = self.evidence([an.node_evidence_key(current)], viewer, limit=evidence_limit)
        return an.profile_answer(actor_id, rows[0], evidence[an.node_evidence_key(current)])

    def actor_timeline(self, actor_id: str, viewer: Viewer, *, filters: Filters = Filters(), limit: int = 50,
                       offset: int = 0) -> dict[str, Any]:
        current = self.resolve_actor_id(actor_id)
        params = {**viewer.params(), **filters.params()}
        page = self._q("analysis/actor_record_ids", id=current, offset=offset, limit=limit, **params)
        if not page:
            raise NotFoundError(f"no actor with id {actor_id!r}")
        months = self._q("analysis/actor_months", id=current, **params)
        facts = self._facts([r["record"] for r in page[0]["page"]], viewer)
        return an.timeline_answer(actor_id, current, months, page[0], facts, offset, limit)

    def _facts(self, records: list[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        if not records:
            return {}
        rows = self._q("analysis/record_facts", records=records, **viewer.params())
        return {r["record"]: an.make_event(r["props"], r["vessel"], r["ports"], r["containers"], r["parties"],
                                           r["route"]) for r in rows}

    def search(self, q: str, viewer: Viewer, *, limit: int = 20, kind: str | None = None) -> dict[str, Any]:
        plan = an.search_plan(q)
        rows = self._q("analysis/search_names", prefixes=plan["prefixes"], max_rows=an.SEARCH_CANDIDATES,
                       **viewer.params()) if plan["prefixes"] else []
        hits = self._q("analysis/search_identifiers", **plan["identifiers"]) if plan["identifiers"] else []
        return an.search_answer(q, plan, rows, [_summary({**h, "measure": None}) for h in hits], limit, kind)

    def shared_identifiers(self, actor_id: str, viewer: Viewer, *, common_threshold: int = an.COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, evidence_limit: int = 3) -> dict[str, Any]:
        current = self.resolve_actor_id(actor_id)
        self.require_node(current, viewer, "Actor")
        labels_t = an.check_identifier_labels(labels)
        rows = self._q("analysis/shared_identifiers", id=current, common_threshold=common_threshold,
                       labels=labels_t, **viewer.params())
        keys = an.shared_evidence_keys(current, rows, common_threshold)
        evidence = self.evidence(keys, viewer, limit=evidence_limit)
        return an.shared_answer(actor_id, current, rows, common_threshold, evidence)

    def common_identifiers(self, viewer: Viewer, *, threshold: int = an.COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        labels_t = an.check_identifier_labels(labels)
        row = self._q("analysis/common_identifiers", threshold=threshold, labels=labels_t, offset=offset,
                      limit=limit)[0]
        return an.common_answer(row["total"], row["items"], threshold, offset, limit)

    def container_history(self, number: str, viewer: Viewer, *, limit: int = 50, offset: int = 0,
                          window_days: int = 14, min_owners: int = 3) -> dict[str, Any]:
        clean = an.container_number(number)
        rows = self._q("analysis/container_records", number=clean, **viewer.params())
        if not rows:
            raise NotFoundError(f"no container {clean} in the graph")
        row = rows[0]
        facts = self._facts(row["records"], viewer)
        actors = sorted({p["actor"] for f in facts.values() for p in f["parties"] if p["actor"]})
        shipped = {(r["source"], r["target"]) for r in self._q("analysis/shipped_pairs", ids=actors)}
        return an.container_answer(clean, row, facts, shipped, offset, limit, window_days, min_owners)

    def container_anomalies(self, viewer: Viewer, *, kinds: Sequence[str] = (), min_owners: int = 3,
                            window_days: int = 14, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        kinds_t = an.check_anomaly_args(kinds, min_owners, window_days)
        rows = self._q("analysis/container_anomalies", min_owners=min_owners, window_days=window_days,
                       **viewer.params())
        items = [item for r in rows for item in an.anomaly_items(r["number"], r["id"], r["overlaps"],
                                                                r["unrelated"], r["owners"], min_owners)
                 if not kinds_t or item["kind"] in kinds_t]
        page = items[offset:offset + limit]
        facts = self._facts(sorted({x for item in page for x in item["records"]}), viewer)
        return an.anomalies_answer(items, page, facts, offset, limit, min_owners, window_days)

    def vessel(self, imo: str, viewer: Viewer, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        clean = an.imo_number(imo)
        rows = self._q("analysis/vessel", imo=clean, offset=offset, limit=limit, **viewer.params())
        if not rows:
            raise NotFoundError(f"no vessel with IMO {clean} in the graph")
        return an.vessel_answer(clean, rows[0], self._facts(rows[0]["page"], viewer), offset, limit)

    # -- Cypher for analysts ----------------------------------------------------------------------
    def named_query(self, name: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                    row_cap: int) -> dict[str, Any]:
        query = lib.get(name)
        if query.mode != "read":
            raise QueryRefused(f"{name} is a {query.mode} query; only read queries run over the API")
        declared = {p.name: p for p in query.params}
        scoped = {"viewer_country", "viewer_groups"}
        given = set(params)
        if given & scoped:
            raise InputError("viewer_country and viewer_groups come from the viewer, not from parameters")
        unknown = sorted(given - set(declared))
        if unknown:
            raise InputError(f"{name}: unknown parameters {unknown}; it takes {sorted(set(declared) - scoped)}")
        missing = sorted(set(declared) - given - scoped)
        if missing:
            examples = {m: declared[m].example for m in missing}
            raise InputError(f"{name}: missing parameters {missing} (examples: {examples})")
        for pname, value in params.items():
            _check_type(name, declared[pname].name, declared[pname].type, value)
        run_params = {**params, **(viewer.params() if scoped & set(declared) else {})}
        return self._guarded(query.text, run_params, timeout_s, row_cap, check_plan=False)

    def raw_cypher(self, query: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                   row_cap: int) -> dict[str, Any]:
        if not viewer.unrestricted:
            raise QueryRefused("raw Cypher is open to the unrestricted view only: the sharing scope cannot be "
                               "applied to an arbitrary query; use the named queries")
        if not query or not query.strip():
            raise InputError("query is empty")
        return self._guarded(query, params, timeout_s, row_cap, check_plan=True)

    def _guarded(self, text: str, params: dict[str, Any], timeout_s: float, row_cap: int,
                 check_plan: bool) -> dict[str, Any]:
        try:
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS,
                                     fetch_size=min(row_cap + 1, 1000)) as session:
                if check_plan:
                    plan = session.run(Query("EXPLAIN " + text, timeout=timeout_s), params).consume().plan
                    why = refusal(plan) if plan else None
                    if why:
                        raise QueryRefused(why)
                # A read transaction: Neo4j itself refuses any write (Statement.AccessMode).
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
        except ClientError as exc:
            raise _client_error(exc, timeout_s) from exc
        except (ServiceUnavailable, DriverError) as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} failed: {exc}") from exc
        except Neo4jError as exc:
            if "TransactionTimedOut" in str(exc.code) or "Terminated" in str(exc.code):
                raise QueryRefused(f"the query ran longer than the {timeout_s:g} s limit and was stopped") from exc
            raise InputError(f"Cypher failed: {exc.message}") from exc
        return {"columns": columns, "rows": rows, "row_count": len(rows), "truncated": truncated,
                "row_cap": row_cap, "timeout_s": timeout_s}


def _client_error(exc: ClientError, timeout_s: float) -> Exception:
    code = str(exc.code or "")
    if code.endswith("AccessMode") or "ForbiddenDueToTransactionType" in code or "WriteOnReadOnly" in code:
        return QueryRefused(f"writes are refused: raw Cypher runs in a read transaction ({exc.message})")
    if "TransactionTimedOut" in code or "Terminated" in code:
        return QueryRefused(f"the query ran longer than the {timeout_s:g} s limit and was stopped")
    if "ExternalResourceFailed" in code:
        return QueryRefused(f"reading files or URLs is refused ({exc.message})")
    return InputError(f"Cypher error ({code.rsplit('.', 1)[-1]}): {exc.message}")


def _check_type(query: str, name: str, declared: str, value: Any) -> None:
    """Parameters are checked against the header types (``integer``, ``string or null``, ``list of ...``)."""
    text = declared.lower()
    if value is None:
        if "null" in text:
            return
        raise InputError(f"{query}: parameter {name} ({declared}) may not be null")
    for word, check in _TYPE_CHECKS.items():
        if text.startswith(word) or text.startswith(f"{word}s"):
            if not check(value):
                raise InputError(f"{query}: parameter {name} must be {declared}, got {type(value).__name__}")
            return


__all__ = ["Neo4jAnalysis", "NotSupported", "refusal", "to_json"]
