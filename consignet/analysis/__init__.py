"""Communities, explained risk, seizures and flags, alerts and exports (see docs/risk.md).

Entry points:

- ``refresh_communities(store)``: after every ingest and resolution run; stores communities and scores and
  raises the alerts of the new records.
- ``get_model(store, viewer)``: the risk model of what a viewer may see (cached until the data change);
  ``consignet.analysis.answers`` shapes it for the API and the CLI.
- ``community_members(store, community_id, viewer)``: the members of one community, for the views.
- ``consignet.analysis.http.router``: the FastAPI routes.
"""

from consignet.analysis.service import community_members, get_model, refresh_communities

__all__ = ["community_members", "get_model", "refresh_communities"]
