"""The project's own Neo4j: Maven-fetched Community jars run by a small Java launcher (see manager.py)."""

from consignet.neo4j_server.manager import Neo4jServer, Neo4jServerError, port_is_free, reset_database

__all__ = ["Neo4jServer", "Neo4jServerError", "port_is_free", "reset_database"]
