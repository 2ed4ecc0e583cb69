// The server's name, version and edition, as Neo4j reports them.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
