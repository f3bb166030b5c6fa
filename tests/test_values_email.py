"""E-mail addresses."""

from __future__ import annotations

import pytest

from consignet.values import email


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("info@example.com", "info@example.com"),
        ("Info@Example.COM", "info@example.com"),
        ("  sales@shelkovy-put.kz ", "sales@shelkovy-put.kz"),
        ("mailto:Office@Firma.UZ", "office@firma.uz"),
        ("<logistics@port.ge>", "logistics@port.ge"),
        ("a.b+c@sub.domain.com.tr", "a.b+c@sub.domain.com.tr"),
        ("ИНФО@ПОЧТА.РФ", "инфо@почта.рф"),
        ("user@example.com.", "user@example.com"),
    ],
)
def test_valid(raw: str, value: str) -> None:
    result = email.clean(raw)
    assert result.ok, result.problem
    assert result.value == value


@pytest.mark.parametrize(
    "raw",
    ["no-at-sign", "a b@c.com", "@example.com", "user@", "user@localhost", "user@1.2.3.4", "user@-bad-.com",
     "user@exa_mple.com", "user@example.c", "a@b@c", "first;second@x.com"],
)  # fmt: skip
def test_invalid_is_a_warning_without_value(raw: str) -> None:
    result = email.clean(raw)
    assert result.severity == "warn"
    assert result.value is None
    assert result.problem


def test_empty() -> None:
    assert email.clean(" ").ok
