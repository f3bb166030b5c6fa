"""Plausible routes between two countries for planted consignments, and who reports each."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .lanes import CN_RAIL, INLAND, SEAPORTS

ASIA = ("CN", "HK", "AE", "IN")


@dataclass(frozen=True)
class Route:
    mode: str
    pol: str
    tss: tuple[str, ...]
    pod: str
    delivery: str | None
    reporters: tuple[str, ...]  # reporting source countries, originator first
    days: tuple[int, int]


def _asia_port(src: str, rng: random.Random) -> str:
    return rng.choice(SEAPORTS.get(src, SEAPORTS["CN"]))


def route(src: str, dst: str, rng: random.Random) -> Route:
    """How goods from ``src`` reach ``dst`` on the corridors the sources watch."""
    inland = rng.choice(INLAND.get(dst, ["GETBS"]))
    if src == "CN" and dst in ("KZ", "UZ", "PL"):
        pod = inland if dst != "PL" else "PLWAW"
        return Route("rail", rng.choice(CN_RAIL.split()), (rng.choice(("KZDOS", "KZHOR")),), pod, None,
                     (dst,), (8, 20))
    if src == "CN" and dst == "KG":
        return Route("road", rng.choice(("CNURM", "CNHRS")), (), inland, None, ("KG",), (3, 9))
    if src == "CN" and dst == "TJ":
        return Route("road", "CNURM", ("KGOSS",), inland, None, ("TJ",), (5, 12))
    if src in ASIA and dst in ("GE", "AZ", "AM"):
        return Route("sea", _asia_port(src, rng), ("AEJEA",) if src != "AE" else (), rng.choice(("GEPTI", "GEBUS")),
                     None if dst == "GE" else inland, ("GE", "AZ") if dst == "AZ" else ("GE",), (25, 40))
    if src in ASIA and dst in ("TR", "IT", "BG"):
        return Route("sea", _asia_port(src, rng), (), rng.choice(SEAPORTS[dst]), None, (dst,), (20, 35))
    if src in ASIA and dst in ("KZ", "KG", "UZ", "TJ", "TM"):
        return Route("multimodal", _asia_port(src, rng), ("GEPTI", "AZALA"), "KZAAU" if dst != "TM" else "TMKRW",
                     None if dst in ("KZ", "TM") else inland, ("GE", "KZ") if dst != "TM" else ("GE", "TM"), (25, 45))
    if src == "TR":
        if dst == "RU":
            return Route("sea", rng.choice(("TRMER", "TRAMR")), (), "RUNVS", "RUMOW", ("TR",), (4, 10))
        pod = "GEPTI" if dst not in ("KZ", "TM", "UZ", "KG", "TJ") else "KZAAU"
        tss = () if pod == "GEPTI" else ("GEPTI", "AZALA")
        return Route("multimodal" if tss else "sea", rng.choice(("TRMER", "TRAMR", "TRIST")), tss, pod,
                     None if dst == "GE" else inland, ("TR", "GE") if pod == "GEPTI" else ("TR", "KZ"), (4, 25))
    if dst == "RU":
        start = rng.choice(INLAND.get(src, ["GETBS"]))
        via = {"KG": ("KZAST",), "UZ": ("KZSHY",), "TJ": ("UZTAS", "KZSHY"), "AM": ("GETBS",), "AZ": ("AZYAL",),
               "GE": ()}.get(src, ())
        mode = "road" if src in ("KG", "AM", "GE") else "rail"
        reporter = {"KG": "KZ", "AM": "GE", "KZ": "KZ"}.get(src, src)
        return Route(mode, start, via, rng.choice(("RUMOW", "RUKZN", "RUCEK")), None, (reporter,), (3, 10))
    caspian_east = ("KZ", "KG", "UZ", "TJ", "TM")
    if src in caspian_east and dst in ("AZ", "GE", "TR"):
        start = "KZAAU" if src == "KZ" else "TMKRW" if src == "TM" else rng.choice(INLAND[src])
        tss = () if src in ("KZ", "TM") else ("KZAAU",)
        return Route("sea" if not tss else "multimodal", start, tss, "AZALA", None if dst == "AZ" else inland,
                     ("AZ",), (3, 12))
    if src in ("AZ", "GE") and dst in caspian_east:
        pod = "TMKRW" if dst == "TM" else "KZAAU"
        return Route("sea" if src == "AZ" else "multimodal", "AZALA" if src == "AZ" else "GEPTI",
                     () if src == "AZ" else ("AZALA",), pod, None if dst in ("KZ", "TM") else inland,
                     ("KZ",) if dst != "TM" else ("TM",), (2, 10))
    if src in ("KZ", "KG", "UZ", "TJ") and dst in ("KZ", "KG", "UZ", "TJ"):
        return Route("rail" if src != "KG" and dst != "KG" else "road", rng.choice(INLAND[src]), (), inland, None,
                     (dst,), (2, 8))
    return Route("sea", rng.choice(SEAPORTS.get(src, ["TRMER"])), (), "GEPTI", None if dst == "GE" else inland,
                 ("GE",), (5, 20))
