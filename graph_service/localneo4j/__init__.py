"""The project-managed Neo4j: its distribution, a home to run it in, the machine it runs on."""
