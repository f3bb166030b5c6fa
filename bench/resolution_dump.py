"""Write every output of one resolution run to a file, to check that a change to the resolver leaves
its results byte-identical (a speed-up must not change a decision, a score or an explanation).

    git worktree add /tmp/old <old commit>
    .venv/bin/python /tmp/old/bench/resolution_dump.py --mentions 100000 -o /tmp/old.txt
    .venv/bin/python bench/resolution_dump.py --mentions 100000 -o /tmp/new.txt
    cmp /tmp/old.txt /tmp/new.txt

The mentions are those of ``bench/resolution.py`` (``synthetic.generate``, the same seed); the file
holds every assignment with its score and evidence, every actor summary, the review list, the
state kept for incremental runs (mention -> actor, anchors, aliases), the run's counts and its
pairwise precision and recall. Timings are printed, not written: they differ from run to run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the code of the checkout this script is in

from consignet.resolution import ResolutionConfig, pairwise_scores, resolve  # noqa: E402
from consignet.resolution.synthetic import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=0, help="0: as configured runs choose; 1: one process")
    parser.add_argument("-o", "--output", required=True, help="file to write")
    args = parser.parse_args()
    mentions, truth = generate(args.mentions, seed=args.seed)
    t0 = time.perf_counter()
    res = resolve(mentions, cfg=ResolutionConfig(workers=args.workers))
    wall = time.perf_counter() - t0
    with open(args.output, "w", encoding="utf-8") as fh:
        for mid in sorted(res.assignments):
            a = res.assignments[mid]
            evidence = [(f.name, f.value, f.weight, f.detail) for f in a.evidence]
            fh.write(f"A {mid} {a.actor_id} {a.score!r} {evidence!r}\n")
        fh.writelines(f"S {aid} {res.actors[aid]!r}\n" for aid in sorted(res.actors))
        fh.writelines(f"R {pair!r}\n" for pair in res.review)
        fh.writelines(f"M {mid} {actor}\n" for mid, actor in sorted(res.state.mention_actor.items()))
        fh.writelines(f"N {key} {anchor!r}\n" for key, anchor in sorted(res.state.anchors.items()))
        fh.writelines(f"L {alias} {actor}\n" for alias, actor in sorted(res.aliases.items()))
        st = res.stats
        counts = (st.mentions, st.atoms, st.name_keys, st.blocks, st.blocks_capped, st.name_pairs_scored,
                  st.atom_pairs_scored, st.merges, st.blocked_conflict, st.blocked_cohesion,
                  st.blocked_ambiguous)  # fmt: skip
        fh.write(f"T {' '.join(map(str, counts))}\n")
        scores = pairwise_scores({k: v.actor_id for k, v in res.assignments.items()}, truth)
        fh.write(f"Q {scores!r}\n")
    print(json.dumps({"mentions": len(mentions), "workers": args.workers, "wall_s": round(wall, 2),
                      "steps_s": res.stats.seconds, "output": args.output}))  # fmt: skip


if __name__ == "__main__":
    main()
