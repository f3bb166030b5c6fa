"""consignet: a knowledge graph of consignments, companies and people shared between customs services."""

__version__ = "0.1.0"
