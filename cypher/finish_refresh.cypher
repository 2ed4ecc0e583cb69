// Step 3: the batch is up to date. An arXiv author (id $arxivAuthor...) left without papers
// (their paper turned out to be an OpenAlex work, with OpenAlex's authors) has nothing left
// to stand for, and goes; an OpenAlex author stays, as OpenAlex keeps them.
MATCH (a:Author:Refreshing)
REMOVE a:Refreshing, a:Stale
WITH a, a.id STARTS WITH $arxivAuthor AND NOT EXISTS { (a)-[:AUTHORED]->() } AS orphan
CALL (a, orphan) {
  WITH a
  WHERE orphan
  DETACH DELETE a
}
RETURN count(*) AS refreshed
