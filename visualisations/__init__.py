"""HTML network views investigators open offline: an actor's network, the paths between two actors, a
community, the repeat actors across countries and a container's history (see docs/views.md).

Each ``*_view`` function asks the analysis reads the API uses and returns a ``ViewGraph``; ``render``
writes it as one self-contained HTML page (pyvis / vis-network, every script and style inline).
"""

from consignet.visualisations.graph import LinkPart, ViewEdge, ViewGraph, ViewNode
from consignet.visualisations.history_views import container_view, repeat_actors_view
from consignet.visualisations.network_views import (
    ACTOR_LINKS,
    DEFAULT_MAX_NODES,
    MAX_NODES_LIMIT,
    actor_view,
    community_view,
    group_view,
    paths_view,
)
from consignet.visualisations.page import render

__all__ = [
    "ACTOR_LINKS",
    "DEFAULT_MAX_NODES",
    "MAX_NODES_LIMIT",
    "LinkPart",
    "ViewEdge",
    "ViewGraph",
    "ViewNode",
    "actor_view",
    "community_view",
    "container_view",
    "group_view",
    "paths_view",
    "render",
    "repeat_actors_view",
]
