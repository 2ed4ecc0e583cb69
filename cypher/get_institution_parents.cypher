// Each institution's parent institutions (OpenAlex lineage).
UNWIND $keys AS key
MATCH (i:Institution {id: key.id})
CALL (i) {
  MATCH (i)-[:PART_OF]->(parent:Institution)
  WITH parent
  ORDER BY parent.id
  RETURN collect(parent {.id, .name, .ror, .countryCode, .type}) AS parents
}
RETURN key.index AS index, parents AS value
