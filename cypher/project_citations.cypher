// Step 1 of ranking papers: the citation graph (every paper, stubs too) projected into Graph
// Data Science's memory under the name $graph, for the PageRank that follows.
CALL gds.graph.project($graph, 'Paper', 'CITES')
YIELD nodeCount, relationshipCount
RETURN nodeCount, relationshipCount
