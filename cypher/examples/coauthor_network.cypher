// A researcher's co-author network: their co-authors, and the ties among those co-authors.
// Edge property sharedWorks = papers written together. Shown as a graph in Browser.
MATCH (a:Author {name: 'Changhai Zhou'})-[c:COLLABORATES_WITH]-(b:Author)
OPTIONAL MATCH (b)-[d:COLLABORATES_WITH]-(x:Author)
WHERE (a)-[:COLLABORATES_WITH]-(x)
RETURN a, c, b, d, x
