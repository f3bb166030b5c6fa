"""Value types: one small module per kind of field, each with a ``clean()`` (or ``parse()``).

Every cleaner returns a ``Cleaned``: the cleaned value, the raw input, and a problem with its
severity (``reject`` drops the field's value, ``warn`` keeps it). Empty input is never a problem here;
required fields are checked by the ingest pipeline.
"""

from consignet.values import (
    container,
    country,
    dates,
    email,
    hs,
    imo,
    locode,
    numbers,
    phone,
    taxid,
)
from consignet.values.base import Cleaned, RawValue, Severity
from consignet.values.hs import HsCode
from consignet.values.locode import LocodeInfo
from consignet.values.taxid import TaxId

__all__ = [
    "Cleaned",
    "HsCode",
    "LocodeInfo",
    "RawValue",
    "Severity",
    "TaxId",
    "container",
    "country",
    "dates",
    "email",
    "hs",
    "imo",
    "locode",
    "numbers",
    "phone",
    "taxid",
]
