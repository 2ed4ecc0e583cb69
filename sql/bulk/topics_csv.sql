SELECT id AS "id:ID(Topic)", node.name AS name, node.level AS "level:int"
FROM topics
