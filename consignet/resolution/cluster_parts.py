"""Cluster on both cores: the connected components of the links are cut into one part per process.

Clustering never looks across a connected component of the strong links and analyst confirms: a
union follows a link or a confirm, and every check of a link (conflict, contacts, ambiguity through
the rival links at its ends, cohesion) reads only the clusters at the ends of links of that
component. So the components are cut into parts (whole components, about equal numbers of links), and
each process applies its part's confirms and links in the global order (``cluster.apply_links``).
Within a component the unions happen in the same order as in one process, so the roots, the merge
links and the reasons are the same.

The helper is the one that scored pairs (``remote``, or a fork kept by ``parallel.fork_keep``): it
already holds the links it found. It is sent the component of every atom and the strong links of its
part that this process found; it sends back the roots, merge links and blocked links (by position
in ``links``), counts and the name similarities it computed (``name_pairs_scored`` is the size of
that cache); the blocked links are then put back in the order of one process.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, compress, islice
from operator import and_, attrgetter, itemgetter

from .cluster import Applied, ClusterOutcome, Link, apply_links, cluster
from .columns import ClusterColumns
from .config import ResolutionConfig
from .name_table import NameTable
from .parallel import Helpers

# Below this many strong links clustering takes well under a second: not worth the exchange.
PARALLEL_FROM_LINKS = 20_000
# This process's part against an equal one. At 1M mentions, 1.2 left this process waiting ~0.7 s for
# the helper, which also unpacks the links it is sent and packs what it found; at 1.35 neither waits.
HERE_SHARE = 1.35
# Parts are cut at quantiles of the links' component numbers, taken from every SAMPLE-th link (sorting
# all of them is ~0.1 s at 1M mentions for a balance that is as good to within a fraction of a percent).
SAMPLE = 16

_Columns = tuple[array, array, array, array, bytes]  # points, a, b, corroboration, decisive
# A helper sent (CACHE, known) instead of its part answers with its name cache beyond ``known`` entries
CACHE = "cache"


def cluster_parallel(
    cols: ClusterColumns,
    links: list[Link],
    sizes: Sequence[int],
    kept: Helpers,
    confirms: list[tuple[int, int]],
    reject_tags: dict[int, set[tuple[int, int]]],
    names: NameTable,
    cfg: ResolutionConfig,
    known: int,
    from_links: int | None = None,
) -> ClusterOutcome:
    """``cluster.cluster`` with the components shared with the helpers kept from scoring: ``links``
    is the links found here (``sizes[0]`` of them) followed by those of each helper; ``known`` the
    size of the name cache when they were forked (a helper process knows its own). Below
    ``from_links`` strong links (default ``PARALLEL_FROM_LINKS``) everything is clustered here and the
    helpers are closed."""
    workers = len(sizes)
    is_strong = list(map(cfg.match_points.__le__, map(attrgetter("points"), links)))
    strong = list(compress(links, is_strong))
    if len(strong) < max(PARALLEL_FROM_LINKS if from_links is None else from_links, 2 * workers):
        # first the name similarities the helpers computed while scoring, as the parallel path brings
        # them back: the run's ``name_pairs_scored`` is the size of this cache, the same on one process
        kept.send([(CACHE, known)] * (workers - 1))
        for cache in kept.receive():
            names.cache.update(cache)
        kept.close()
        return cluster(cols, links, confirms, reject_tags, names.score, cfg)
    n = len(cols)
    position = list(compress(range(len(links)), is_strong))  # of each strong link in ``links``
    heads, tails = list(map(attrgetter("a"), strong)), list(map(attrgetter("b"), strong))
    component = components(n, heads + [a for a, _ in confirms], tails + [b for _, b in confirms])
    del tails
    number = list(map(component.__getitem__, heads))  # each link's component (its smallest atom)
    del heads
    sample = sorted(number[::SAMPLE])
    share = HERE_SHARE / (HERE_SHARE + workers - 1)  # of the links for this process, the rest equally
    cuts = [sample[min(len(sample) - 1, int(len(sample) * (share + k * (1 - share) / (workers - 1))))]
            for k in range(workers - 1)]  # fmt: skip
    bounds = [(lo, hi) for lo, hi in zip([0, *cuts], [*cuts, n], strict=True)]
    starts = list(accumulate(sizes, initial=0))  # ``links``: those found here, then by each helper
    ends = [bisect_left(position, start) for start in starts]  # the same cuts in ``strong``
    table = array("q", component)
    messages = []
    for part in range(1, workers):
        # the strong links of the part's components that the others found (the helper has its own)
        others = [*range(ends[part]), *range(ends[part + 1], len(strong))]
        lacking = list(compress(others, _within(list(map(number.__getitem__, others)), *bounds[part])))
        columns = _columns(list(map(strong.__getitem__, lacking)))
        where = array("q", map(position.__getitem__, lacking))
        messages.append((starts[part], bounds[part], table, known, columns, where))

    def here() -> Applied:
        lo, hi = bounds[0]
        mine = list(compress(strong, _within(number, lo, hi)))
        members = compress(range(n), _within(component, lo, hi))
        own = [(a, b) for a, b in confirms if lo <= component[a] < hi]
        return apply_links(cols, mine, own, reject_tags, names.score, cfg, members)

    own, *results = kept.ask(messages, here)
    root_of = _roots(own.clusters.parent)
    merge_links, blocked, counts = own.merge_links, own.blocked, own.counts
    for roots, merged_atoms, merged_links, stopped, reasons, counted, cache in results:
        # an atom is its own root in every part but its own
        root_of = [r if r != i else theirs for i, (r, theirs) in enumerate(zip(root_of, roots, strict=True))]
        for atom, k in zip(merged_atoms, merged_links, strict=True):
            merge_links[atom] = links[k]
        blocked.extend(zip(map(links.__getitem__, stopped), reasons, strict=True))
        counts.update(counted)
        names.cache.update(cache)
    # the order of one process: corroborated links first, then those resting on the name; each
    # strongest first, ties by atom numbers (``output._review`` keeps the first of equal links)
    corroborated = cfg.corroborated_points
    blocked.sort(key=lambda t: (t[0].corroboration < corroborated, -t[0].points, t[0].a, t[0].b))
    return ClusterOutcome(root_of, merge_links, blocked, dict(counts))


def in_helper(
    cols: ClusterColumns,
    confirms: list[tuple[int, int]],
    reject_tags: dict[int, set[tuple[int, int]]],
    names: NameTable,
    cfg: ResolutionConfig,
    found: list[tuple[float, int, int, float, bool]],
    message: tuple,
    known: int | None = None,
) -> tuple:
    """The helper's part of ``cluster_parallel`` (run by ``helper.after_scoring`` in the helper kept from
    scoring): ``found`` are the links it scored (as tuples, at ``start`` in the parent's ``links``),
    ``message`` what ``cluster_parallel`` sends; ``known``, when given, instead of the size of the
    run's name cache that the message carries (a helper process's cache does not begin as the run's)."""
    start, (lo, hi), component, sent_known, columns, where = message
    known = sent_known if known is None else known
    # what this helper's cache holds beyond the parent's (``known`` entries): the name similarities it
    # computed while scoring and, below, while clustering; all go back, so the run's statistic
    # ``name_pairs_scored`` is that of one process
    cache = names.cache
    ours = list(map(and_, map(cfg.match_points.__le__, map(itemgetter(0), found)),
                    _within(list(map(component.__getitem__, map(itemgetter(1), found))), lo, hi)))  # fmt: skip
    mine = [Link(*t) for t in compress(found, ours)]
    points, heads, tails, corroboration, decisive = columns
    mine += map(Link, points, heads, tails, corroboration, map(bool, decisive))
    at = dict(zip(map(id, mine), [*compress(range(start, start + len(found)), ours), *where], strict=True))
    members = compress(range(len(cols)), _within(component, lo, hi))
    own = [(a, b) for a, b in confirms if lo <= component[a] < hi]
    applied = apply_links(cols, mine, own, reject_tags, names.score, cfg, members)
    merged = applied.merge_links
    return (  # arrays of numbers: pickled as bytes
        array("q", _roots(applied.clusters.parent)),
        array("q", merged),
        array("q", [at[id(lk)] for lk in merged.values()]),
        array("q", [at[id(lk)] for lk, _ in applied.blocked]),
        [why for _, why in applied.blocked],
        dict(applied.counts),
        list(islice(cache.items(), known, None)),
    )


def components(n: int, heads: list[int], tails: list[int]) -> list[int]:
    """The connected component of each of ``n`` nodes joined by the edges ``heads[i]``--``tails[i]``,
    named by its smallest node. Union-find written out inline (path halving, the larger root under
    the smaller): 0.44 s for 972k links at 1M mentions, against 0.75 s with a ``find`` function."""
    parent = list(range(n))
    for a, b in zip(heads, tails, strict=True):
        up = parent[a]
        while up != a:
            parent[a] = a = parent[up]
            up = parent[a]
        up = parent[b]
        while up != b:
            parent[b] = b = parent[up]
            up = parent[b]
        if a < b:
            parent[b] = a
        elif b < a:
            parent[a] = b
    # every node's parent is smaller than itself or itself: one pass in order points all at the root
    for i in range(n):
        parent[i] = parent[parent[i]]
    return parent


def _columns(links: list[Link]) -> _Columns:
    return (
        array("d", map(attrgetter("points"), links)),
        array("q", map(attrgetter("a"), links)),
        array("q", map(attrgetter("b"), links)),
        array("d", map(attrgetter("corroboration"), links)),
        bytes(map(attrgetter("decisive"), links)),
    )


def _within(values: Sequence[int], lo: int, hi: int) -> list[bool]:
    """``lo <= v < hi`` for each of ``values``, at C speed."""
    if lo == 0:
        return list(map(hi.__gt__, values))
    return list(map(and_, map(lo.__le__, values), map(hi.__gt__, values)))


def _roots(parent: Sequence[int]) -> list[int]:
    """Every node's root in a union-find forest: pointer jumping at C speed (``find`` has already
    flattened most paths: one or two rounds of ~10 ms at 1M mentions)."""
    roots = list(parent)
    while True:
        up = list(map(roots.__getitem__, roots))
        if up == roots:
            return up
        roots = up
