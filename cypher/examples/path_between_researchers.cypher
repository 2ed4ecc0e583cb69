// How two researchers are connected: a shortest chain of shared papers.
MATCH (a:Author {name: 'Zechun Liu'}), (b:Author {name: 'Annalisa Szymanski'})
MATCH path = shortestPath((a)-[:AUTHORED*..10]-(b))
RETURN path
