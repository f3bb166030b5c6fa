"""Link analysis on the embedded store: the same answers as cypher/analysis/, computed over networkx.

Each method builds the rows the matching Cypher returns (same grouping, same order) and hands them to
the shapers of ``analysis_answers``; the walks are the shared algorithms of ``analysis``.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import networkx as nx

from consignet import ids
from consignet.errors import InputError, NotFoundError, NotSupported
from consignet.scope import Viewer
from consignet.store import analysis as an
from consignet.store import analysis_answers as ans
from consignet.store import walks
from consignet.store.analysis import RECEIVER_ROLES, SENDER_ROLES, Filters

_CYPHER_NEEDS_NEO4J = ("Cypher needs the Neo4j store; this server runs on the embedded store. Start it with "
                       "--store neo4j (or CONSIGNET_STORE=neo4j) to run named queries and raw Cypher")
_PORT_RELS = ("LOADED_AT", "DISCHARGED_AT", "DELIVERED_AT", "TRANSSHIPPED_AT")


def _span(dates: Sequence[str | None]) -> tuple[str | None, str | None]:
    known = [d for d in dates if d is not None]
    return (min(known), max(known)) if known else (None, None)


class EmbeddedAnalysis(an.AnalysisReads):
    """Mixed into ``EmbeddedStore`` (``g``, ``by_label``, ``_sync``)."""

    g: nx.MultiDiGraph
    by_label: dict[str, set[str]]
    _sync: Callable[[], None]  # EmbeddedStore's: picks up what another process committed

    @contextmanager
    def _reading(self) -> Iterator[None]:
        # One reader at a time: the API serves requests from a thread pool, and _sync may swap the graph.
        lock = self.__dict__.setdefault("_analysis_lock", threading.RLock())
        with lock:
            self._sync()
            yield

    # -- graph helpers ----------------------------------------------------------------------------
    def _p(self, nid: str) -> dict[str, Any]:
        return self.g.nodes[nid]["p"]

    def _label(self, nid: str) -> str:
        return an.primary_label(nid, self.g.nodes[nid]["labels"])

    def _out(self, nid: str, *types: str) -> list[str]:
        return [t for _, t, k in self.g.out_edges(nid, keys=True) if k in types]

    def _in(self, nid: str, *types: str) -> list[str]:
        return [s for s, _, k in self.g.in_edges(nid, keys=True) if k in types]

    def _edges(self, nid: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(start, end, type, props) of every link at ``nid``, both directions."""
        for s, t, k, d in self.g.out_edges(nid, keys=True, data=True):
            yield s, t, k, d["p"]
        for s, t, k, d in self.g.in_edges(nid, keys=True, data=True):
            yield s, t, k, d["p"]

    def _actor_of(self, mention: str) -> str | None:
        return next(iter(self._out(mention, "RESOLVES_TO")), None)

    def _record_of(self, mention: str) -> str | None:
        return next(iter(self._in(mention, "HAS_PARTY")), None)

    def _measure(self, nid: str, label: str) -> int | None:
        spec = an.COMMON_MEASURE.get(label)
        return len(self._in(nid, spec[0])) if spec else None

    def _info(self, nid: str) -> dict[str, Any]:
        data = self.g.nodes[nid]
        label = an.primary_label(nid, data["labels"])
        rels = an.WEIGHT_RELS.get(label)
        return {"id": nid, "label": label, "labels": sorted(data["labels"]),
                "name": an.display_name(label, data["p"]), "props": an.public_props(data["p"]),
                "measure": self._measure(nid, label), "weight": len(self._in(nid, *rels)) if rels else None}

    def _hs_of(self, nid: str, label: str) -> str | None:
        props = self._p(nid)
        if label == "Mention":
            record = self._record_of(nid)
            return self._p(record).get("hs6") if record else None
        return props.get("hs6") if props.get("hs6") is not None else props.get("hs_code")

    def _actor_visible(self, nid: str, viewer: Viewer) -> bool:
        """An actor is seen through at least one visible mention (the Cypher ``actor_vis``)."""
        return viewer.unrestricted or any(viewer.can_see(self._p(m)) for m in self._in(nid, "RESOLVES_TO"))

    def _visible(self, nid: str, viewer: Viewer) -> bool:
        label = self._label(nid)
        if label in an.RECORD_LABELS:
            return viewer.can_see(self._p(nid))
        return label != "Actor" or self._actor_visible(nid, viewer)

    def _record_ok(self, nid: str, viewer: Viewer, filters: Filters) -> bool:
        """Non-record nodes pass (actors if seen through a visible mention); records must be visible and
        pass the filters (the Cypher ``recvis``)."""
        label = self._label(nid)
        if label == "Actor":
            return self._actor_visible(nid, viewer)
        if label not in an.RECORD_LABELS:
            return True
        props = self._p(nid)
        if not viewer.can_see(props):
            return False
        return label == "ConsignmentVersion" or filters.record_ok(props, self._hs_of(nid, label))

    def _mentions(self, actor: str, viewer: Viewer, filters: Filters = Filters()) -> list[str]:
        return [m for m in self._in(actor, "RESOLVES_TO") if self._record_ok(m, viewer, filters)]

    def _records_ok(self, nid: str, viewer: Viewer, filters: Filters) -> bool:
        props = self._p(nid)
        return viewer.can_see(props) and filters.record_ok(props, props.get("hs6"))

    def _hidden(self, nid: str) -> bool:
        return self._label(nid) in an.HIDDEN_LABELS

    # -- nodes and evidence -----------------------------------------------------------------------
    def node_summaries(self, node_ids: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        with self._reading():
            out = {}
            for nid in node_ids:
                if nid in self.g and not self._hidden(nid) and self._visible(nid, viewer):
                    info = self._info(nid)
                    out[nid] = {k: info[k] for k in ("id", "label", "labels", "name", "props")}
            return out

    def evidence(self, keys: Sequence[tuple[str, ...]], viewer: Viewer, *, filters: Filters = Filters(),
                 limit: int = 3, offset: int = 0, known: dict[str, dict[str, Any]] | None = None
                 ) -> dict[tuple[str, ...], dict[str, Any]]:
        with self._reading():
            return {key: self._evidence_one(key, viewer, filters, limit, offset) for key in dict.fromkeys(keys)}

    def _evidence_one(self, key: tuple[str, ...], viewer: Viewer, filters: Filters, limit: int,
                      offset: int) -> dict[str, Any]:
        ends = [key[1]] if key[0] == "node" else list(key[-2:])
        if any(e not in self.g or not self._visible(e, viewer) for e in ends):
            return an.empty_evidence(offset, limit)
        if key[0] == "node":
            nid = key[1]
            label = self._label(nid)
            kind = an.NODE_EVIDENCE.get(label)
            if kind == "self":
                return an.evidence_page([an.evidence_record(label, self._p(nid))], offset, limit)
            if kind in ("actor_mentions", "identifier_mentions"):
                types = ("RESOLVES_TO",) if kind == "actor_mentions" else an.IDENTIFIER_RELS
                recs = [an.evidence_record("Mention", self._p(m)) for m in self._in(nid, *types)
                        if self._record_ok(m, viewer, filters)]
                return an.evidence_page(recs, offset, limit)
            if kind == "node_records":
                cs = {s for s, _, _ in self.g.in_edges(nid, keys=True) if self._label(s) == "Consignment"}
                recs = [an.evidence_record("Consignment", self._p(c)) for c in cs
                        if self._records_ok(c, viewer, filters)]
                page = an.evidence_page(recs, offset, limit)
                if viewer.unrestricted and filters.empty:  # as the Cypher: the stored count when unfiltered
                    stored = self._p(nid).get("record_count")
                    page["total"] = stored if stored is not None else len(self._in(nid, "REPORTED_BY"))
                return page
            return an.empty_evidence(offset, limit)
        source, target = key[-2], key[-1]
        rel = key[1] if key[0] == "link" else "USES"
        if rel == "SHIPPED_TO":
            cs = self._shipped_records(source, target)
        elif rel in ("USES_IDENTIFIER", "USED_CONTAINER", "USES"):
            cs = self._use_records(source, target)
        else:
            labels = (self._label(source), self._label(target))
            record = next((e for e, lab in zip((source, target), labels, strict=True)
                           if lab in ("Consignment", "Seizure", "Mention")), None)
            if record is None or rel in ("IN_COUNTRY", "FLAGS"):
                return an.empty_evidence(offset, limit)
            return an.evidence_page([an.evidence_record(self._label(record), self._p(record))], offset, limit)
        recs = [an.evidence_record("Consignment", self._p(c)) for c in cs if self._records_ok(c, viewer, filters)]
        return an.evidence_page(recs, offset, limit)

    def _shipped_records(self, source: str, target: str) -> set[str]:
        out = set()
        for m in self._in(source, "RESOLVES_TO"):
            if self._p(m).get("role") not in SENDER_ROLES or not (c := self._record_of(m)):
                continue
            if any(self._p(o).get("role") in RECEIVER_ROLES and self._actor_of(o) == target
                   for o in self._out(c, "HAS_PARTY")):
                out.add(c)
        return out

    def _use_records(self, actor: str, ident: str) -> set[str]:
        out = set()
        personal = self._label(ident) in ("TaxId", "Phone", "Email", "Address")
        for m in self._in(actor, "RESOLVES_TO"):
            c = self._record_of(m)
            if c is None:
                continue
            links = self._out(m, *an.IDENTIFIER_RELS) if personal else self._out(c, "IN_CONTAINER", "UNDER_BL")
            if ident in links:
                out.add(c)
        return out

    # -- walks ------------------------------------------------------------------------------------
    def _start(self, node_id: str, viewer: Viewer) -> dict[str, Any]:
        if node_id not in self.g or self._hidden(node_id) or not self._visible(node_id, viewer):
            raise NotFoundError(f"no node with id {node_id!r}")
        return self._info(node_id)

    def neighbourhood(self, node_id: str, viewer: Viewer, *, hops: int = 2, limit: int = 100,
                      via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
                      labels: Sequence[str] | None = None, filters: Filters = Filters(),
                      common_threshold: int = an.COMMON_THRESHOLD, evidence_limit: int = 3) -> dict[str, Any]:
        via_t, types, labels_t = an.check_walk_args(hops, limit, via, rel_types, labels)
        with self._reading():
            start = self._start(node_id, viewer)

            def expand(frontier: list[str], seen: set[str], max_rows: int) -> list[dict[str, Any]]:
                found: set[str] = set()
                for n in frontier:
                    for s, t, rtype, props in self._edges(n):
                        m = t if s == n else s
                        if (rtype not in types or m in seen or m in found or self._hidden(m)
                                or (labels_t and not set(self.g.nodes[m]["labels"]) & set(labels_t))
                                or not filters.link_ok(rtype, props) or not self._record_ok(m, viewer, filters)):
                            continue
                        found.add(m)
                return [self._info(m) for m in sorted(found)[:max_rows]]

            nodes, capped = walks.walk_neighbourhood(start, hops, limit, via_t, common_threshold, expand)
            links = self._links_among(nodes, types, filters)
            graph = self._with_evidence(nodes, links, viewer, filters, evidence_limit)
        return {"center": node_id, "hops": hops, "limit": limit, "capped": capped, "via": list(via_t), **graph}

    def _links_among(self, nodes: Any, types: Sequence[str], filters: Filters) -> list[dict[str, Any]]:
        links = [{"type": k, "source": s, "target": t, "props": d["p"]}
                 for s in nodes for _, t, k, d in self.g.out_edges(s, keys=True, data=True)
                 if t in nodes and k in types and filters.link_ok(k, d["p"])]
        return sorted(links, key=lambda li: (li["source"], li["target"], li["type"]))

    def _with_evidence(self, nodes: dict[str, dict[str, Any]], links: list[dict[str, Any]], viewer: Viewer,
                       filters: Filters, evidence_limit: int) -> dict[str, Any]:
        full, light, stored = an.evidence_plan(nodes, links, viewer, filters)
        evidence = self.evidence(full, viewer, filters=filters, limit=evidence_limit)
        evidence.update(self.evidence(light, viewer, filters=filters, limit=0))
        evidence.update(stored)
        return ans.graph_answer(nodes, links, evidence)

    def paths(self, source: str, target: str, viewer: Viewer, *, max_length: int = 6, all_paths: bool = False,
              limit: int = 10, via: Sequence[str] = (), rel_types: Sequence[str] | None = None,
              filters: Filters = Filters(), common_threshold: int = an.COMMON_THRESHOLD,
              evidence_limit: int = 3) -> dict[str, Any]:
        via_t, types, _ = an.check_walk_args(max_length=max_length, via=via, rel_types=rel_types)
        if source == target:
            raise InputError("from and to are the same node")
        skip = {lab for lab in an.HUB_LABELS if lab not in via_t}
        threshold = None if "common" in via_t else common_threshold
        with self._reading():
            for end in (source, target):
                self._start(end, viewer)

            def expand(frontier: list[str], keep: set[str], seen: set[str],
                       only: set[str] | None = None) -> list[tuple[str, str]]:
                pairs = set()
                for n in frontier:
                    for s, t, rtype, props in self._edges(n):
                        m = t if s == n else s
                        if only is not None and m not in only:
                            continue
                        if (m in seen or rtype not in types or self._hidden(m) or not filters.link_ok(rtype, props)
                                or not self._record_ok(m, viewer, filters)):
                            continue
                        label = self._label(m)
                        if m in keep or (label not in skip and (
                                threshold is None or (self._measure(m, label) or 0) < threshold)):
                            pairs.add((n, m))
                return sorted(pairs)

            def meet(frontier: list[str], others: list[str], keep: set[str]) -> list[tuple[str, str]]:
                return expand(frontier, keep, set(), set(others))

            # as on Neo4j, the meeting step is asked in the unrestricted view without filters only
            open_view = viewer.unrestricted and filters.empty
            found = walks.search_paths(source, target, max_length, expand, limit if all_paths else 1,
                                       meet=meet if open_view else None)
            on_paths = sorted({n for p in found.paths for n in p})
            nodes = {n: {**self._info(n), "hub": False, "common": False} for n in on_paths}
            links = self._links_among(nodes, types, filters)
            graph = self._with_evidence(nodes, links, viewer, filters, evidence_limit) if nodes else {
                "nodes": [], "links": []}
        return ans.paths_answer(source, target, max_length, found, graph)

    # -- actors -----------------------------------------------------------------------------------
    def repeat_actors(self, viewer: Viewer, *, min_countries: int = 2, filters: Filters = Filters(),
                      limit: int = 50, offset: int = 0, evidence_limit: int = 3,
                      counterparties: int = 5) -> dict[str, Any]:
        if min_countries < 1:
            raise InputError(f"min_countries must be at least 1, got {min_countries}")
        with self._reading():
            agg: dict[str, dict[str, set]] = defaultdict(lambda: {"countries": set(), "records": set(), "dates": set()})
            for m in self.by_label["Mention"]:
                actor = self._actor_of(m)
                if actor and self._record_ok(m, viewer, filters):
                    p = self._p(m)
                    entry = agg[actor]
                    if p.get("originator"):
                        entry["countries"].add(p["originator"])
                    entry["records"].add(p.get("consignment_id"))
                    entry["dates"].add(p.get("shipment_date"))
            ranked = []
            for actor, entry in agg.items():
                if len(entry["countries"]) < min_countries:
                    continue
                first, last = _span(list(entry["dates"]))
                props = self._p(actor)
                ranked.append({"id": actor, "name": props.get("name"), "kind": props.get("kind"),
                               "countries": sorted(entry["countries"]), "records": len(entry["records"]),
                               "high_priority": self._high_priority(actor, viewer, filters),
                               "first_seen": first, "last_seen": last})
            ranked.sort(key=lambda r: (-len(r["countries"]), -r["records"], -r["high_priority"], r["id"]))
            page = ranked[offset:offset + limit]
            cards = {r["id"]: self._card(r["id"], viewer, filters, evidence_limit, counterparties) for r in page}
        return ans.repeat_answer(len(ranked), page, cards, min_countries, offset, limit, evidence_limit)

    def _high_priority(self, actor: str, viewer: Viewer, filters: Filters) -> int:
        records = {self._record_of(m) for m in self._in(actor, "RESOLVES_TO")} - {None}
        return sum(1 for c in records if self._records_ok(c, viewer, filters) and any(
            self._p(h).get("chpl_tier") is not None for h in self._out(c, "CARRIES")))

    def _card(self, actor: str, viewer: Viewer, filters: Filters, evidence_limit: int,
              counterparties: int) -> dict[str, Any]:
        mentions = self._mentions(actor, viewer, filters)
        names = Counter(self._p(m).get("name") for m in mentions)
        first_by_country: dict[Any, dict[str, Any]] = {}
        for rec in sorted((an.evidence_record("Mention", self._p(m)) for m in mentions), key=an.evidence_sort_key):
            first_by_country.setdefault(rec["originator"], rec)
        evidence = sorted(first_by_country.values(), key=an.evidence_sort_key)[:evidence_limit]
        return {"id": actor, "names": [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0] or ""))][:10],
                "evidence_total": len(mentions), "evidence": evidence,
                "counterparties": self._counterparties(actor, viewer, filters, counterparties)}

    def _counterparties(self, actor: str, viewer: Viewer, filters: Filters, limit: int) -> list[dict[str, Any]]:
        agg: dict[tuple[str, str], set[str]] = defaultdict(set)
        for m in self._in(actor, "RESOLVES_TO"):
            role = self._p(m).get("role")
            c = self._record_of(m)
            if c is None or not self._records_ok(c, viewer, filters):
                continue
            for o in self._out(c, "HAS_PARTY"):
                other, orole = self._actor_of(o), self._p(o).get("role")
                if other and other != actor and ((role in SENDER_ROLES and orole in RECEIVER_ROLES)
                                                  or (role in RECEIVER_ROLES and orole in SENDER_ROLES)):
                    agg[(other, "out" if role in SENDER_ROLES else "in")].add(c)
        rows = []
        for (other, direction), cs in agg.items():
            first, last = _span([self._p(c).get("shipment_date") for c in cs])
            rows.append({"id": other, "name": self._p(other).get("name"), "direction": direction,
                         "records": len(cs), "first_date": first, "last_date": last})
        return sorted(rows, key=lambda r: (-r["records"], r["id"], r["direction"]))[:limit]

    def _actor(self, actor_id: str, viewer: Viewer) -> str:
        # the aliases (absorbed ids) are only read when the id itself is not an actor
        current = actor_id if actor_id in self.g else self.resolve_actor_id(actor_id)
        if current not in self.g or self._label(current) != "Actor" or not self._actor_visible(current, viewer):
            raise NotFoundError(f"no actor with id {actor_id!r}")
        return current

    def actor_profile(self, actor_id: str, viewer: Viewer, *, evidence_limit: int = 3,
                      list_limit: int = 50) -> dict[str, Any]:
        with self._reading():
            current = self._actor(actor_id, viewer)
            mentions = self._mentions(current, viewer)
            ps = [self._p(m) for m in mentions]
            names = Counter((p.get("name"), p.get("script")) for p in ps)
            first, last = _span([p.get("shipment_date") for p in ps])
            idents: dict[str, dict[str, Any]] = defaultdict(lambda: {"records": set(), "dates": []})
            for m in mentions:
                for i in self._out(m, *an.IDENTIFIER_RELS):
                    idents[i]["records"].add(self._p(m).get("consignment_id"))
                    idents[i]["dates"].append(self._p(m).get("shipment_date"))
            identifiers = [{"id": i, "labels": sorted(self.g.nodes[i]["labels"]), "props": self._p(i),
                            "records": len(v["records"]), "first_date": _span(v["dates"])[0],
                            "last_date": _span(v["dates"])[1], "actors": len(self._in(i, "USES_IDENTIFIER"))}
                           for i, v in idents.items()]
            identifiers = sorted(identifiers, key=lambda r: (-r["records"], r["id"]))[:list_limit]
            used: dict[tuple[str, str], set[str]] = defaultdict(set)
            for m in self._in(current, "RESOLVES_TO"):
                c = self._record_of(m)
                if c and viewer.can_see(self._p(c)):
                    for _, x, k in self.g.out_edges(c, keys=True):
                        if k in ("IN_CONTAINER", "ON_VESSEL", "FOLLOWS_ROUTE"):
                            used[(k, x)].add(c)
            usage: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for (kind, x), cs in used.items():
                f, la = _span([self._p(c).get("shipment_date") for c in cs])
                usage[kind].append({"id": x, "props": self._p(x), "records": len(cs), "first_date": f,
                                    "last_date": la})
            row = {
                "id": current, "labels": self.g.nodes[current]["labels"], "props": self._p(current),
                "names": [{"name": n, "script": s, "mentions": k} for (n, s), k in sorted(
                    names.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] is None, kv[0][1] or ""))],
                "originators": {p.get("originator") for p in ps}, "party_countries": {p.get("country") for p in ps},
                "legal_forms": {p.get("legal_form") for p in ps}, "roles": {p.get("role") for p in ps},
                "records": len({p.get("consignment_id") for p in ps}), "mentions": len(ps), "first_seen": first,
                "last_seen": last, "identifiers": identifiers,
                "usage": [{"kind": k, "items": sorted(v, key=lambda r: (-r["records"], r["id"]))[:list_limit]}
                          for k, v in sorted(usage.items())],
                "counterparties": self._counterparties(current, viewer, Filters(), list_limit),
            }
            evidence = self._evidence_one(an.node_evidence_key(current), viewer, Filters(), evidence_limit, 0)
        return ans.profile_answer(actor_id, row, evidence)

    def actor_timeline(self, actor_id: str, viewer: Viewer, *, filters: Filters = Filters(), limit: int = 50,
                       offset: int = 0) -> dict[str, Any]:
        with self._reading():
            current = self._actor(actor_id, viewer)
            months: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
            for m in self._mentions(current, viewer, filters):
                p = self._p(m)
                if p.get("shipment_date") is not None:
                    months[p["shipment_date"][:7]][p.get("originator")].add(p.get("consignment_id"))
            month_rows = [{"month": month, "countries": [{"country": c, "records": len(r)}
                                                         for c, r in sorted(by.items(), key=lambda kv: kv[0] or "~")]}
                          for month, by in sorted(months.items())]
            roles: dict[str, set[str]] = defaultdict(set)
            for m in self._in(current, "RESOLVES_TO"):
                c = self._record_of(m)
                if c and self._records_ok(c, viewer, filters):
                    roles[c].add(self._p(m).get("role"))
            ordered = sorted(roles, key=lambda c: (self._p(c).get("shipment_date") or "", c))
            page = {"total": len(ordered), "page": [{"record": c, "roles": sorted(roles[c] - {None})}
                                                    for c in ordered[offset:offset + limit]]}
            facts = self._facts([p["record"] for p in page["page"]], viewer)
        return ans.timeline_answer(actor_id, current, month_rows, page, facts, offset, limit)

    def _facts(self, records: Sequence[str], viewer: Viewer) -> dict[str, dict[str, Any]]:
        out = {}
        for c in records:
            if c not in self.g or not viewer.can_see(self._p(c)):
                continue
            vessel, ports, boxes, parties, route = None, [], [], [], None
            for _, x, k, d in self.g.out_edges(c, keys=True, data=True):
                px = self._p(x)
                if k == "ON_VESSEL":
                    vessel = {"id": x, "imo": px.get("imo"), "name": px.get("name"), "voyage": d["p"].get("voyage")}
                elif k in _PORT_RELS:
                    ports.append({"role": k, "locode": px.get("locode"), "seq": d["p"].get("seq")})
                elif k == "IN_CONTAINER":
                    boxes.append(px.get("number"))
                elif k == "FOLLOWS_ROUTE":
                    route = px.get("label")
                elif k == "HAS_PARTY":
                    actor = self._actor_of(x)
                    parties.append({"role": px.get("role"), "position": px.get("position"), "name": px.get("name"),
                                    "mention": x, "actor": actor,
                                    "actor_name": self._p(actor).get("name") if actor else None})
            out[c] = ans.make_event(self._p(c), vessel, ports, boxes, parties, route)
        return out

    def search(self, q: str, viewer: Viewer, *, limit: int = 20, kind: str | None = None) -> dict[str, Any]:
        plan = ans.search_plan(q)
        with self._reading():
            pairs: set[tuple[str, str]] = set()
            for m in self.by_label["Mention"] if plan["prefixes"] else ():
                p = self._p(m)
                norm = p.get("name_norm") or ""
                if any(norm.startswith(x) or f" {x}" in norm for x in plan["prefixes"]) and viewer.can_see(p):
                    actor = self._actor_of(m)
                    if actor:
                        pairs.add((actor, p.get("name")))
            rows = [{"actor": a, "name": n, "actor_name": self._p(a).get("name"), "kind": self._p(a).get("kind"),
                     "originators": self._p(a).get("originators"), "records": self._p(a).get("record_count")}
                    for a, n in sorted(pairs)[:ans.SEARCH_CANDIDATES]]
            hits = []
            ident = plan["identifiers"] or {}
            wanted = [("Phone", "e164", ident.get("e164")), ("Email", "address", ident.get("email")),
                      ("Container", "number", ident.get("container")), ("Vessel", "imo", ident.get("imo")),
                      ("BillOfLading", "number", ident.get("bl"))]
            for label, key, value in wanted:
                if value is not None:
                    nid = ids.node_id(label, value)
                    if nid in self.g and self._p(nid).get(key) == value:
                        hits.append(nid)
            hits += [t for t in ident.get("tax_ids") or [] if t in self.g]
            infos = [self._info(h) for h in sorted(set(hits))]
        return ans.search_answer(q, plan, rows, infos, limit, kind)

    # -- identifiers ------------------------------------------------------------------------------
    def shared_identifiers(self, actor_id: str, viewer: Viewer, *, common_threshold: int = an.COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, evidence_limit: int = 3) -> dict[str, Any]:
        labels_t = ans.check_identifier_labels(labels)
        with self._reading():
            current = self._actor(actor_id, viewer)
            uses: dict[str, dict[str, Any]] = defaultdict(lambda: {"records": set(), "dates": []})
            for m in self._in(current, "RESOLVES_TO"):
                pm, c = self._p(m), self._record_of(m)
                if viewer.can_see(pm):
                    for i in self._out(m, *an.IDENTIFIER_RELS):
                        uses[i]["records"].add(pm.get("consignment_id"))
                        uses[i]["dates"].append(pm.get("shipment_date"))
                if c and viewer.can_see(self._p(c)):
                    for i in self._out(c, "IN_CONTAINER", "UNDER_BL"):
                        uses[i]["records"].add(c)
                        uses[i]["dates"].append(self._p(c).get("shipment_date"))
            rows = []
            for i, use in sorted(uses.items()):
                label = self._label(i)
                if labels_t and label not in labels_t:
                    continue
                measure = self._measure(i, label)
                first, last = _span(use["dates"])
                others = self._other_users(i, current, viewer) if (measure or 0) < common_threshold else []
                rows.append({"id": i, "labels": self.g.nodes[i]["labels"], "props": self._p(i),
                             "records": len(use["records"]), "first_date": first, "last_date": last,
                             "measure": measure, "actors": others})
            keys = ans.shared_evidence_keys(current, rows, common_threshold)
            evidence = self.evidence(keys, viewer, limit=evidence_limit)
        return ans.shared_answer(actor_id, current, rows, common_threshold, evidence)

    def _other_users(self, ident: str, actor: str, viewer: Viewer) -> list[dict[str, Any]]:
        mentions = set(self._in(ident, *an.IDENTIFIER_RELS))
        for c in self._in(ident, "IN_CONTAINER", "UNDER_BL"):
            parties = self._out(c, "HAS_PARTY")
            # a counterparty on the actor's own record shares its container trivially: not a link
            if actor not in {self._actor_of(m) for m in parties}:
                mentions.update(parties)
        agg: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for o in mentions:
            other = self._actor_of(o)
            if other and other != actor and viewer.can_see(self._p(o)):
                agg[other].append(self._p(o))
        rows = []
        for other, ps in agg.items():
            first, last = _span([p.get("shipment_date") for p in ps])
            rows.append({"id": other, "name": self._p(other).get("name"),
                         "records": len({p.get("consignment_id") for p in ps}), "first_date": first, "last_date": last})
        return sorted(rows, key=lambda r: (-r["records"], r["id"]))

    def common_identifiers(self, viewer: Viewer, *, threshold: int = an.COMMON_THRESHOLD,
                           labels: Sequence[str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        labels_t = ans.check_identifier_labels(labels)
        with self._reading():
            rows = []
            for label in an.SHARED_IDENTIFIER_LABELS:
                if labels_t and label not in labels_t:
                    continue
                for i in self.by_label[label]:
                    measure = self._measure(i, label) or 0
                    if measure >= threshold:
                        rows.append({"id": i, "labels": self.g.nodes[i]["labels"], "props": self._p(i),
                                     "measure": measure})
        rows.sort(key=lambda r: (-r["measure"], r["id"]))
        return ans.common_answer(len(rows), rows[offset:offset + limit], threshold, offset, limit)

    # -- containers and vessels -------------------------------------------------------------------
    def _box_records(self, box: str, viewer: Viewer) -> list[str]:
        records = [c for c in self._in(box, "IN_CONTAINER") if viewer.can_see(self._p(c))]
        return sorted(records, key=lambda c: (self._p(c).get("shipment_date") or "", c))

    def _shipped(self, actors: set[str]) -> set[tuple[str, str]]:
        return {(x, y) for x in actors for y in self._out(x, "SHIPPED_TO") if y in actors}

    def container_history(self, number: str, viewer: Viewer, *, limit: int = 50, offset: int = 0,
                          window_days: int = 14, min_owners: int = 3) -> dict[str, Any]:
        clean = ans.container_number(number)
        with self._reading():
            box = ids.node_id("Container", clean)
            if box not in self.g:
                raise NotFoundError(f"no container {clean} in the graph")
            seizures = [s for s in self._in(box, "SEIZED_CONTAINER") if viewer.can_see(self._p(s))]
            row = {"id": box, "props": an.public_props(self._p(box)), "records": self._box_records(box, viewer),
                   "seizures": [self._p(s) for s in sorted(seizures, key=lambda s: (self._p(s).get("seizure_date")
                                                                                      or "", s))]}
            facts = self._facts(row["records"], viewer)
            actors = {p["actor"] for f in facts.values() for p in f["parties"] if p["actor"]}
            shipped = self._shipped(actors)
        return ans.container_answer(clean, row, facts, shipped, offset, limit, window_days, min_owners)

    def container_anomalies(self, viewer: Viewer, *, kinds: Sequence[str] = (), min_owners: int = 3,
                            window_days: int = 14, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        kinds_t = ans.check_anomaly_args(kinds, min_owners, window_days)
        with self._reading():
            items = []
            boxes = sorted(self.by_label["Container"], key=lambda b: self._p(b).get("number") or "")
            for box in boxes:
                if len(self._in(box, "IN_CONTAINER")) < 2:
                    continue
                facts = self._facts(sorted(self._box_records(box, viewer)), viewer)
                if len(facts) < 2:
                    continue
                recs = [ans.anomaly_rec(f) for f in facts.values()]
                actors = {x for r in recs for x in r["actors"]}
                overlaps, unrelated, owners = ans.find_anomalies(recs, self._shipped(actors), window_days)
                items += [i for i in ans.anomaly_items(self._p(box).get("number"), box, overlaps, unrelated, owners,
                                                       min_owners) if not kinds_t or i["kind"] in kinds_t]
            page = items[offset:offset + limit]
            facts = self._facts(sorted({x for item in page for x in item["records"]}), viewer)
        return ans.anomalies_answer(items, page, facts, offset, limit, min_owners, window_days)

    def vessel(self, imo: str, viewer: Viewer, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        clean = ans.imo_number(imo)
        with self._reading():
            ship = ids.node_id("Vessel", clean)
            if ship not in self.g:
                raise NotFoundError(f"no vessel with IMO {clean} in the graph")
            records, voyages = [], set()
            ports: dict[tuple[str, str], set[str]] = defaultdict(set)
            for c, _, k, d in self.g.in_edges(ship, keys=True, data=True):
                if k != "ON_VESSEL" or not viewer.can_see(self._p(c)):
                    continue
                records.append(c)
                voyage = d["p"].get("voyage") if d["p"].get("voyage") is not None else self._p(c).get("voyage")
                if voyage is not None:
                    voyages.add(voyage)
                for _, port, pk in self.g.out_edges(c, keys=True):
                    if pk in _PORT_RELS:
                        ports[(port, pk)].add(c)
            records.sort(key=lambda c: (self._p(c).get("shipment_date") or "", c))
            port_rows = []
            for (port, role), cs in ports.items():
                pp = self._p(port)
                first, last = _span([self._p(c).get("shipment_date") for c in cs])
                port_rows.append({"id": port, "locode": pp.get("locode"), "name": pp.get("name"),
                                  "country": pp.get("country"), "role": role, "records": len(cs),
                                  "first_date": first, "last_date": last})
            port_rows.sort(key=lambda r: (-r["records"], r["locode"] or "", r["role"]))
            first, last = _span([self._p(c).get("shipment_date") for c in records])
            row = {"id": ship, "props": an.public_props(self._p(ship)), "ports": port_rows, "total": len(records),
                   "page": records[offset:offset + limit], "voyages": sorted(voyages), "first_seen": first,
                   "last_seen": last}
            facts = self._facts(row["page"], viewer)
        return ans.vessel_answer(clean, row, facts, offset, limit)

    # -- Cypher -----------------------------------------------------------------------------------
    def named_query(self, name: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                    row_cap: int) -> dict[str, Any]:
        raise NotSupported(_CYPHER_NEEDS_NEO4J)

    def raw_cypher(self, query: str, params: dict[str, Any], viewer: Viewer, *, timeout_s: float,
                   row_cap: int) -> dict[str, Any]:
        raise NotSupported(_CYPHER_NEEDS_NEO4J)
