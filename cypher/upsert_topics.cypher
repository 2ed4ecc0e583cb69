// Topics with their place in the hierarchy (topic -> subfield -> field -> domain).
UNWIND $topics AS t
MERGE (x:Topic {id: t.id})
SET x.name = t.name, x.level = t.level
WITH x, t
WHERE t.parent IS NOT NULL
MERGE (y:Topic {id: t.parent})
MERGE (x)-[:SUBTOPIC_OF]->(y)
