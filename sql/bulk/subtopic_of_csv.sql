SELECT id AS ":START_ID(Topic)", node.parent AS ":END_ID(Topic)"
FROM topics
WHERE node.parent IS NOT NULL
