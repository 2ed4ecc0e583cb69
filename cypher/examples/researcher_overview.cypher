// A researcher at a glance: counts, h-index, and their works newest first.
MATCH (a:Author {name: 'Ting Hua'})-[r:AUTHORED]->(p:Paper)
RETURN a.name AS author, a.worksCount AS works, a.citationCount AS citations,
       a.hIndex AS hIndex, p.year AS year, r.position AS position, p.title AS title
ORDER BY year DESC, title
