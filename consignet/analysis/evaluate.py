"""How the risk ranking and the communities compare with the sample generator's planted truth.

Graph actors are matched to the generator's actors through the mentions (file, row, role) by majority.
Planted actors are the members of the planted networks (``role_in_network`` set); the same-name decoys the
generator plants beside them are innocent look-alikes and count as background.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from consignet.analysis import service
from consignet.analysis.ind_goods import chpl_tier
from consignet.scope import Viewer


def truth_map(store: Any, truth: dict[str, Any]) -> dict[str, str]:
    """Graph actor -> generator actor, by the majority of its mentions."""
    by_key = {(m["file"], int(m["row"]), m["role"]): m["actor"] for m in truth["mentions"]}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.mention_assignments(Viewer.all()):
        key = (row["file"], int(row["row"]), row["role"])
        if row["actor_id"] and key in by_key:
            votes[row["actor_id"]][by_key[key]] += 1
    return {a: c.most_common(1)[0][0] for a, c in votes.items()}


def evaluate(store: Any, truth: dict[str, Any], top_k: int = 50) -> dict[str, Any]:
    """Precision of the top k actors (k = ``top_k`` or the number of planted actors if fewer) beside the
    baseline ranking by CHPL consignment count alone; networks whose actors all fall in one community; the
    best rank of each role (supplier, front, hub...) in each network."""
    model = service.get_model(store, Viewer.all())
    g2t = truth_map(store, truth)
    actors = truth["actors"]
    in_network = {a: actors[t]["network"] for a, t in g2t.items() if actors[t].get("network")}
    planted = sum(1 for a in actors.values() if a.get("network"))
    k = min(top_k, planted)
    top = model.ranking[:k]
    chpl: Counter[str] = Counter()
    for rec in model.facts.records.values():
        if chpl_tier(rec):
            for actor in {p.actor for p in rec.trade_parties()}:
                chpl[actor] += 1
    baseline = [a for a, _ in sorted(chpl.items(), key=lambda kv: (-kv[1], kv[0]))][:k]
    members: dict[str, list[str]] = defaultdict(list)
    for actor, net in in_network.items():
        members[net].append(actor)
    whole, shares = 0, []
    roles: dict[str, list[int | None]] = defaultdict(list)
    for actor, t in g2t.items():
        if actors[t].get("network"):
            roles[actors[t].get("role_in_network") or "?"].append(model.rank.get(actor))
    for net in truth["networks"]:
        found = members.get(net["id"], [])
        if not found:
            continue
        counts = Counter(model.communities.of.get(a, a) for a in found)
        biggest = counts.most_common(1)[0][1]
        whole += biggest == len(found)
        shares.append(biggest / len(found))
    return {"k": k, "planted_actors": planted, "networks": len(truth["networks"]),
            "precision_at_k": round(sum(a in in_network for a in top) / k, 3) if k else None,
            "baseline_chpl_count_precision_at_k": round(sum(a in in_network for a in baseline) / k, 3) if k else None,
            "networks_in_one_community": whole, "share_networks_in_one_community": round(whole / len(shares), 3)
            if shares else None, "mean_share_in_largest_community": round(sum(shares) / len(shares), 3)
            if shares else None, "actors_scored": len(model.ranking), "communities": len(model.communities.members),
            "ranks_by_role": {r: sorted(x for x in v if x is not None) for r, v in sorted(roles.items())}}
