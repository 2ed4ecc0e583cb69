// Each author's institutions with the years and number of papers, most papers first.
UNWIND $keys AS key
MATCH (a:Author {id: key.id})
CALL (a) {
  MATCH (a)-[r:AFFILIATED_WITH]->(i:Institution)
  WITH r, i
  ORDER BY r.papers DESC, r.lastYear DESC, i.id
  RETURN collect({
    institution: i {.id, .name, .ror, .countryCode, .type},
    firstYear: r.firstYear, lastYear: r.lastYear, papers: r.papers
  }) AS affiliations
}
RETURN key.index AS index, affiliations AS value
