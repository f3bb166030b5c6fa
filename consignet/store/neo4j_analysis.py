"""Link analysis on Neo4j: every read is a query of cypher/analysis/, run in the database.

The walks (neighbourhood, paths) are the shared algorithms of ``walks.py`` driven one Cypher step at a
time inside one read transaction (element ids are only used within it); only the bounded frontier and
the answer reach Python. Raw and named Cypher go through ``cypher_guard.py``; transactions, node
lookups and evidence are in ``neo4j_reads.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from consignet.errors import InputError, NotFoundError, QueryRefused
from consignet.model import load_yaml
from consignet.scope import Viewer
from consignet.store import analysis as an
from consignet.store import analysis_answers as ans
from consignet.store import cypher_guard as guard
from consignet.store import walks
from consignet.store.analysis import Filters
from consignet.store.neo4j_reads import Neo4jReads, _open, _run, _summary

# (from, to) labels of each relationship type of the model ("*" any, "A|B" either)
_REL_ENDS = {t: (str(v.get("from", "*")), str(v.get("to", "*")))
             for t, v in load_yaml("graph.yaml")["relationships"].items() if isinstance(v, dict)}


def _joining_types(types: Sequence[str], side: Sequence[str], other: Sequence[str]) -> list[str]:
    """The relationship types among ``types`` that the model allows between a node of ``side`` and a node of
    ``other`` (labels read from the id prefixes; all of ``types`` when a label is not known)."""
    labels = [{an.primary_label(i) for i in ids} for ids in (side, other)]
    if any(not lab or "" in lab for lab in labels):
        return list(types)

    def fits(end: str, labs: set[str]) -> bool:
        return end == "*" or bool(set(end.split("|")) & labs)

    out = []
    for t in types:
        a, b = _REL_ENDS.get(t, ("*", "*"))
        if (fits(a, labels[0]) and fits(b, labels[1])) or (fits(a, labels[1]) and fits(b, labels[0])):
            out.append(t)
    return out


class Neo4jAnalysis(Neo4jReads, an.AnalysisReads):
    """Mixed into ``Neo4jStore`` (``driver``, ``database``, ``uri``, ``read``); plumbing and evidence in
    ``Neo4jReads``."""

    # -- walks ------------------------------------------------------------------------------------
    def neighbourhood(self, node_id: str, viewer: Viewer, *, hops: int = 2, limit: int = 100,
                      via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
                      labels: Sequence[str] | None = None, filters: Filters = Filters(),
                      common_threshold: int = an.COMMON_THRESHOLD, evidence_limit: int = 3) -> dict[str, Any]:
        via_t, types, labels_t = an.check_walk_args(hops, limit, via, rel_types, labels)
        # scope and filter predicates cost database hits on every neighbour: left out when they are all true
        step, params = (("analysis/expand_nodes_open", {}) if _open(viewer, filters)
                        else ("analysis/expand_nodes", {**viewer.params(), **filters.params()}))

        def work(tx: ManagedTransaction) -> tuple[dict[str, Any], bool, list[dict[str, Any]]]:
            start = self._nodes(tx, [node_id], viewer).get(node_id)
            if start is None or start["label"] in an.HIDDEN_LABELS:
                raise NotFoundError(f"no node with id {node_id!r}")
            eid = {node_id: start["eid"]}

            def expand(frontier: list[str], seen: set[str], max_rows: int) -> list[dict[str, Any]]:
                rows = _run(tx, step, frontier=[eid[i] for i in frontier],
                            seen=[eid[i] for i in seen], rel_types=list(types),
                            labels=list(labels_t) if labels_t else None, limit=max_rows, **params)
                found = [_summary(r) for r in rows]
                eid.update((n["id"], n["eid"]) for n in found)
                return found

            nodes, capped = walks.walk_neighbourhood(start, hops, limit, via_t, common_threshold, expand)
            links = _run(tx, "analysis/links_among", nodes=[eid[i] for i in nodes], rel_types=list(types),
                         **filters.params())[0]["links"]
            return nodes, capped, links

        nodes, capped, links = self._in_read(work)
        graph = self._with_evidence(nodes, links, viewer, filters, evidence_limit)
        return {"center": node_id, "hops": hops, "limit": limit, "capped": capped, "via": list(via_t), **graph}

    def paths(self, source: str, target: str, viewer: Viewer, *, max_length: int = 6, all_paths: bool = False,
              limit: int = 10, via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
              filters: Filters = Filters(), common_threshold: int = an.COMMON_THRESHOLD,
              evidence_limit: int = 3) -> dict[str, Any]:
        via_t, types, _ = an.check_walk_args(max_length=max_length, via=via, rel_types=rel_types)
        if source == target:
            raise InputError("from and to are the same node")
        step, params = (("analysis/expand_pairs_open", {}) if _open(viewer, filters)
                        else ("analysis/expand_pairs", {**viewer.params(), **filters.params()}))
        skip = [lab for lab in an.HUB_LABELS if lab not in via_t]
        threshold = None if "common" in via_t else common_threshold

        def work(tx: ManagedTransaction) -> Any:
            ends = self._nodes(tx, [source, target], viewer)
            for end in (source, target):
                if end not in ends or ends[end]["label"] in an.HIDDEN_LABELS:
                    raise NotFoundError(f"no node with id {end!r}")
            eid = {k: v["eid"] for k, v in ends.items()}
            id_of = {v: k for k, v in eid.items()}

            def expand(frontier: list[str], keep: set[str], seen: set[str]) -> list[tuple[str, str]]:
                row = _run(tx, step, frontier=[eid[i] for i in frontier],
                           keep=[eid[i] for i in keep], seen=[eid[i] for i in seen], rel_types=list(types),
                           skip_labels=skip, common_threshold=threshold, **params,
                           **({"targets": None} if step == "analysis/expand_pairs_open" else {}))[0]
                eid.update(zip(row["neighbours"], row["eids"], strict=True))
                id_of.update(zip(row["eids"], row["neighbours"], strict=True))
                return [(id_of[n], m) for n, m in zip(row["nodes"], row["neighbours"], strict=True)]

            def meet(frontier: list[str], others: list[str], keep: set[str]) -> list[tuple[str, str]]:
                # Walked from the frontier with fewer links (a big actor's mentions or a container's
                # consignments are not listed to find the few the other side has reached); only the link
                # types the model allows between the two frontiers' labels.
                joining = _joining_types(types, frontier, others)
                if not joining:
                    return []
                row = _run(tx, "analysis/expand_pairs_open", frontier=[eid[i] for i in frontier],
                           targets=[eid[i] for i in others], keep=[eid[i] for i in keep], seen=[],
                           rel_types=joining, skip_labels=skip, common_threshold=threshold)[0]
                return [(id_of[n], m) for n, m in zip(row["nodes"], row["neighbours"], strict=True)]

            # the meeting step is written for the unrestricted view without filters (expand_pairs_open)
            found = walks.search_paths(source, target, max_length, expand, limit if all_paths else 1,
                                       meet=meet if _open(viewer, filters) else None)
            on_paths = sorted({n for p in found.paths for n in p})
            nodes = self._nodes(tx, on_paths, viewer) if on_paths else {}
            links = _run(tx, "analysis/links_among", nodes=[eid[i] for i in on_paths], rel_types=list(types),
                         **filters.params())[0]["links"] if on_paths else []
            return found, nodes, links

        found, nodes, links = self._in_read(work)
        return self._paths_answer(source, target, max_length, found, nodes, links, viewer, filters, evidence_limit)

    def _paths_answer(self, source: str, target: str, max_length: int, found: walks.PathSearch,
                      nodes: dict[str, Any], links: list[dict[str, Any]], viewer: Viewer, filters: Filters,
                      evidence_limit: int) -> dict[str, Any]:
        for node in nodes.values():
            node.update(hub=False, common=False)
        graph = self._with_evidence(nodes, links, viewer, filters, evidence_limit) if nodes else {"nodes": [],
                                                                                                 "links": []}
        return ans.paths_answer(source, target, max_length, found, graph)

    # -- actors, identifiers, containers, vessels --------------------------------------------------
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
        return ans.repeat_answer(row["total"], row["items"], cards, min_countries, offset, limit, evidence_limit)

    def actor_profile(self, actor_id: str, viewer: Viewer, *, evidence_limit: int = 3,
                      list_limit: int = 50) -> dict[str, Any]:
        def read(current: str) -> list[dict[str, Any]]:
            limits = {"list_limit": list_limit, "counterparties_limit": list_limit, "evidence_limit": evidence_limit}
            if viewer.unrestricted:  # every record visible: lists from the derived links' aggregates
                return self._q("analysis/actor_profile_fast", id=current, **limits)
            return self._q("analysis/actor_profile", id=current, **limits, **viewer.params(), **Filters().params())

        current, rows = self._actor_rows(actor_id, read)
        row = rows[0]
        evidence = {"total": row["mentions"], "offset": 0, "limit": evidence_limit, "records": row["evidence"]}
        return ans.profile_answer(actor_id, row, evidence)

    def _actor_rows(self, actor_id: str, read: Callable[[str], list[dict[str, Any]]]
                    ) -> tuple[str, list[dict[str, Any]]]:
        """Rows about an actor; an id absorbed by a later resolution run is followed to its actor (the
        aliases are only read when the id itself is not found)."""
        rows = read(actor_id)
        if not rows:
            current = self.resolve_actor_id(actor_id)
            rows = read(current) if current != actor_id else []
            if not rows:
                raise NotFoundError(f"no actor with id {actor_id!r}")
            return current, rows
        return actor_id, rows

    def actor_timeline(self, actor_id: str, viewer: Viewer, *, filters: Filters = Filters(), limit: int = 50,
                       offset: int = 0) -> dict[str, Any]:
        params = {**viewer.params(), **filters.params()}
        current, page = self._actor_rows(actor_id, lambda a: self._q("analysis/actor_record_ids", id=a,
                                                                     offset=offset, limit=limit, **params))
        months = self._q("analysis/actor_months", id=current, **params)
        facts = self._facts([r["record"] for r in page[0]["page"]], viewer)
        return ans.timeline_answer(actor_id, current, months, page[0], facts, offset, limit)

    def _facts(self, records: list[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        if not records:
            return {}
        rows = self._q("analysis/record_facts", records=records, **viewer.params())
        return {r["record"]: ans.make_event(r["props"], r["vessel"], r["ports"], r["containers"], r["parties"],
                                           r["route"]) for r in rows}

    def search(self, q: str, viewer: Viewer, *, limit: int = 20, kind: str | None = None) -> dict[str, Any]:
        plan = ans.search_plan(q)
        rows = self._q("analysis/search_names", prefixes=plan["prefixes"], max_rows=ans.SEARCH_CANDIDATES,
                       **viewer.params()) if plan["prefixes"] else []
        hits = self._q("analysis/search_identifiers", **plan["identifiers"]) if plan["identifiers"] else []
        return ans.search_answer(q, plan, rows, [_summary({**h, "measure": None}) for h in hits], limit, kind)

    def shared_identifiers(self, actor_id: str, viewer: Viewer, *, common_threshold: int = an.COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, evidence_limit: int = 3) -> dict[str, Any]:
        labels_t = ans.check_identifier_labels(labels)
        current = actor_id if actor_id in self.node_summaries([actor_id], viewer) else self.resolve_actor_id(actor_id)
        self.require_node(current, viewer, "Actor")
        rows = self._q("analysis/shared_identifiers", id=current, common_threshold=common_threshold,
                       labels=labels_t, **viewer.params())
        keys = ans.shared_evidence_keys(current, rows, common_threshold)
        evidence = self.evidence(keys, viewer, limit=evidence_limit)
        return ans.shared_answer(actor_id, current, rows, common_threshold, evidence)

    def common_identifiers(self, viewer: Viewer, *, threshold: int = an.COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        labels_t = ans.check_identifier_labels(labels)
        row = self._q("analysis/common_identifiers", threshold=threshold, labels=labels_t, offset=offset,
                      limit=limit)[0]
        return ans.common_answer(row["total"], row["items"], threshold, offset, limit)

    def container_history(self, number: str, viewer: Viewer, *, limit: int = 50, offset: int = 0,
                          window_days: int = 14, min_owners: int = 3) -> dict[str, Any]:
        clean = ans.container_number(number)
        rows = self._q("analysis/container_records", number=clean, **viewer.params())
        if not rows:
            raise NotFoundError(f"no container {clean} in the graph")
        row = rows[0]
        facts = self._facts(row["records"], viewer)
        actors = sorted({p["actor"] for f in facts.values() for p in f["parties"] if p["actor"]})
        shipped = {(r["source"], r["target"]) for r in self._q("analysis/shipped_pairs", ids=actors)}
        return ans.container_answer(clean, row, facts, shipped, offset, limit, window_days, min_owners)

    def container_anomalies(self, viewer: Viewer, *, kinds: Sequence[str] = (), min_owners: int = 3,
                            window_days: int = 14, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        kinds_t = ans.check_anomaly_args(kinds, min_owners, window_days)
        rows = self._q("analysis/container_anomalies", min_owners=min_owners, window_days=window_days,
                       **viewer.params())
        items = [item for r in rows for item in ans.anomaly_items(r["number"], r["id"], r["overlaps"],
                                                                r["unrelated"], r["owners"], min_owners)
                 if not kinds_t or item["kind"] in kinds_t]
        page = items[offset:offset + limit]
        facts = self._facts(sorted({x for item in page for x in item["records"]}), viewer)
        return ans.anomalies_answer(items, page, facts, offset, limit, min_owners, window_days)

    def vessel(self, imo: str, viewer: Viewer, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        clean = ans.imo_number(imo)
        rows = self._q("analysis/vessel", imo=clean, offset=offset, limit=limit, **viewer.params())
        if not rows:
            raise NotFoundError(f"no vessel with IMO {clean} in the graph")
        return ans.vessel_answer(clean, rows[0], self._facts(rows[0]["page"], viewer), offset, limit)

    # -- Cypher for analysts ----------------------------------------------------------------------
    def named_query(self, name: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                    row_cap: int) -> dict[str, Any]:
        query, run_params = guard.named_params(name, params, viewer)
        return guard.run_read(self.driver, self.database, self.uri, query.text, run_params, timeout_s, row_cap,
                              check_plan=False)

    def raw_cypher(self, query: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                   row_cap: int) -> dict[str, Any]:
        if not viewer.unrestricted:
            raise QueryRefused("raw Cypher is open to the unrestricted view only: the sharing scope cannot be "
                               "applied to an arbitrary query; use the named queries")
        if not query or not query.strip():
            raise InputError("query is empty")
        return guard.run_read(self.driver, self.database, self.uri, query, params, timeout_s, row_cap,
                              check_plan=True)


__all__ = ["Neo4jAnalysis"]
