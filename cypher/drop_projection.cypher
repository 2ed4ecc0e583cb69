// Step 3: the projection $graph leaves Graph Data Science's memory (no error if already gone).
CALL gds.graph.drop($graph, false)
YIELD graphName
RETURN graphName
