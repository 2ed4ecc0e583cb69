// Part of making every similarity list at once: up to $limit of the old lists' edges gone.
MATCH (:Paper)-[s:SIMILAR_TO]->(:Paper)
WITH s
LIMIT $limit
DELETE s
RETURN count(*) AS deleted
