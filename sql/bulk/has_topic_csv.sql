SELECT t.id AS ":START_ID(Paper)", t.topic.id AS ":END_ID(Topic)", t.topic.score AS "score:float"
FROM (SELECT id, unnest(topics) AS topic FROM works) t
