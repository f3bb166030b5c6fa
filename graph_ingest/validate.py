"""Map a raw row through its profile and clean every value: read -> **validate** -> normalise.

Each value type lives in ``consignet.values`` (one module per type); this module only applies them
to the canonical fields a profile names, adds the record-level rules (required fields, weight > 0,
arrival not before departure, at least one party) and builds the parties (mentions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from consignet import ids
from consignet.model import canonical_fields, party_roles
from consignet.names import classify_kind, parse_name
from consignet.values import container, country, dates, email, hs, imo, locode, numbers, phone, taxid
from consignet.values.base import Cleaned

from .profile import Profile
from .readers import RawRow
from .records import ParsedRecord, Party, Problem, Scope

# Lists inside one cell: the profile's separator plus the ones officers type anyway.
_LIST_SPLIT = re.compile(r"[;,|/\n]+")
_KIND_WORDS = {
    "company": "company", "organisation": "company", "organization": "company", "legal": "company",
    "юл": "company", "юр": "company", "юрлицо": "company", "tüzel": "company", "tuzel": "company",
    "person": "person", "individual": "person", "natural": "person", "фл": "person", "физлицо": "person",
    "gerçek": "person", "gercek": "person", "ip": "person", "ип": "person",
}
_CACHE_LIMIT = 200_000


def _text(raw: Any) -> Cleaned:
    if raw is None:
        return Cleaned(None, None)
    text = str(raw).strip()
    return Cleaned(text or None, text)


class RecordBuilder:
    """Builds ParsedRecords for one file read with one profile. Cleaned values are memoised: ports,
    HS codes, countries and phones repeat thousands of times in a file, and cleaning them (check
    digits, phone metadata) is most of the validation cost."""

    def __init__(self, profile: Profile, source_file: str) -> None:
        self.profile = profile
        self.source_file = source_file
        self.fields = canonical_fields(profile.record_type)
        self.required = profile.required_fields()
        self.mapped_headers = set(profile.columns)
        self._cache: dict[tuple[Any, ...], Cleaned] = {}
        self._cleaners: dict[str, Callable[[Any], Cleaned]] = {
            "text": _text,
            "number": lambda raw: numbers.parse(raw, profile.decimal, profile.thousands),
            "integer": lambda raw: numbers.parse(raw, profile.decimal, profile.thousands),
            "date": lambda raw: dates.parse(raw, profile.date_formats, profile.dayfirst),
            "locode": locode.clean, "hs": hs.clean, "imo": imo.clean, "container": container.clean,
            "country": country.clean,
        }

    # -- cleaning helpers -------------------------------------------------------------------------
    def _clean(self, kind: str, raw: Any, *ctx: Any) -> Cleaned:
        key = (kind, raw if not isinstance(raw, (list, dict)) else repr(raw), *ctx)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if kind == "phone":
            result = phone.clean(raw, ctx[0])
        elif kind == "email":
            result = email.clean(raw)
        elif kind == "taxid":
            result = taxid.clean(raw, ctx[0], ctx[1])
        else:
            result = self._cleaners.get(kind, _text)(raw)
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[key] = result
        return result

    def _split(self, raw: Any) -> list[Any]:
        if raw is None:
            return []
        if isinstance(raw, list):
            return [v for v in raw if v not in (None, "")]
        text = str(raw)
        parts = text.split(self.profile.list_separator) if self.profile.list_separator in text else [text]
        out: list[str] = []
        for part in parts:
            out.extend(p.strip() for p in _LIST_SPLIT.split(part) if p.strip())
        return out

    # -- mapping ----------------------------------------------------------------------------------
    def _gather(self, row: RawRow) -> tuple[dict[str, Any], dict[str, Any]]:
        """Canonical field -> raw value(s), and the unmapped columns kept as extras."""
        raw: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for header, value in row.values.items():
            target = self.profile.columns.get(header)
            if target is None:
                if value not in (None, ""):
                    extra[header] = value if isinstance(value, (int, float, str)) else str(value)
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if self.fields[target]["kind"] == "list":
                raw.setdefault(target, []).extend(self._split(value))
            else:
                raw.setdefault(target, value)
        for target, value in self.profile.constants.items():
            raw.setdefault(target, value)
        return raw, extra

    def build(self, row: RawRow) -> ParsedRecord:
        sender = self.profile.reporting_country
        if row.problem:
            rec = ParsedRecord(self.profile.record_type, self.source_file, row.row, sender, raw=row.values)
            rec.problems.append(Problem("row", row.problem, "reject", None))
            return rec
        raw, extra = self._gather(row)
        rec = ParsedRecord(self.profile.record_type, self.source_file, row.row, sender,
                           raw=row.values, extra=extra)
        for name, spec in self.fields.items():
            if "role" in spec or name not in raw:
                continue
            value = raw[name]
            if spec["kind"] == "list":
                item = spec.get("item", "text")
                cleaned = [rec.add(name, self._clean(item, v)) for v in value]
                rec.values[name] = [v for v in cleaned if v is not None]
            else:
                cleaned_value = rec.add(name, self._clean(spec["kind"], value))
                if spec["kind"] == "integer" and cleaned_value is not None:
                    cleaned_value = int(round(cleaned_value))
                rec.values[name] = cleaned_value
        for name in self.required:
            if rec.values.get(name) in (None, []) and name not in {p.field for p in rec.problems}:
                if name in self.fields and "role" in self.fields[name] and raw.get(name):
                    continue  # a party field the profile requires: present as raw text
                rec.problems.append(Problem(name, "required field is missing", "reject", raw.get(name)))
        if self.profile.record_type == "consignment":
            self._parties(rec, raw)
            self._rules(rec, raw)
        self._scope(rec)
        rec.node_id = ids.node_id(
            "Consignment" if rec.record_type == "consignment" else "Seizure",
            rec.originator, str(rec.values.get("record_id")),
        )
        # Forwarders are provenance, not content: the same record forwarded again is a duplicate.
        # repr of key-sorted items: stable for the value types held (str, numbers, dates, lists, frozen
        # dataclasses) and far cheaper than canonical JSON on the hot path.
        content = sorted((k, v) for k, v in rec.values.items() if k not in ("forwarded_by", "originator"))
        parties = [tuple(p.content().values()) for p in rec.parties]
        scope = tuple(rec.scope.as_dict().values()) if rec.scope else None
        rec.content_hash = ids.content_hash(repr((content, parties, scope)))
        return rec

    # -- record rules -----------------------------------------------------------------------------
    def _rules(self, rec: ParsedRecord, raw: dict[str, Any]) -> None:
        mass = rec.values.get("gross_mass_kg")
        if mass is not None and mass <= 0:
            rec.problems.append(Problem("gross_mass_kg", "gross mass must be > 0", "reject",
                                        raw.get("gross_mass_kg")))
        for name in ("value", "packages"):
            number = rec.values.get(name)
            if number is not None and number < 0:
                rec.problems.append(Problem(name, f"{name} must not be negative", "reject", raw.get(name)))
        dep, arr = rec.values.get("departure_date"), rec.values.get("arrival_date")
        if isinstance(dep, date) and isinstance(arr, date) and arr < dep:
            rec.problems.append(Problem("arrival_date", f"arrival {arr} is before departure {dep}",
                                        "reject", raw.get("arrival_date")))
        if not rec.parties:
            rec.problems.append(Problem("consignor_name", "no party named (consignor or consignee)",
                                        "reject", None))

    def _parties(self, rec: ParsedRecord, raw: dict[str, Any]) -> None:
        for position, role in enumerate(party_roles()):
            name = raw.get(f"{role}_name")
            if name is None or not str(name).strip():
                continue
            name = str(name).strip()
            party = Party(role=role, position=position, name=name)
            cty = self._clean("country", raw.get(f"{role}_country"))
            party.country = rec.add(f"{role}_country", cty) if raw.get(f"{role}_country") else None
            for attr in ("address", "city", "postcode"):
                value = raw.get(f"{role}_{attr}")
                setattr(party, attr, str(value).strip() if value not in (None, "") else None)
            context_country = party.country or rec.sender
            if raw.get(f"{role}_phone"):
                party.phone = rec.add(f"{role}_phone", self._clean("phone", raw[f"{role}_phone"],
                                                                   context_country))
            if raw.get(f"{role}_email"):
                party.email = rec.add(f"{role}_email", self._clean("email", raw[f"{role}_email"]))
            if raw.get(f"{role}_tax_id"):
                scheme = raw.get(f"{role}_tax_scheme")
                tax = rec.add(f"{role}_tax_id", self._clean("taxid", raw[f"{role}_tax_id"], party.country,
                                                            str(scheme).strip() if scheme else None))
                if tax is not None:
                    party.tax_scheme, party.tax_id = tax.scheme, tax.value
                    # "format": right shape, no public check digit; "unchecked": no scheme known.
                    party.tax_valid = getattr(tax, "status", "valid") in ("valid", "format")
            parsed = parse_name(name, party.country)
            party.name_clean, party.name_norm = parsed.clean, parsed.norm
            party.legal_form, party.script = parsed.legal_form, parsed.script
            party.kind = self._kind(raw.get(f"{role}_kind"), parsed, party.tax_scheme)
            rec.parties.append(party)

    @staticmethod
    def _kind(explicit: Any, parsed: Any, tax_scheme: str | None) -> str:
        if explicit not in (None, ""):
            word = str(explicit).strip().lower().rstrip(".")
            if word in _KIND_WORDS:
                return _KIND_WORDS[word]
        return classify_kind(parsed, tax_scheme)

    def _scope(self, rec: ParsedRecord) -> None:
        default = self.profile.scope
        originator = rec.values.get("originator") or rec.sender
        kind = rec.values.get("scope_kind") or default.kind
        if kind not in ("network", "group", "countries", "originator"):
            rec.problems.append(Problem("scope_kind", f"unknown sharing scope {kind!r}", "reject", kind))
            kind = "originator"  # the most restrictive reading, should the record ever be kept
        countries = rec.values.get("scope_countries") or list(default.countries)
        rec.scope = Scope(originator, kind, rec.values.get("scope_group") or default.group, countries)
        forwarded = list(rec.values.get("forwarded_by") or [])
        if originator != rec.sender and rec.sender not in forwarded:
            forwarded.append(rec.sender)
        rec.values["forwarded_by"] = forwarded
