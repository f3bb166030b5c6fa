"""Constrained agglomerative clustering: strongest links first, and no chaining.

Links (scored atom pairs at or above the match threshold) are applied strongest first, in two phases:
first the links corroborated by identifiers or context, then links resting on the name alone. Two
clusters merge through a link only if
1. nothing separates them: different valid tax ids in one scheme, a person against a company, an
   analyst's "reject" between any of their members, or -- unless the link is a shared tax id or
   e-mail -- party countries that do not overlap (a country-less mention cannot bridge a Polish and a
   Bulgarian ``Polimex``) or legal forms of different families (an Srl and an SpA, an FZE and an LLC)
   (``conflict``);
2. contacts do not contradict the link: unless it is decisive, a link loses ``other_phone``
   (``other_email``) points when both clusters have phones (e-mails) and share none, which is enough
   to stop a link resting on the name alone but not one backed by shared records or identifiers;
3. their names hold together as groups, not only at the linking pair: the average similarity over
   their most frequent names reaches ``name_floor`` (``decisive_name_floor`` when they share a tax id
   or an e-mail) -- this is what stops a chain of weak links from gluing unrelated companies
   (``cohesion``);
4. the link is not ambiguous: if one end has a rival link nearly as strong (within
   ``ambiguity_margin``) to a cluster that could not be one actor with the other end (a conflict, or
   for a link resting on the name, names that do not hold together) -- the bare ``ТОО «Барыс»`` that could
   be either of two Barys with different BINs, ``Karimov U.`` between Karimov Ulugbek and Karimov
   Umid -- the link is not applied; the pair goes to review instead of being guessed. A decisive link
   (shared tax id or e-mail) is never ambiguous.
A link resting on the name alone never touches a contested name (one that identifiers show is borne
by several actors, see ``atoms.Contested``): such mentions join an actor only through shared
identifiers or records, or stay apart for review.
Analyst confirmations are applied before everything and override all these checks.
The order is total (points, then atom numbers), so the result depends only on the input set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from .columns import ClusterColumns
from .config import ResolutionConfig

MAX_RIVALS = 50
_EMPTY: frozenset[str] = frozenset()


@dataclass(slots=True)
class Link:
    points: float
    a: int
    b: int
    corroboration: float
    decisive: bool


@dataclass(slots=True)
class ClusterOutcome:
    root_of: list[int]
    merge_links: dict[int, Link]  # atom -> strongest applied link touching it
    blocked: list[tuple[Link, str]]  # links at match level that were not applied, and why
    counts: dict[str, int] = field(default_factory=dict)


class _Clusters:
    def __init__(
        self, cols: ClusterColumns, reject_tags: dict[int, set[tuple[int, int]]], members: Iterable[int] | None = None
    ) -> None:
        """Every atom alone. Only the evidence of ``members`` (default: all atoms) is read: a process
        clustering some components reads only their atoms (one loop storing into lists made in
        advance: 0.29 s for 368k atoms against 0.35 s for a comprehension per list)."""
        n = len(cols)
        self.parent = list(range(n))
        self.size: list[int] = [1] * n
        self.tax: list[dict[int, set[int]] | None] = [None] * n
        self.kinds: list[frozenset[str]] = [_EMPTY] * n
        self.countries: list[frozenset[str]] = [_EMPTY] * n
        self.families: list[frozenset[str]] = [_EMPTY] * n
        self.phones: list[frozenset[int]] = [_EMPTY] * n  # type: ignore[list-item]
        self.emails: list[frozenset[int]] = [_EMPTY] * n  # type: ignore[list-item]
        sizes, tax, kinds, countries, families = cols.size, cols.tax, cols.kind, cols.country, cols.families
        phones, emails = cols.phones, cols.emails
        for i in range(n) if members is None else members:
            self.size[i] = sizes[i]
            t = tax[i]
            if t:
                self.tax[i] = {s: set(v) for s, v in t.items()}
            self.kinds[i], self.countries[i], self.families[i] = kinds[i], countries[i], families[i]
            self.phones[i], self.emails[i] = phones[i], emails[i]
        self.rejects: list[set[tuple[int, int]] | None] = [None] * n
        for i, tags in reject_tags.items():
            self.rejects[i] = tags
        # a root's names (numbers in the run's name table) with their mention counts; None until the
        # root first merges (then built from its atom), and again once it is merged away: no dict per
        # atom for the many that never merge
        self.cols = cols
        self.names: list[dict[int, int] | None] = [None] * n
        self.top: dict[int, list[int]] = {}  # root -> its most frequent names (cached until a merge)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def conflict(self, ra: int, rb: int, decisive: bool = False, judgements: bool = True) -> str | None:
        """Why ``ra`` and ``rb`` cannot be one actor, or None. Unless the link is decisive (a shared tax
        id or e-mail), so do party countries that do not overlap."""
        ta, tb = self.tax[ra], self.tax[rb]
        if ta and tb:
            for scheme, values in ta.items():
                other = tb.get(scheme)
                if other and values.isdisjoint(other):
                    return "tax_id"
        kinds = self.kinds[ra] | self.kinds[rb]
        if len(kinds) > 1:
            return "kind"
        ja, jb = self.rejects[ra], self.rejects[rb]
        if judgements and ja and jb and any((j, 1 - side) in jb for j, side in ja):
            return "judgement"
        if decisive:
            return None
        ca, cb = self.countries[ra], self.countries[rb]
        if ca and cb and ca.isdisjoint(cb):
            return "country"
        fa, fb = self.families[ra], self.families[rb]
        if fa and fb and fa.isdisjoint(fb):
            return "legal_form"
        return None

    def contact_penalty(self, ra: int, rb: int, cfg: ResolutionConfig) -> float:
        """Points against two clusters that both have phones (e-mails) and share none. Not a conflict:
        a company may well use two numbers, but a name alone should not join them."""
        pen = 0.0
        pa, pb = self.phones[ra], self.phones[rb]
        if pa and pb and pa.isdisjoint(pb):
            pen += cfg.other_phone
        ea, eb = self.emails[ra], self.emails[rb]
        if ea and eb and ea.isdisjoint(eb):
            pen += cfg.other_email
        return pen

    def top_names(self, root: int, n: int) -> list[int]:
        hit = self.top.get(root)
        if hit is None:
            names = self._names(root)
            if len(names) <= 1:
                hit = list(names)
            else:  # ties by the names' text
                rank = self.cols.rank
                hit = [k for k, _ in sorted(names.items(), key=lambda kv: (-kv[1], rank[kv[0]]))[:n]]
            self.top[root] = hit
        return hit

    def _names(self, root: int) -> dict[int, int]:
        names = self.names[root]
        if names is None:
            names = self.names[root] = {self.cols.name[root]: self.cols.size[root]}
        return names

    def union(self, ra: int, rb: int) -> int:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        na, nb = self._names(ra), self._names(rb)
        if len(na) < len(nb):
            na, nb = nb, na
        for key, count in nb.items():
            na[key] = na.get(key, 0) + count
        self.names[ra], self.names[rb] = na, None
        self.top.pop(ra, None)
        self.top.pop(rb, None)
        tb = self.tax[rb]
        if tb:
            ta = self.tax[ra]
            if ta is None:
                self.tax[ra] = tb
            else:
                for scheme, values in tb.items():
                    ta.setdefault(scheme, set()).update(values)
        self.kinds[ra] = self.kinds[ra] | self.kinds[rb]
        self.countries[ra] = self.countries[ra] | self.countries[rb]
        self.families[ra] = self.families[ra] | self.families[rb]
        self.phones[ra] = self.phones[ra] | self.phones[rb]
        self.emails[ra] = self.emails[ra] | self.emails[rb]
        jb = self.rejects[rb]
        if jb:
            ja = self.rejects[ra]
            self.rejects[ra] = (ja or set()) | jb
        self.tax[rb] = None
        return ra


def cluster(
    cols: ClusterColumns,
    links: list[Link],
    confirms: list[tuple[int, int]],
    reject_tags: dict[int, set[tuple[int, int]]],
    name_sim: Callable[[int, int], float],
    cfg: ResolutionConfig,
) -> ClusterOutcome:
    """Cluster in this process (``cluster_parts.cluster_parallel`` shares the work with a helper);
    ``name_sim``: the similarity of two names by number (``NameTable.score``)."""
    strong = [lk for lk in links if lk.points >= cfg.match_points]
    applied = apply_links(cols, strong, confirms, reject_tags, name_sim, cfg)
    find = applied.clusters.find
    root_of = [find(i) for i in range(len(cols))]
    return ClusterOutcome(root_of, applied.merge_links, applied.blocked, dict(applied.counts))


@dataclass(slots=True)
class Applied:
    """What ``apply_links`` did: the clusters, and the outcome but for ``root_of``."""

    clusters: _Clusters
    merge_links: dict[int, Link]
    blocked: list[tuple[Link, str]]
    counts: Counter[str]


def apply_links(
    cols: ClusterColumns,
    strong: list[Link],
    confirms: list[tuple[int, int]],
    reject_tags: dict[int, set[tuple[int, int]]],
    name_sim: Callable[[int, int], float],
    cfg: ResolutionConfig,
    members: Iterable[int] | None = None,
) -> Applied:
    """Apply ``confirms``, then the links of ``strong`` (all at or above ``match_points``; reordered in
    place, strongest first). Every decision reads only the clusters at the two ends of a link and of
    the links touching them, so any set of whole connected components (of the links and confirms)
    is clustered exactly as it would be among all the others (``members``: their atoms)."""
    cl = _Clusters(cols, reject_tags, members)
    contested = cols.contested
    counts = Counter[str]()
    merge_links: dict[int, Link] = {}
    blocked: list[tuple[Link, str]] = []

    for a, b in confirms:
        ra, rb = cl.find(a), cl.find(b)
        if ra != rb:
            cl.union(ra, rb)
            counts["confirmed"] += 1

    # strongest first, ties by atom numbers: three stable C-level sorts instead of a key tuple per link
    strong.sort(key=attrgetter("b"))
    strong.sort(key=attrgetter("a"))
    strong.sort(key=attrgetter("points"), reverse=True)
    rivals: dict[int, list[Link]] = {}
    for lk in strong:  # already strongest first, so each list is too
        rivals.setdefault(lk.a, []).append(lk)
        rivals.setdefault(lk.b, []).append(lk)

    def cohesive(ra: int, rb: int, floor: float) -> bool:
        na = cl.top_names(ra, cfg.cohesion_names)
        nb = cl.top_names(rb, cfg.cohesion_names)
        if len(na) == 1 and na == nb:
            return True
        total = sum(name_sim(x, y) for x in na for y in nb)
        return total / (len(na) * len(nb)) >= floor

    def apart(x: int, y: int, names_too: bool) -> bool:
        """Two clusters that could not be one actor on what they carry: a conflict, or (for links
        resting on the name) names that do not hold together."""
        # an analyst's reject separates two groups; it does not make everything around them ambiguous
        return bool(cl.conflict(x, y, judgements=False)) or (names_too and not cohesive(x, y, cfg.name_floor))

    def ambiguous(lk: Link, ra: int, rb: int) -> bool:
        if lk.decisive:
            return False  # a shared tax id or e-mail is not a guess
        name_only = lk.corroboration < cfg.corroborated_points
        for end, own_root, other_root in ((lk.a, ra, rb), (lk.b, rb, ra)):
            for rival in rivals.get(end, ())[:MAX_RIVALS]:
                if rival.points <= lk.points - cfg.ambiguity_margin:
                    break
                if rival is lk:
                    continue
                rf = cl.find(rival.b if rival.a == end else rival.a)
                if rf not in (own_root, other_root) and apart(rf, other_root, name_only):
                    return True
        return False

    corroborated = [lk for lk in strong if lk.corroboration >= cfg.corroborated_points]
    name_only = [lk for lk in strong if lk.corroboration < cfg.corroborated_points]
    for phase in (corroborated, name_only):
        for lk in phase:
            ra, rb = cl.find(lk.a), cl.find(lk.b)
            if ra == rb:
                continue
            reason = cl.conflict(ra, rb, lk.decisive)
            if (
                reason is None
                and lk.corroboration < cfg.corroborated_points
                and (contested[lk.a] or contested[lk.b])
            ):
                reason = "contested"
            if reason is None and not lk.decisive and lk.points + cl.contact_penalty(ra, rb, cfg) < cfg.match_points:
                reason = "contacts"
            if reason is None and ambiguous(lk, ra, rb):
                reason = "ambiguous"
            if reason is None:
                floor = cfg.decisive_name_floor if lk.decisive else cfg.name_floor
                if not cohesive(ra, rb, floor):
                    reason = "cohesion"
            if reason:
                counts[f"blocked_{reason}"] += 1
                blocked.append((lk, reason))
                continue
            cl.union(ra, rb)
            counts["merges"] += 1
            for end in (lk.a, lk.b):
                best = merge_links.get(end)
                if best is None or lk.points > best.points:
                    merge_links[end] = lk
    return Applied(cl, merge_links, blocked, counts)
