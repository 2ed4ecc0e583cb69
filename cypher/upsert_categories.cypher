// arXiv categories and their archives, as Topic nodes of their own scheme (:Category):
// `cs.LG` is SUBTOPIC_OF `cs`.
UNWIND $categories AS c
MERGE (x:Topic {id: c.id})
SET x:Category, x.name = c.name, x.level = c.level
WITH x, c
WHERE c.parent IS NOT NULL
MERGE (y:Topic {id: c.parent})
SET y:Category
MERGE (x)-[:SUBTOPIC_OF]->(y)
