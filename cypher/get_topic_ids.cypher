// Every topic and category id, in order: the batches rank_importance works through.
MATCH (t:Topic)
RETURN t.id AS id
ORDER BY id
