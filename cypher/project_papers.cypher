// Step 1 of ranking papers when the graph has no citation at all: every paper, alone, projected
// into Graph Data Science's memory under the name $graph, so each gets the same PageRank.
MATCH (p:Paper)
WITH gds.graph.project($graph, p) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
