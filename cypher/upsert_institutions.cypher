// Institutions: known fields overwrite, unknown (null) ones keep what is stored;
// `parents` are the other institutions of the OpenAlex lineage.
UNWIND $institutions AS i
MERGE (n:Institution {id: i.id})
SET n.name = coalesce(i.name, n.name),
    n.ror = coalesce(i.ror, n.ror),
    n.countryCode = coalesce(i.countryCode, n.countryCode),
    n.type = coalesce(i.type, n.type),
    n.city = coalesce(i.city, n.city)
WITH n, i
CALL (n, i) {
  UNWIND i.parents AS parentId
  MERGE (m:Institution {id: parentId})
  MERGE (n)-[:PART_OF]->(m)
}
