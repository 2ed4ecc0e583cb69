// Every topic and category id, in order, with how many papers it has: the batches
// rank_importance works through are cut by papers, since one topic may hold a tenth of them.
MATCH (t:Topic)
RETURN t.id AS id, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
ORDER BY id
