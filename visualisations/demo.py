"""Views of the networks ``consignet generate`` planted, for ``consignet demo``.

The ground truth names the planted actors by the generator's ids; the graph's actors are found through
the mentions (file, row, role) that both sides know, each planted actor going to the graph actor most of
its mentions resolved to.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from consignet.errors import ConsignetError, InputError
from consignet.scope import Viewer
from consignet.visualisations.graph import ViewGraph
from consignet.visualisations.history_views import container_view, repeat_actors_view
from consignet.visualisations.network_views import actor_view, analysis, group_view, paths_view
from consignet.visualisations.page import render

TOP_NETWORKS = 3


def load_truth(truth_path: Path) -> dict[str, Any]:
    try:
        truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
        truth["networks"], truth["mentions"]  # noqa: B018 - both must be there
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{truth_path}: not a ground-truth file from `consignet generate` ({exc})") from exc
    return truth


def actor_map(store: Any, truth: dict[str, Any]) -> dict[str, str]:
    """Generator actor id -> graph actor id (the one most of its mentions resolved to)."""
    assigned = {(m["file"], int(m["row"]), m["role"]): m["actor_id"]
                for m in store.mention_assignments(Viewer.all()) if m.get("actor_id")}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in truth["mentions"]:
        found = assigned.get((m["file"], int(m["row"]), m["role"]))
        if found:
            votes[m["actor"]][found] += 1
    return {planted: counts.most_common(1)[0][0] for planted, counts in votes.items()}


def planted_networks(store: Any, truth_path: Path) -> list[dict[str, Any]]:
    """The planted networks, largest first: ``{id, description, actors (graph ids), containers, records}``."""
    truth = load_truth(truth_path)
    mapping = actor_map(store, truth)
    out = []
    for net in truth["networks"]:
        actors = list(dict.fromkeys(mapping[a] for a in net["actors"] if a in mapping))
        out.append({"id": net["id"], "description": net["description"], "actors": actors,
                    "containers": list(net.get("containers") or []), "records": len(net.get("records") or [])})
    return sorted(out, key=lambda n: (-n["records"], n["id"]))


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "view"


def demo_views(store: Any, out_dir: Path, truth_path: Path, top: int = TOP_NETWORKS) -> list[Path]:
    """Write the views of the top planted networks (each network, its busiest actor's network, the paths
    between its first two actors, its first container) and the repeat-actor overview into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    viewer = Viewer.all()
    written: list[Path] = []

    def write(name: str, build: Any) -> None:
        try:
            graph: ViewGraph = build()
        except ConsignetError:  # e.g. no path between two actors: that view is left out, the rest written
            return
        path = out_dir / f"{_safe(name)}.html"
        path.write_text(render(graph), encoding="utf-8")
        written.append(path)

    write("repeat-actors", lambda: repeat_actors_view(store, viewer))
    for net in planted_networks(store, truth_path)[:top]:
        actors = net["actors"]
        if not actors:
            continue
        write(f"network-{net['id']}", lambda net=net, actors=actors: group_view(
            store, actors, viewer, title=f"Planted network {net['id']}", kind="community",
            description=net["description"], parameters={"network": net["id"]}))
        known = analysis(store).node_summaries(actors, viewer)
        busiest = max(actors, key=lambda a: ((known.get(a) or {}).get("props", {}).get("record_count") or 0, a))
        write(f"network-{net['id']}-actor", lambda busiest=busiest: actor_view(store, busiest, viewer, hops=2))
        if len(actors) > 1:
            write(f"network-{net['id']}-paths",
                  lambda actors=actors: paths_view(store, actors[0], actors[-1], viewer))
        if net["containers"]:
            write(f"network-{net['id']}-container-{net['containers'][0]}",
                  lambda net=net: container_view(store, net["containers"][0], viewer))
    return written
