"""Mentions from a sample written by ``consignet generate``, with their ground truth.

For evaluation only (tests and bench/resolution.py): reads every consignment file of the sample with
its shipped mapping profile through the ingest readers, and joins each party to ``truth.json`` by
file, row and role. The product resolves mentions the lead's ingest hands over, not these.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from consignet.errors import InputError

from .types import MentionInput


@dataclass(slots=True)
class Sample:
    mentions: list[MentionInput] = field(default_factory=list)
    truth: dict[str, str] = field(default_factory=dict)  # mention id -> true actor
    reporting: dict[str, str] = field(default_factory=dict)  # mention id -> reporting country
    names: dict[str, str] = field(default_factory=dict)
    unmatched: int = 0  # parties with no truth entry


def _date(value: object) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:10]


def load_sample(directory: str | Path) -> Sample:
    """Read a generated sample directory (with ``manifest.json`` and ``truth.json``)."""
    from consignet.ingest.pipeline import jobs_from_paths  # the ingest package is only needed here
    from consignet.ingest.readers import open_source
    from consignet.ingest.validate import RecordBuilder

    directory = Path(directory)
    truth_path = directory / "truth.json"
    if not truth_path.exists():
        raise InputError(f"{directory}: no truth.json (not a generated sample)")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    by_row = {(m["file"], int(m["row"]), m["role"]): m["actor"] for m in truth["mentions"]}
    sample = Sample()
    seen: set[str] = set()
    for job in jobs_from_paths([directory], None):
        if job.profile.record_type != "consignment":
            continue
        builder = RecordBuilder(job.profile, job.label)
        for raw in open_source(job.path, job.profile).rows():
            rec = builder.build(raw)
            if rec.rejected:
                continue
            values = rec.values
            date = _date(values.get("departure_date") or values.get("arrival_date") or values.get("shared_date"))
            containers = tuple(str(c) for c in values.get("containers") or ())
            bl = values.get("bl_number")
            for party in rec.parties:
                mid = f"{rec.node_id}|{party.role}"
                if mid in seen:  # the same record again (duplicate row or forwarded copy)
                    continue
                actor = by_row.get((job.label, rec.row, party.role))
                if actor is None:
                    sample.unmatched += 1
                    continue
                seen.add(mid)
                address = ", ".join(p for p in (party.address, party.city) if p)
                sample.mentions.append(
                    MentionInput(
                        mention_id=mid,
                        name=party.name,
                        kind=party.kind,
                        country=party.country,
                        reporting_country=rec.originator,
                        role=party.role,
                        record_id=rec.node_id,
                        date=date,
                        tax_ids=((party.tax_scheme, party.tax_id),)
                        if party.tax_id and party.tax_scheme and party.tax_valid
                        else (),
                        phones=(party.phone,) if party.phone else (),
                        emails=(party.email,) if party.email else (),
                        addresses=(address,) if address else (),
                        containers=containers,
                        bl_numbers=(str(bl),) if bl else (),
                        counterparties=tuple(o.name for o in rec.parties if o is not party),
                    )
                )
                sample.truth[mid] = actor
                sample.reporting[mid] = rec.originator
                sample.names[mid] = party.name
    return sample
