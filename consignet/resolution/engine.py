"""``resolve``: mentions in, actors out. Block, score, cluster, name, explain.

Incremental runs: ``previous.mentions`` holds every mention resolved so far; a new batch is resolved
together with them, so the grouping is by construction the one of resolving everything at once, and
``identity.assign_ids`` keeps the ids stable. The expensive parts scale with distinct names and atoms,
not with mentions (see bench/resolution.py for measured times).
"""

from __future__ import annotations

import gc
import sys
import time
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import fields
from functools import partial
from itertools import chain
from typing import Any

import numpy as np

from consignet.names import ParsedName

from .atom_parts import build_atoms_parallel
from .atoms import Atom, build_atoms
from .blocking import identifier_pairs, name_candidates
from .cluster import Link, cluster
from .cluster_parts import cluster_parallel
from .columns import ClusterColumns
from .config import DEFAULT_CONFIG, ResolutionConfig
from .helper import Tables, after_scoring, compare, remote_steps
from .helper import links_of as helper_links_of
from .identity import assign_ids
from .judgements import ResolvedJudgements, resolve_judgements
from .name_table import NameTable
from .output import build_outputs
from .parallel import Helpers, chunks, fork_keep, fork_map, killed_on_error, reap, worker_count
from .remote import Remote
from .scoring import Scorer, share_points
from .types import Judgement, MentionInput, ResolutionResult, ResolutionState, ResolutionStats
from .vectors import AtomArrays

NO_DATE = "9999-12-31"
# This process's share of the pair scoring against an equal one: with 0.9 (``parallel.HERE_SHARE``) it
# waited ~2 s for a forked helper at 1M mentions (which took copy-on-write faults on what it read)
SCORE_SHARE = 1.1


def resolve(
    mentions: Iterable[MentionInput],
    previous: ResolutionState | None = None,
    judgements: Sequence[Judgement] = (),
    cfg: ResolutionConfig = DEFAULT_CONFIG,
) -> ResolutionResult:
    """Resolve ``mentions`` (with every mention of ``previous``) into actors; see the package doc."""
    # The run allocates millions of small objects that all live to the end; Python's cyclic garbage
    # collector would rescan them again and again (measured: a third of the run time). Nothing here
    # creates reference cycles that need collecting, so it is paused for the run.
    enabled = gc.isenabled()
    gc.disable()
    try:
        run = _Run(mentions, previous, judgements, cfg)
        with killed_on_error(run.remote):
            return run.result()
    finally:
        reap()
        if enabled:
            gc.enable()


class _Run:
    def __init__(
        self,
        mentions: Iterable[MentionInput],
        previous: ResolutionState | None,
        judgements: Sequence[Judgement],
        cfg: ResolutionConfig,
    ) -> None:
        self.clock, self.cpu = time.perf_counter(), time.process_time()
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.cfg = cfg
        self.previous = previous
        self.counts: dict[str, int] = defaultdict(int)
        self.mentions: dict[str, MentionInput] = dict(previous.mentions) if previous else {}
        for m in mentions:
            self.mentions[m.mention_id] = m
        self.judged: ResolvedJudgements = resolve_judgements(judgements, previous, self.mentions)
        self.workers = worker_count(len(self.mentions), cfg)
        # On two processes, the helper that compares, scores and clusters is started first: its
        # interpreter starts and imports while the names are parsed (``remote``; without a Python
        # executable to start, as when embedded, a fork does it). Its settings go as a plain
        # ``ResolutionConfig``: a subclass defined in a script could not be loaded there.
        self.remote: Remote | None = None
        if self.workers == 2 and cfg.blocking and sys.executable:
            plain = ResolutionConfig(**{f.name: getattr(cfg, f.name) for f in fields(ResolutionConfig)})
            self.remote = Remote(remote_steps, plain)
        listed = list(self.mentions.values())
        with killed_on_error(self.remote):
            if self.workers == 1:
                self.atoms: list[Atom] = build_atoms(listed, self.judged.isolated)
            else:  # parsing and grouping shared with a fork
                self.atoms = build_atoms_parallel(listed, self.judged.isolated, self.workers)[0]
            del listed
            self.lap("atoms")
            self.names = NameTable(self.atoms)
            self.key_of = [self.names.index[a.name_key] for a in self.atoms]

    def lap(self, step: str) -> None:
        now, now_cpu = time.perf_counter(), time.process_time()
        self.seconds[step] = round(now - self.clock, 3)
        self.cpu_seconds[step] = round(now_cpu - self.cpu, 3)
        self.clock, self.cpu = now, now_cpu

    # -- candidate pairs ------------------------------------------------------------------------------
    def pairs_and_scorer(self, keep: bool = False) -> tuple[set[tuple[int, int]], Scorer, Remote | None]:
        """The pairs of atoms to score (``blocked_pairs``) and the scorer; also ``cols``, what
        clustering reads of the atoms. ``keep``: with two processes, the helper started with the run
        (``remote``) finds the name candidates while this process builds the scorer's tables, compares
        its share of the names, and is returned, to score and cluster (``helper.remote_steps``)."""
        remote, self.remote = self.remote, None
        if remote is not None and not keep:  # not wanted: ended
            remote.close()
            remote = None
        names = self.names
        with killed_on_error(remote):
            if remote is None:
                candidates = name_candidates(names.parsed, self.cfg, self.counts)
            else:
                remote.send([([_compared_fields(p) for p in names.parsed], names.person)])
            rarity, cp_rarity, id_pairs, counts, arrays = self.tables()
            for key, n in counts.items():
                self.counts[key] += n
            scorer = Scorer(self.cfg, rarity, cp_rarity, arrays)
            self.cols = ClusterColumns(self.atoms, arrays, self.key_of, names.index)
            if remote is None:
                groups = [(i, list(js)) for i, js in enumerate(candidates) if js]
                del candidates
                compared = fork_map(partial(compare, names), chunks(groups, self.workers))
            else:
                remote.send([(arrays, self.cols)])
                [(here, counts)] = remote.receive()
                for key, n in counts.items():
                    self.counts[key] += n
                compared = [compare(names, here), *remote.receive()]
                del here
                remote.send([compared[0]])
            return self.blocked_pairs(compared, id_pairs), scorer, remote

    def blocked_pairs(
        self, compared: list[list[tuple[int, int, float]]], identifier_pairs: array
    ) -> set[tuple[int, int]]:
        """Pairs of atoms to score: those of similar names (``compared``: the name similarities each
        process computed, emptied once read), then those that share an identifier
        (``identifier_pairs``: heads and tails, interleaved)."""
        cfg, names = self.cfg, self.names
        pairs: set[tuple[int, int]] = set()
        for scored in compared:
            for i, j, score in scored:
                names.cache[(i, j)] = score
                if score >= cfg.name_pivot:
                    _cross(names.reps[i], names.reps[j], pairs, cfg.max_same_name_atoms)
        compared.clear()
        for k, groups in enumerate(names.groups):
            for members in groups.values():
                pairs.update(zip(members, members[1:], strict=False))
            _cross(names.reps[k], names.reps[k], pairs, cfg.max_same_name_atoms)
        self.lap("name_blocks")
        pairs.update(zip(identifier_pairs[::2], identifier_pairs[1::2], strict=True))
        return pairs

    def tables(self) -> Tables:
        """What the scorer needs to know about all atoms: their evidence as arrays (``vectors``) with
        the points of sharing each e-mail, phone, address and counterparty, how many distinct names
        carry those (for the explanations), the pairs of atoms that share an identifier (tax id,
        phone, e-mail, address, B/L in the same role), and the blocking counts of those."""
        cfg = self.cfg
        arrays = AtomArrays(self.atoms, self.key_of)
        rarity: dict[tuple[str, Any], int] = {}
        for kind, field in (("email", arrays.emails), ("phone", arrays.phones), ("address", arrays.addresses)):
            names = arrays.distinct_names(field).tolist()
            arrays.weights[kind] = np.array([share_points(cfg, kind, n) for n in names])
            rarity.update(((kind, field.values[k]), n) for k, n in enumerate(names) if n > 1)
        names = arrays.distinct_names(arrays.counterparties).tolist()
        cp_rarity = dict(zip(arrays.counterparties.values, names, strict=True))
        arrays.weights["counterparty"] = np.array([share_points(cfg, "counterparty", n) for n in names])
        counts: dict[str, int] = defaultdict(int)
        fields = (arrays.tax, arrays.phones, arrays.emails, arrays.addresses, arrays.bls)
        blocks = chain.from_iterable(field.blocks() for field in fields)
        pairs = array("q", chain.from_iterable(identifier_pairs(blocks, cfg, counts)))
        return rarity, cp_rarity, pairs, dict(counts), arrays.without_values()  # type: ignore[return-value]

    def score(
        self,
        pairs: Iterable[tuple[int, int]],
        scorer: Scorer,
        follow: Callable[[Any], Any] | None = None,
        kept: Helpers | None = None,
        judged: tuple[list[tuple[int, int]], dict[int, set[tuple[int, int]]]] = ([], {}),
    ) -> tuple[list[Link], list[int], Helpers | None]:
        """The links (pairs at or above ``unsure_points``): those found here, then each helper's; how
        many each found; with ``follow``, forked helpers, kept for it (``parallel.fork_keep``); with
        ``kept`` (the helper process from ``pairs_and_scorer``), it scores, sent the analysts' confirms
        and reject tags (``judged``) for what follows."""
        links_of = partial(helper_links_of, self.key_of, self.names, scorer, self.cfg)
        if self.workers > 1 and not isinstance(pairs, list):
            pairs = list(pairs)  # once: cut into parts below
        if kept is not None:
            parts = chunks(pairs, len(kept.children) + 1, SCORE_SHARE)  # type: ignore[arg-type]
            parts += [[]] * (len(kept.children) + 1 - len(parts))  # a few pairs: a part each all the same
            with killed_on_error(kept):
                results = kept.ask([(part, *judged) for part in parts[1:]], partial(links_of, parts[0]))
        else:
            parts = chunks(pairs, self.workers, SCORE_SHARE) if self.workers > 1 else [pairs]  # type: ignore[arg-type]
            if follow is None:
                results = fork_map(links_of, parts)
            else:
                results, kept = fork_keep(links_of, parts, follow)
        return [Link(*t) for found in results for t in found], [len(found) for found in results], kept

    def identify(self, root_of: list[int]) -> tuple[dict[int, str], dict[str, tuple[str, str]], dict[str, str]]:
        """Actor ids (``identity.assign_ids``) from each cluster's oldest mention (the smallest of its
        atoms' anchors); all its mentions, sorted, only when asked."""
        atoms, mentions = self.atoms, self.mentions
        firsts: dict[int, tuple[str, str]] = {}
        for atom in atoms:
            root = root_of[atom.idx]
            first = firsts.get(root)
            if first is None or atom.anchor < first:
                firsts[root] = atom.anchor
        by_root: dict[int, list[Atom]] = {}

        def members(root: int) -> list[tuple[str, str]]:
            if not by_root:
                for atom in atoms:
                    by_root.setdefault(root_of[atom.idx], []).append(atom)
            return sorted((mentions[mid].date or NO_DATE, mid) for atom in by_root[root] for mid in atom.mention_ids)

        return assign_ids(firsts, members, self.previous)

    # -- the run --------------------------------------------------------------------------------------
    def result(self) -> ResolutionResult:
        pairs: Iterable[tuple[int, int]]
        chained: Remote | None = None
        judged, atoms, names = self.judged, self.atoms, self.names
        # what the analysts judged, by atom: read here, from every atom (the helpers never see one)
        confirms, rejects = judged.confirm_atoms(atoms), judged.reject_tags(atoms)
        if self.cfg.blocking:
            pairs, scorer, chained = self.pairs_and_scorer(keep=True)
            pair_count = len(pairs)  # type: ignore[arg-type]
        else:  # the benchmark's reference: every pair, the same scoring and clustering
            rarity, cp_rarity, _, _, arrays = self.tables()
            scorer = Scorer(self.cfg, rarity, cp_rarity, arrays)
            self.cols = ClusterColumns(atoms, arrays, self.key_of, names.index)
            n = len(atoms)
            pairs, pair_count = _every_pair(n), n * (n - 1) // 2
        self.lap("blocking")
        # the scoring helpers are kept: they cluster connected components (``cluster_parts``)
        follow = partial(after_scoring, self.cols, confirms, rejects, names, self.cfg) if self.workers > 1 else None
        known = len(names.cache)
        links, sizes, kept = self.score(pairs, scorer, follow, chained, (confirms, rejects))
        # the helpers end with clustering: this process reads every atom again from here on
        with kept if kept is not None else nullcontext():
            del pairs  # the largest structure of the run: not needed any more
            self.lap("scoring")
            if kept is None:
                outcome = cluster(self.cols, links, confirms, rejects, names.score, self.cfg)
            else:
                outcome = cluster_parallel(self.cols, links, sizes, kept, confirms, rejects, names, self.cfg, known)
        del self.cols
        self.lap("clustering")
        ids, anchors, aliases = self.identify(outcome.root_of)
        mention_actor = _mention_actor(atoms, ids, outcome.root_of)
        self.lap("ids")
        out = build_outputs(atoms, outcome, links, ids, aliases, judged, scorer, names.sim, self.key_of,
                            self.mentions, self.cfg)  # fmt: skip
        state = ResolutionState(
            mentions=self.mentions,
            mention_actor=mention_actor,
            anchors=anchors,
            aliases=aliases,
        )
        self.lap("outputs")
        blocked = outcome.counts
        stats = ResolutionStats(
            mentions=len(self.mentions),
            atoms=len(atoms),
            name_keys=len(self.names.parsed),
            blocks=self.counts["blocks"],
            blocks_capped=self.counts["blocks_capped"],
            name_pairs_scored=len(self.names.cache),
            atom_pairs_scored=pair_count,
            merges=blocked.get("merges", 0),
            blocked_conflict=sum(blocked.get(f"blocked_{r}", 0) for r in _CONFLICTS),
            blocked_cohesion=blocked.get("blocked_cohesion", 0),
            blocked_ambiguous=blocked.get("blocked_ambiguous", 0) + blocked.get("blocked_contested", 0),
            seconds=self.seconds,
            cpu_seconds=self.cpu_seconds,
        )
        return ResolutionResult(out.assignments, out.actors, out.review, aliases, state, stats)


_CONFLICTS = ("tax_id", "kind", "judgement", "country", "contacts", "legal_form")


def _mention_actor(atoms: list[Atom], ids: dict[int, str], root_of: list[int]) -> dict[str, str]:
    """mention id -> actor id, in the order of the atoms (``dict.fromkeys`` fills a whole atom in C)."""
    out: dict[str, str] = {}
    for atom in atoms:
        actor = ids[root_of[atom.idx]]
        if len(atom.mention_ids) == 1:
            out[atom.mention_ids[0]] = actor
        else:
            out.update(dict.fromkeys(atom.mention_ids, actor))
    return out


def _every_pair(n: int) -> Iterator[tuple[int, int]]:
    for a in range(n):
        for b in range(a + 1, n):
            yield a, b


def _cross(xs: list[int], ys: list[int], pairs: set[tuple[int, int]], limit: int) -> None:
    """Pairs between two lists of representatives; very long lists are cut to their first atoms."""
    for a in xs[:limit]:
        for b in ys[:limit]:
            if a != b:
                pairs.add((a, b) if a < b else (b, a))


def _compared_fields(parsed: ParsedName) -> tuple:
    """What comparing and blocking read of a parsed name, as a plain tuple of ``ParsedName``'s fields
    (the others empty): what the helper is sent."""
    return ("", "", None, None, None, parsed.kind_hint, parsed.script, "", parsed.tokens, parsed.skeleton,
            parsed.key, parsed.compact, parsed.phonetic)  # fmt: skip
