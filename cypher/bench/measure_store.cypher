// What the benchmark reports about the graph it ran on.
CALL () {
  MATCH (p:Paper) WHERE NOT coalesce(p.stub, false) RETURN count(p) AS papers
}
CALL () {
  MATCH (a:Author) RETURN count(a) AS authors
}
CALL () {
  MATCH ()-[r]->() RETURN count(r) AS relationships
}
RETURN papers, authors, relationships
