"""Running the analysis against a store: refresh after ingest and resolve, and cached models for reads.

``refresh_communities(store)`` (called at the end of every ingest and resolution run) loads the facts of
the unrestricted view, computes the communities and stores them, computes the risk scores, raises the
alerts of the records that arrived since the last refresh, and stores the scores the next refresh
compares against. Reads (``get_model``) compute the model of a viewer from the facts that viewer may see
and keep it in memory until the data change (the stamp: a version bumped by every refresh, flag and
seizure, and the node and relationship counts).
"""

from __future__ import annotations

import gc
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from consignet.analysis import communities as comm
from consignet.analysis import risk
from consignet.analysis.facts import load_facts
from consignet.analysis.weights import Weights, load_weights
from consignet.errors import NotFoundError
from consignet.scope import Viewer
from consignet.store.risk_reads import with_risk

COMMUNITIES_KEY = "communities"
RISK_SCORES_KEY = "risk_scores"
VERSION_KEY = "analysis_version"
CACHE_SIZE = 3  # models kept per store (the unrestricted one and a few viewers)
PARALLEL_LINKS = 100_000  # party pairs (an upper bound of projection links) from which Louvain runs in a worker
_lock = threading.Lock()
_computing = threading.Lock()


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while facts are loaded and computed on: the engine makes millions of
    small objects, and every collection of the oldest generation walks all of them (it more than doubled the
    time at 100k consignments). Reference counting still frees everything the engine drops."""
    enabled = gc.isenabled()
    if gc.get_freeze_count():
        # What the last computation froze comes back into the collector's sight and is collected once: a
        # cycle that died since (or during that computation, the collector being off) is freed here, so a
        # long-running server holds at most one computation's leftovers, not one per refresh.
        gc.unfreeze()
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Everything alive now is young to the collector: the first collections after it walked the
            # millions of objects of the facts and the model again, one generation after the other (10-15 s
            # at 1M). They are kept (the model is cached), so every object alive is moved out of its sight
            # (gc.freeze) until the next computation; reference counting still frees them when the cache
            # drops them.
            gc.freeze()
            gc.enable()


def analyse(facts: Any, w: Weights, communities: comm.Communities | None = None,
            stored: tuple[str, comm.Communities] | None = None
            ) -> tuple[comm.Communities, risk.RiskModel, dict[str, Any]]:
    """Communities (unless given) and the risk model, with the seconds each took. On a big projection Louvain
    runs in a worker process while this one computes the indicators: the two are independent until the
    community indicator, and a refresh has two cores. ``stored``: the projection digest and communities of
    the last refresh, reused when the projection has not changed (Louvain would give them again)."""
    t0 = time.perf_counter()
    if communities is not None:
        base = risk.prepare(facts, w)
        t1 = time.perf_counter()
        return communities, risk.finish(base, communities), {"communities": 0.0, "risk": round(t1 - t0, 2)}
    proj = comm.projection(facts, w)
    # Pairs of parties over all party and identifier sets: what building the projection costs, known before it.
    pairs = sum(len(a) * (len(a) - 1) // 2 for a in proj.party_sets) + sum(
        len(a) * (len(a) - 1) // 2 for a in proj.identifier_sets)
    args = (proj, w.communities.resolution, w.communities.seed, stored[0] if stored else None)
    parallel = pairs >= PARALLEL_LINKS
    if parallel:
        with comm.PartitionWorker(*args) as worker:
            base = risk.prepare(facts, w)
            t1 = time.perf_counter()
            digest, links, parts = worker.result()
    else:
        digest, links, parts = comm.run(*args)
        t1 = time.perf_counter()
        base = risk.prepare(facts, w)
    t2 = time.perf_counter()
    # The worker returns no parts when the stored digest still names this projection.
    communities = stored[1] if parts is None and stored else comm.assemble(*(parts or ([], [])), links)
    communities.digest = digest
    model = risk.finish(base, communities)
    t3 = time.perf_counter()
    return communities, model, {"communities": round((t2 if parallel else t1) - t0, 2),
                                "risk": round((t1 - t0 if parallel else t2 - t1) + t3 - t2, 2),
                                "parallel": parallel, "communities_reused": parts is None and stored is not None}


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def stamp(store: Any) -> str:
    version = (store.get_meta(VERSION_KEY) or {}).get("version", 0)
    return f"v{version}:{with_risk(store).data_stamp()}"


def bump(store: Any, reason: str, before: str | None = None) -> str:
    """Mark the analysis inputs changed (a flag, a seizure); returns the new stamp. Flags and seizures are
    not part of the actor projection: communities stored under the stamp ``before`` stay current."""
    current = store.get_meta(VERSION_KEY) or {}
    store.set_meta(VERSION_KEY, {"version": int(current.get("version", 0)) + 1, "at": now_iso(), "reason": reason})
    new = stamp(store)
    data = store.get_meta(COMMUNITIES_KEY)
    if before is not None and data and data.get("stamp") == before:
        store.set_meta(COMMUNITIES_KEY, {**data, "stamp": new})
    return new


def _cache(store: Any) -> OrderedDict[tuple[Any, ...], risk.RiskModel]:
    return store.__dict__.setdefault("_risk_models", OrderedDict())


def stored_communities(store: Any, current: str | None = None) -> comm.Communities | None:
    """The communities of the last refresh, if the data have not changed since (else None)."""
    data = store.get_meta(COMMUNITIES_KEY)
    if not data or (current is not None and data.get("stamp") != current):
        return None
    return comm.Communities.from_meta(data)


def get_model(store: Any, viewer: Viewer, weights: Weights | None = None) -> risk.RiskModel:
    """The risk model of what ``viewer`` may see (cached until the data or the weights change)."""
    store = with_risk(store)
    w = weights or load_weights()
    current = stamp(store)
    key = (viewer, current, w.digest, w.path)
    cache = _cache(store)
    with _lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    with _computing:  # one computation at a time: concurrent requests wait for it, then find it cached
        with _lock:
            if key in cache:
                return cache[key]
        with no_gc():
            facts = load_facts(store, viewer)
            facts.stamp = current
            communities = stored_communities(store, current) if viewer.unrestricted else None
            if communities is not None and (store.get_meta(COMMUNITIES_KEY) or {}).get("weights_digest") != w.digest:
                communities = None
            _, model, _ = analyse(facts, w, communities)
        with _lock:
            cache[key] = model
            while len(cache) > CACHE_SIZE:
                cache.popitem(last=False)
    return model


def refresh_communities(store: Any, *, alerts: bool = True, weights: Weights | None = None,
                        reuse: bool = True) -> dict[str, Any]:
    """Recompute and store the communities, the risk scores and the alerts of new records (after an ingest
    or a resolution run). Returns a summary with the time each step took. With ``reuse``, the stored
    communities are kept when the actor projection is the one they were computed on (an ingest of seizures,
    or of records that add no link): Louvain would give them again."""
    from consignet.analysis import alerts as alert_mod

    store = with_risk(store)
    w = weights or load_weights()
    t0 = time.perf_counter()
    with no_gc():
        facts = load_facts(store, Viewer.all())
        t1 = time.perf_counter()
        data = store.get_meta(COMMUNITIES_KEY) if reuse else None
        stored = (data["projection"], comm.Communities.from_meta(data)) if data and data.get("projection") else None
        communities, model, seconds = analyse(facts, w, stored=stored)
        t2 = time.perf_counter()
        raised = alert_mod.detect(store, model) if alerts else []
    version = int((store.get_meta(VERSION_KEY) or {}).get("version", 0)) + 1
    new_stamp = f"v{version}:{store.data_stamp()}"
    store.set_meta(COMMUNITIES_KEY, {**communities.as_meta(), "stamp": new_stamp, "computed_at": now_iso(),
                                     "weights_digest": w.digest, "projection": communities.digest})
    store.set_meta(RISK_SCORES_KEY, {"computed_at": now_iso(), "weights_digest": w.digest,
                                     "scores": {a: model.actor_score[a] for a in model.ranking}})
    store.set_meta(VERSION_KEY, {"version": version, "at": now_iso(), "reason": "refresh"})
    facts.stamp = model.stamp = new_stamp
    with _lock:
        cache = _cache(store)
        cache[(Viewer.all(), new_stamp, w.digest, w.path)] = model
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    sizes = sorted((len(m) for m in communities.members.values()), reverse=True)
    return {"communities": sum(1 for s in sizes if s >= 2), "largest_community": sizes[0] if sizes else 0,
            "components": len(communities.component_size), "actors_linked": communities.actors,
            "links": communities.links, "actors_scored": len(model.ranking),
            "above_threshold": sum(1 for a in model.ranking if model.actor_score[a] > w.alert_threshold),
            "alerts": len(raised), "records": len(facts.records),
            "seconds": {"facts": round(t1 - t0, 2), **seconds, "analysis": round(t2 - t1, 2),
                        "total": round(time.perf_counter() - t0, 2)}}


def community_members(store: Any, community_id: str, viewer: Viewer) -> list[dict[str, Any]]:
    """The members of a community as ``viewer`` sees it: ``{id, name, score, rank, community, records,
    countries, indicators}`` by score (for the views). Unknown ids raise NotFoundError."""
    from consignet.analysis.answers import actor_row

    model = get_model(store, viewer)
    members = model.communities.members.get(community_id)
    if members is None:
        raise NotFoundError(f"no community with id {community_id!r} on the records you may see")
    return sorted((actor_row(model, m) for m in members), key=lambda r: (-r["score"], r["id"]))
