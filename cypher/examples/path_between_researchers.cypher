// How two researchers are connected: a shortest chain of shared papers.
MATCH (a:Author {name: 'Changhai Zhou'}), (b:Author {name: 'Zechun Liu'})
MATCH path = shortestPath((a)-[:AUTHORED*..10]-(b))
RETURN path
