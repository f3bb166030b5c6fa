"""Is a party a company or a person? Hints from its tax-id scheme and from the shape of its name.

The shape rules are deliberately cautious: a hint, never a hard fact, and ``None`` when unsure.
"""

from __future__ import annotations

import re

from .translit import skeleton_token

# python-stdnum module names (as used in ``MentionInput.tax_ids``) that identify only persons or only
# companies. Schemes that cover both (VÖEN, STIR, NTN, VKN) give no hint.
PERSON_SCHEMES = frozenset(
    {"pk.cnic", "kz.iin", "tr.tckimlik", "pl.pesel", "bg.egn", "it.codicefiscale", "uz.pinfl", "az.pin", "ge.pin"}
)
COMPANY_SCHEMES = frozenset({"kz.bin", "ge.company", "pl.regon", "pl.krs", "bg.eik", "it.iva", "pl.nip"})

# Company words in their usual spellings; compared by skeleton, so Логистик, Logistics and Lojistik agree.
_COMPANY_WORDS_WRITTEN = """
trans transit trade treid trading logistic logistics logistik lojistik logistika group grup gruppa
service servis services company kompaniya kompani holding invest investment impex impeks import export
eksport stroy stroi construction agro industry industrial industriya techno tekhno tekno tech tekstil
textile textiles market motors avto auto energy energo plast plastik metal metall neft oil gaz gas cargo
kargo shipping express ekspress line lines corporation korporatsiya sanayi ticaret savdo tijorat tijarat
tovar bank fabrika zavod kombinat farm pharma farma medical medikal system sistem systems solutions
electric elektrik elektro electronics elektronik global international interneshnl alliance alyans
partner partners universal mega expo ekspo tour terminal port food traders trasporti spedycja
freight forwarding agency agentstvo
"""
COMPANY_WORDS = frozenset(skeleton_token(w) for w in _COMPANY_WORDS_WRITTEN.split())
# Surname and patronymic endings of the region, by skeleton.
_SURNAME = re.compile(
    r"(ov|ova|ev|eva|iev|ieva|in|ina|enko|shvili|dze|ian|ion|uli|uly|ulu|ogli|oglu|kizi|zade|zada"
    r"|ski|ska|skaia|ovich|evich|ovna|evna|bekov|bekova|baev|baeva|ich|uk|iuk|chuk)$"
)


def kind_from_scheme(scheme: str | None) -> str | None:
    if not scheme:
        return None
    scheme = scheme.lower()
    if scheme in PERSON_SCHEMES:
        return "person"
    if scheme in COMPANY_SCHEMES:
        return "company"
    return None


def guess_kind(tokens: tuple[str, ...], skeleton: tuple[str, ...]) -> str | None:
    """``company`` if a company word or a number is present; ``person`` for 2-4 letter-only words of
    which one has a surname/patronymic ending or is an initial; otherwise ``None``."""
    if any(s in COMPANY_WORDS for s in skeleton) or any(t.isdigit() for t in tokens):
        return "company"
    if 2 <= len(tokens) <= 4 and all(t.isalpha() for t in tokens):
        words = [s for s in skeleton if len(s) > 1]
        if words and any(_SURNAME.search(s) for s in words):
            return "person"
    return None
