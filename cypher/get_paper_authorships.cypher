// Each paper's authorships in byline order, with the authors' fields.
UNWIND $keys AS key
MATCH (p:Paper {id: key.id})
CALL (p) {
  MATCH (a:Author)-[r:AUTHORED]->(p)
  WITH a, r
  ORDER BY r.position, a.id
  RETURN collect({
    position: r.position, isCorresponding: r.isCorresponding,
    institutionIds: coalesce(r.institutionIds, []),
    author: a {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance}
  }) AS authorships
}
RETURN key.index AS index, authorships AS value
