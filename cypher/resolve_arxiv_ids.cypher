// The paper each arXiv id names now, batched: its own (`arXiv:<id>`) or the OpenAlex work it
// joined; of several works naming one id, the one holding the arXiv record, then the lowest id.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Paper {arxivId: key.id})
  RETURN p.id AS id
  ORDER BY p.arxivUpdatedDate IS NULL, p.id
  LIMIT 1
}
RETURN key.index AS index, id AS value
