// One id of each label (null where there is none), so the plan warm-up can use ids as long as
// the graph's own: Neo4j caches a plan per parameter type and, for a string, per length class.
RETURN head(COLLECT { MATCH (n:Author) RETURN n.id LIMIT 1 }) AS Author,
       head(COLLECT { MATCH (n:Paper) WHERE n.stub = false RETURN n.id LIMIT 1 }) AS Paper,
       head(COLLECT { MATCH (n:Topic) RETURN n.id LIMIT 1 }) AS Topic,
       head(COLLECT { MATCH (n:Institution) RETURN n.id LIMIT 1 }) AS Institution
