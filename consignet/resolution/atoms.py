"""Atoms: mentions with identical evidence, resolved as one unit.

Two mentions whose name (after transliteration), kind, party country, tax ids, phones and e-mails
are all equal carry the same evidence, so they fall in one atom and are never compared again. A
million mentions usually shrink to a fraction of that many atoms. What differs from record to record
(addresses as typed, containers, B/L numbers, counterparties) is pooled per atom. Mentions named in an
analyst's judgement get an atom of their own, so a judgement can separate them from their twins.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from consignet.names import ParsedName, parse_name, to_ascii

from .types import MentionInput

NO_DATE = "9999-12-31"  # mentions without a date sort after dated ones when picking an anchor
_NONE: frozenset[str] = frozenset()


class Atom:
    """One group of mentions with identical evidence, plus the context pooled from their records.

    A plain class with slots and an explicit constructor: a million-mention run builds hundreds of
    thousands of these, and dataclass default factories cost more than the rest of the loop."""

    __slots__ = (
        "idx", "name_key", "parsed", "kind", "country", "tax", "phones", "emails", "mention_ids", "anchor",
        "names", "legal_forms", "legal_families", "bls", "containers", "counterparties", "roles",
        "reporting", "addresses", "contested",
    )  # fmt: skip

    def __init__(
        self,
        name_key: str,
        parsed: ParsedName,
        kind: str,
        country: str | None,
        tax: dict[str, frozenset[str]],
        phones: frozenset[str],
        emails: frozenset[str],
        contested: bool = False,
    ) -> None:
        self.idx = -1
        self.name_key = name_key
        self.parsed = parsed  # the most frequent spelling
        self.kind = kind  # "company" | "person" | "unknown" (as given by ingest)
        self.country = country
        self.tax = tax
        self.phones = phones
        self.emails = emails
        self.contested = contested  # the name is borne by actors that identifiers keep apart
        self.mention_ids: list[str] = []
        self.anchor: tuple[str, str] = (NO_DATE, "")
        self.names: dict[str, int] = {}  # display spellings -> count
        self.legal_forms: dict[str, int] = {}
        # roles, reporting countries and legal-form families: a few distinct small sets shared by all
        # atoms (``_Grow``), not a set each -- 3 x 216 bytes x 368k atoms at 1M mentions
        self.legal_families: frozenset[str] = _NONE
        self.bls: set[tuple[str, str]] = set()  # (B/L, role)
        self.containers: set[tuple[str, str]] = set()  # (container, role)
        self.counterparties: set[str] = set()  # name keys of the other parties
        self.roles: frozenset[str] = _NONE
        self.reporting: frozenset[str] = _NONE
        self.addresses: set[str] = set()  # address fingerprints

    @property
    def size(self) -> int:
        return len(self.mention_ids)


@lru_cache(maxsize=1 << 18)
def address_key(address: str) -> str:
    """Order-free fingerprint of an address: ASCII words, sorted (``ул. Абая 10`` = ``10 Abaya ul``)."""
    return " ".join(sorted(set(to_ascii(address).replace(".", " ").replace(",", " ").split())))


def _kind(value: str | None) -> str:
    value = (value or "").lower()
    return value if value in ("company", "person") else "unknown"


_KNOWN_KINDS = frozenset({"company", "person", "unknown"})


class Contested:
    """Names borne by more than one actor as far as identifiers tell. Many KZ companies are called
    ТОО «Барыс»; for such a name the name alone proves nothing -- but only where the name is shared:

    - two different tax ids in one scheme for the name in one country: in doubt are the name's
      mentions in that country and those without a country;
    - the name in two party countries: in doubt are its mentions without a country;
    - legal forms of two families (an Srl and an SpA): in doubt are its mentions without a legal form.
    """

    def __init__(self, mentions: Iterable[MentionInput], parsed_of: dict[str, ParsedName]) -> None:
        taxes: dict[tuple[str, str | None, str], set[str]] = {}
        countries: dict[str, set[str]] = {}
        families: dict[str, set[str]] = {}
        for m in mentions:
            parsed = parsed_of.get(m.name)
            if parsed is None:
                parsed = parsed_of[m.name] = parse_name(m.name)
            country = m.country.upper() if m.country else None
            for scheme, value in m.tax_ids:
                taxes.setdefault((parsed.key, country, scheme.lower()), set()).add(value)
            if country:
                countries.setdefault(parsed.key, set()).add(country)
            if parsed.legal_family:
                families.setdefault(parsed.key, set()).add(parsed.legal_family)
        self.by_tax = {(key, country) for (key, country, _), values in taxes.items() if len(values) > 1}
        self.by_tax_any = {key for key, _ in self.by_tax}
        self.by_country = {key for key, values in countries.items() if len(values) > 1}
        self.by_form = {key for key, values in families.items() if len(values) > 1}

    def __call__(self, key: str, country: str | None, family: str | None) -> bool:
        if country is None and (key in self.by_tax_any or key in self.by_country):
            return True
        return (key, country) in self.by_tax or (family is None and key in self.by_form)


class _Grow:
    """``s | {x}``, one shared frozenset per distinct value (only their membership and contents are
    used, never their order)."""

    def __init__(self) -> None:
        self.known: dict[frozenset[str], frozenset[str]] = {}

    def __call__(self, values: frozenset[str], value: str) -> frozenset[str]:
        grown = values | {value}
        return self.known.setdefault(grown, grown)


def build_atoms(
    mentions: list[MentionInput], isolated: set[str], parsed_of: dict[str, ParsedName] | None = None
) -> list[Atom]:
    """Group mentions into atoms, numbered deterministically (by their smallest anchor). A mention of a
    contested name with no tax id, phone or e-mail gets an atom of its own: pooling it with its
    namesakes would already be a guess."""
    parsed_of = parsed_of if parsed_of is not None else {}  # cheaper than parse_name's cache per call
    contested = Contested(mentions, parsed_of)
    by_key: dict[tuple, Atom] = {}
    grow = _Grow()
    key_of: dict[str, str] = {}
    for m in mentions:
        parsed = parsed_of.get(m.name)
        if parsed is None:
            parsed = parsed_of[m.name] = parse_name(m.name)
        if m.tax_ids:
            tax_sets: dict[str, set[str]] = {}
            for scheme, value in m.tax_ids:
                tax_sets.setdefault(scheme.lower(), set()).add(value)
            tax_key: tuple = tuple(sorted((s, tuple(sorted(v))) for s, v in tax_sets.items()))
        else:
            tax_key = ()
        phones = m.phones
        phone_key = () if not phones else (phones[0],) if len(phones) == 1 else tuple(sorted(set(phones)))
        emails = m.emails
        email_key = () if not emails else tuple(sorted({e.lower() for e in emails}))
        kind = m.kind if m.kind in _KNOWN_KINDS else _kind(m.kind)
        name_key = parsed.key
        country = m.country.upper() if m.country else None
        disputed = contested(name_key, country, parsed.legal_family)
        alone = disputed and not (tax_key or phone_key or email_key) or m.mention_id in isolated
        key = (
            kind if kind != "unknown" else ("person" if parsed.kind_hint == "person" else "company"),
            name_key,
            country,
            tax_key,
            phone_key,
            email_key,
            parsed.legal_family,
            m.mention_id if alone else None,
        )
        atom = by_key.get(key)
        if atom is None:
            atom = Atom(
                name_key,
                parsed,
                kind,
                country,
                {s: frozenset(v) for s, v in tax_key} if tax_key else {},
                frozenset(phone_key),
                frozenset(email_key),
                disputed,
            )
            by_key[key] = atom
        atom.mention_ids.append(m.mention_id)
        if kind != "unknown" and atom.kind == "unknown":
            atom.kind = kind
        anchor = (m.date or NO_DATE, m.mention_id)
        if not atom.anchor[1] or anchor < atom.anchor:
            atom.anchor = anchor
        names = atom.names
        names[parsed.clean] = names.get(parsed.clean, 0) + 1
        if parsed.legal_form:
            atom.legal_forms[parsed.legal_form] = atom.legal_forms.get(parsed.legal_form, 0) + 1
            family = parsed.legal_family or parsed.legal_form
            if family not in atom.legal_families:
                atom.legal_families = grow(atom.legal_families, family)
        role = m.role
        for bl in m.bl_numbers:
            atom.bls.add((bl, role))
        for box in m.containers:
            atom.containers.add((box, role))
        for other in m.counterparties:
            other_key = key_of.get(other)
            if other_key is None:
                other_parsed = parsed_of.get(other)
                other_key = key_of[other] = (other_parsed or parse_name(other)).key
            if other_key:
                atom.counterparties.add(other_key)
        if role not in atom.roles:
            atom.roles = grow(atom.roles, role)
        if m.reporting_country not in atom.reporting:
            atom.reporting = grow(atom.reporting, m.reporting_country)
        for address in m.addresses:
            fingerprint = address_key(address)
            if fingerprint:
                atom.addresses.add(fingerprint)
    atoms = sorted(by_key.values(), key=lambda a: a.anchor)
    for atom in atoms:
        if len(atom.names) > 1:
            # the most frequent spelling represents the atom; ties broken by the text, not input order.
            # Looked up in ``parsed_of`` first: names parsed by a forked helper are not in parse_name's
            # cache here, and a large run overflows that cache anyway (31k such atoms at 250k mentions,
            # nearly all of their spellings already parsed).
            spelling = min(atom.names.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            parsed = parsed_of.get(spelling)
            atom.parsed = parsed if parsed is not None else parse_name(spelling)
    for i, atom in enumerate(atoms):
        atom.idx = i
    return atoms
