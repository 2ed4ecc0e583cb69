"""Knowledge-graph service for research discovery: Neo4j behind a bounded GraphQL API."""
