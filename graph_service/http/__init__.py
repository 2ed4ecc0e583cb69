"""The HTTP side: the app factory, its pages, readiness, warm-up and the GraphQL endpoint."""
