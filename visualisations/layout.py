"""Node positions computed before the page is written, so the drawing is still from the first frame.

Why positions are computed here and not by a library or the browser:
- networkx's layouts (spring, forceatlas2, kamada-kawai, shell) need numpy, and for more than 500 nodes
  scipy; neither is a dependency of the product.
- vis-network's own physics, measured in headless Chromium on this kind of machine, costs 45-100 ms per
  iteration on 2,000 nodes: a useful stabilisation (200 iterations) takes 10-20 s, far over the 5 s a
  view must settle in (bench/views.py prints the comparison).

So the views use layouts that follow from what they show, each linear in nodes and links:
- ``radial``: rings by distance from the subject (a k-hop neighbourhood reads hop by hop), each node's
  subtree in a wedge of its parent's, and nodes with a single link (an actor's many containers, a
  phone's one user) packed in a sunflower spiral around their only neighbour;
- ``layered``: columns by distance from the first node (the paths between two actors read left to right);
- ``timeline``: a container's records in date order on one line, the parties below, ships, ports and
  seizures above.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict, deque
from collections.abc import Sequence

SPACING = 110.0  # distance between neighbouring nodes (labels sit under them)
RING_GAP = 170.0  # least distance between two rings
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Positions = dict[str, tuple[float, float]]


def _order(nodes: Sequence[str], adj: dict[str, list[str]], rank: dict[str, int]) -> dict[str, list[str]]:
    key = {n: (rank.get(n, 0), n) for n in nodes}
    return {n: sorted(set(adj.get(n, ())), key=lambda m: key.get(m, (0, m))) for n in nodes}


def _satellite_radius(count: int) -> float:
    return 0.0 if count == 0 else SPACING * 0.6 + SPACING * 0.5 * math.sqrt(count)


def sunflower(center: tuple[float, float], count: int, start: float = 0.0) -> list[tuple[float, float]]:
    """``count`` points around ``center``, evenly dense (Vogel's phyllotaxis spiral)."""
    out = []
    for i in range(count):
        r = SPACING * 0.6 + SPACING * 0.5 * math.sqrt(i + 0.5)
        a = start + i * GOLDEN_ANGLE
        out.append((center[0] + r * math.cos(a), center[1] + r * math.sin(a)))
    return out


def radial(nodes: Sequence[str], adj: dict[str, list[str]], roots: Sequence[str],
           rank: dict[str, int] | None = None) -> Positions:
    """Rings around ``roots`` (several roots share the first ring); parts not reached from them are laid
    out from their most important node beside the rest."""
    rank = rank or {}
    nbrs = _order(nodes, adj, rank)
    present = set(nodes)
    ordered = sorted(nodes, key=lambda n: (rank.get(n, 0), n))
    starts = [r for r in dict.fromkeys(roots) if r in present]
    parent: dict[str, str | None] = {}
    depth: dict[str, int] = {}
    children: dict[str | None, list[str]] = defaultdict(list)
    top: list[str] = []  # children of the (invisible) centre when there are several roots or parts

    def bfs(sources: list[str]) -> None:
        queue = deque(sources)
        for s in sources:
            parent[s], depth[s] = None, 0
            top.append(s)
        while queue:
            n = queue.popleft()
            for m in nbrs[n]:
                if m not in depth:
                    parent[m], depth[m] = n, depth[n] + 1
                    children[n].append(m)
                    queue.append(m)

    bfs(starts or ordered[:1])
    for n in ordered:  # parts the roots do not reach
        if n not in depth:
            bfs([n])

    # Nodes whose only link is to their parent hang around it; the others form the rings.
    satellites: dict[str, list[str]] = defaultdict(list)
    ring_children: dict[str | None, list[str]] = defaultdict(list)
    for n in depth:
        p = parent[n]
        if p is not None and not children[n] and len(nbrs[n]) == 1:
            satellites[p].append(n)
        elif p is not None:
            ring_children[p].append(n)
    footprint = {n: max(SPACING, 2 * _satellite_radius(len(satellites[n])) + SPACING * 0.5) for n in depth}

    weight: dict[str, float] = {}
    for n in sorted(depth, key=lambda x: -depth[x]):  # deepest first
        weight[n] = max(footprint[n], sum(weight[c] for c in ring_children[n]))

    single = len(top) == 1
    wedge: dict[str, tuple[float, float]] = {}
    level: dict[str, int] = {}
    queue: deque[tuple[str, float, float]] = deque()
    total = sum(weight[t] for t in top) or 1.0
    at = -math.pi / 2
    for t in top:
        span = 2 * math.pi * weight[t] / total
        queue.append((t, at, span))
        at += span
    while queue:
        n, start, span = queue.popleft()
        wedge[n] = (start, span)
        level[n] = depth[n] + (0 if single else 1)
        kids = ring_children[n]
        kid_total = sum(weight[c] for c in kids) or 1.0
        at = start
        for c in kids:
            share = span * weight[c] / kid_total
            queue.append((c, at, share))
            at += share

    # Each ring is as far out as its widest node needs (its arc must hold its footprint). A crowded ring
    # is split into several rows, neighbours in angle going to alternate rows: a hop with 1,700 nodes
    # becomes a band a few rows deep instead of one circle so wide the drawing shrinks to dust.
    row_gap = SPACING * 0.9
    rows_of: dict[int, list[float]] = {0: [0.0]}
    by_level: dict[int, list[str]] = defaultdict(list)
    for n, lv in level.items():
        by_level[lv].append(n)
    for lv in range(1, max(level.values(), default=0) + 1):
        here = by_level[lv]
        inner = by_level[lv - 1]
        need = max((footprint[n] / max(wedge[n][1], 1e-6) for n in here), default=0.0)
        step = max(RING_GAP, (max((footprint[n] for n in inner), default=0) + max(footprint[n] for n in here)) / 2)
        base = rows_of[lv - 1][-1] + step
        count = 1
        while base + (count - 1) * row_gap < need / count and count < len(here):
            count += 1
        first = max(base, need / count)
        rows_of[lv] = [first + k * row_gap for k in range(count)]

    pos: Positions = {}
    for lv, members in by_level.items():
        rows = rows_of[lv]
        for i, n in enumerate(sorted(members, key=lambda x: wedge[x][0] + wedge[x][1] / 2)):
            start, span = wedge[n]
            r = rows[i % len(rows)]
            a = start + span / 2
            pos[n] = (r * math.cos(a), r * math.sin(a))
    for p, sats in satellites.items():
        outward = math.atan2(pos[p][1], pos[p][0]) if pos[p] != (0.0, 0.0) else 0.0
        for n, xy in zip(sats, sunflower(pos[p], len(sats), outward), strict=True):
            pos[n] = xy
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def layered(nodes: Sequence[str], adj: dict[str, list[str]], first: str,
            rank: dict[str, int] | None = None) -> Positions:
    """Columns by distance from ``first``; within a column, in rank order (the first path on top)."""
    rank = rank or {}
    nbrs = _order(nodes, adj, rank)
    dist = {first: 0} if first in nbrs else {}
    queue = deque(dist)
    while queue:
        n = queue.popleft()
        for m in nbrs[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    last = max(dist.values(), default=0)
    columns: dict[int, list[str]] = defaultdict(list)
    for n in sorted(nodes, key=lambda x: (rank.get(x, 0), x)):
        columns[dist.get(n, last + 1)].append(n)
    pos: Positions = {}
    for col, members in columns.items():
        for i, n in enumerate(members):
            pos[n] = (col * SPACING * 2.2, (i - (len(members) - 1) / 2) * SPACING * 1.2)
    return pos


def timeline(records: Sequence[str], center: str, nodes: Sequence[str], adj: dict[str, list[str]],
             below: set[str]) -> Positions:
    """``records`` (already in date order) on a line; ``center`` above them; every other node at the mean
    place of its records, parties (``below``) under the line, the rest over it, in rows that do not
    overlap."""
    step = SPACING * 1.6
    pos: Positions = {r: (i * step, 0.0) for i, r in enumerate(records)}
    mid = (len(records) - 1) * step / 2 if records else 0.0
    pos[center] = (mid, -SPACING * 4.5)
    rows: dict[bool, list[list[float]]] = {True: [], False: []}
    others = [n for n in nodes if n not in pos]
    placed_x = {n: _mean_x(n, adj, pos, mid) for n in others}
    for n in sorted(others, key=lambda x: (placed_x[x], x)):
        under = n in below
        x = placed_x[n]
        row = next((i for i, taken in enumerate(rows[under]) if not taken or x - taken[-1] >= SPACING * 1.3), None)
        if row is None:
            rows[under].append([])
            row = len(rows[under]) - 1
        x = max(x, rows[under][row][-1] + SPACING * 1.3) if rows[under][row] else x
        rows[under][row].append(x)
        y = (row + 1.5) * SPACING * (1 if under else -1)
        if not under:
            y -= SPACING * 0.3
        pos[n] = (round(x, 1), round(y, 1))
    return pos


def _mean_x(node: str, adj: dict[str, list[str]], pos: Positions, default: float) -> float:
    xs = [pos[m][0] for m in adj.get(node, ()) if m in pos]
    return sum(xs) / len(xs) if xs else default


def anchored(nodes: Sequence[str], adj: dict[str, list[str]], anchors: Sequence[str],
             rank: dict[str, int] | None = None) -> Positions:
    """``anchors`` (countries) evenly on a circle; every node linked to anchors at the mean place of its
    anchors, so the more anchors, the nearer the centre (nodes with the same anchors share a spiral);
    the rest around their first placed neighbour, outward."""
    rank = rank or {}
    nbrs = _order(nodes, adj, rank)
    ring = [a for a in dict.fromkeys(anchors) if a in nbrs]
    members: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for n in sorted(nodes, key=lambda x: (rank.get(x, 0), x)):
        if n in ring:
            continue
        linked = tuple(sorted(m for m in nbrs[n] if m in ring))
        if linked:
            members[linked].append(n)
    biggest = max((len(v) for v in members.values()), default=1)
    radius = max(RING_GAP * 1.5, len(ring) * SPACING * 1.5 / math.pi, 2.5 * _satellite_radius(biggest),
                 SPACING * math.sqrt(len(nbrs)) * 0.8)
    pos: Positions = {}
    for i, a in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        pos[a] = (radius * math.cos(angle), radius * math.sin(angle))
    for linked, group in members.items():
        cx = sum(pos[a][0] for a in linked) / len(linked) * 0.78
        cy = sum(pos[a][1] for a in linked) / len(linked) * 0.78
        points = [(cx, cy)] + sunflower((cx, cy), len(group) - 1) if group else []
        for n, xy in zip(group, points, strict=False):
            pos[n] = xy
    rest = [n for n in sorted(nodes, key=lambda x: (rank.get(x, 0), x)) if n not in pos]
    around: dict[str, list[str]] = defaultdict(list)
    for n in rest:
        host = next((m for m in nbrs[n] if m in pos), None)
        if host is None:
            around[""].append(n)
        else:
            around[host].append(n)
    for host, group in around.items():
        if not host:
            for n, xy in zip(group, sunflower((radius * 1.6, 0.0), len(group)), strict=True):
                pos[n] = xy
            continue
        hx, hy = pos[host]
        norm = math.hypot(hx, hy) or 1.0
        out = SPACING * 0.9
        center = (hx + hx / norm * out, hy + hy / norm * out)
        for n, xy in zip(group, sunflower(center, len(group), math.atan2(hy, hx)), strict=True):
            pos[n] = xy
    fixed = set(ring)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in spread(pos, SPACING * 0.75, fixed).items()}


def spread(pos: Positions, gap: float, fixed: set[str] = frozenset(), passes: int = 12) -> Positions:
    """Push apart nodes closer than ``gap`` (spiral groups of neighbouring anchors overlap), a few passes
    over a grid of ``gap``-sized cells, so each pass is linear in the nodes."""
    xy = {n: [x, y] for n, (x, y) in pos.items()}
    order = sorted(xy)
    for _ in range(passes):
        grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        for n in order:
            grid[(int(xy[n][0] // gap), int(xy[n][1] // gap))].append(n)
        moved = False
        for (cx, cy), here in grid.items():
            near = [m for dx in (-1, 0, 1) for dy in (-1, 0, 1) for m in grid.get((cx + dx, cy + dy), ())]
            for n in here:
                for m in near:
                    if m <= n:
                        continue
                    dx, dy = xy[m][0] - xy[n][0], xy[m][1] - xy[n][1]
                    dist = math.hypot(dx, dy)
                    if dist >= gap:
                        continue
                    if dist < 1e-6:  # same place: split along a direction fixed by the names
                        angle = (zlib.crc32(f"{n}|{m}".encode()) % 628) / 100
                        dx, dy, dist = math.cos(angle), math.sin(angle), 1.0
                    push = (gap - dist) / 2 / dist
                    for node, sign in ((n, -1), (m, 1)):
                        if node not in fixed:
                            xy[node][0] += sign * dx * push
                            xy[node][1] += sign * dy * push
                    moved = True
        if not moved:
            break
    return {n: (x, y) for n, (x, y) in xy.items()}
