"""One thin router per resource: parse parameters, call the store, return its answer."""

from consignet.api.routers import actors, cypher, graph, identifiers, review, status, transport

ALL = [status.router, actors.router, graph.router, identifiers.router, transport.router, review.router,
       cypher.router]
