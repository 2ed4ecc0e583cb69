"""What the tests share: a Neo4j of their own, graphs and their dumps, a GraphQL client,
independent answers from Cypher, polling, the browser, and hand-checked reference data."""
