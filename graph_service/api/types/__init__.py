"""The graph as GraphQL types: one module per kind of node, with its ties to the others."""
