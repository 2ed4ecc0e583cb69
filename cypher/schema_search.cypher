// One index over paper titles and the names of authors, topics and institutions: `search`.
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Paper|Author|Topic|Institution) ON EACH [n.title, n.name]
