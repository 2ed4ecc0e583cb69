// Step 2 of keeping hubs' ranked neighbours (graph_service/hubs.py; cypher/select_hubs and
// cypher/select_stale_hubs find them): for each node of $nodes (element ids) and each kind
// of relationship it has more than $from of, its relationships to its $length most relevant
// neighbours of that kind (stubs left out) as element ids under top_<TYPE>_<out|in>, in the
// order cypher/select_neighborhood ranks them (the relevance below is its own, ties by id).
// Element ids, because the slice reads them without expanding the hub. A node keeping any
// list is a :Hub; the lists of kinds no longer above $from go.
MATCH (n) WHERE elementId(n) IN $nodes
REMOVE n:Hub
FOREACH (key IN [k IN keys(n) WHERE k STARTS WITH 'top_'] | SET n[key] = null)
WITH n
CALL (n) {
  CALL (n) {
    WITH n WHERE COUNT { (n)-[:AUTHORED]->() } > $from
    MATCH (n)-[r:AUTHORED]->(m)
    WHERE NOT coalesce(m.stub, false)
    // begin part relevance
    WITH r, m,
         CASE
           WHEN type(r) = 'SIMILAR_TO' THEN r.score
           WHEN m:Author AND type(r) = 'AUTHORED' THEN -r.position
           WHEN m:Paper THEN coalesce(m.citedByCount, 0)
           WHEN type(r) = 'AFFILIATED_WITH' THEN r.papers
           WHEN type(r) = 'COLLABORATES_WITH' THEN r.sharedWorks
           WHEN type(r) = 'HAS_TOPIC' THEN r.score
           ELSE 0
         END AS relevance
    ORDER BY relevance DESC, m.id
    LIMIT $length
    // end part relevance
    RETURN 'top_AUTHORED_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:AUTHORED]-() } > $from
    MATCH (n)<-[r:AUTHORED]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_AUTHORED_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:CITES]->() } > $from
    MATCH (n)-[r:CITES]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_CITES_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:CITES]-() } > $from
    MATCH (n)<-[r:CITES]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_CITES_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:HAS_TOPIC]->() } > $from
    MATCH (n)-[r:HAS_TOPIC]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_HAS_TOPIC_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:HAS_TOPIC]-() } > $from
    MATCH (n)<-[r:HAS_TOPIC]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_HAS_TOPIC_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:SUBTOPIC_OF]->() } > $from
    MATCH (n)-[r:SUBTOPIC_OF]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_SUBTOPIC_OF_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:SUBTOPIC_OF]-() } > $from
    MATCH (n)<-[r:SUBTOPIC_OF]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_SUBTOPIC_OF_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:AFFILIATED_WITH]->() } > $from
    MATCH (n)-[r:AFFILIATED_WITH]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_AFFILIATED_WITH_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:AFFILIATED_WITH]-() } > $from
    MATCH (n)<-[r:AFFILIATED_WITH]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_AFFILIATED_WITH_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:PART_OF]->() } > $from
    MATCH (n)-[r:PART_OF]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_PART_OF_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:PART_OF]-() } > $from
    MATCH (n)<-[r:PART_OF]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_PART_OF_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:COLLABORATES_WITH]->() } > $from
    MATCH (n)-[r:COLLABORATES_WITH]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_COLLABORATES_WITH_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:COLLABORATES_WITH]-() } > $from
    MATCH (n)<-[r:COLLABORATES_WITH]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_COLLABORATES_WITH_in' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)-[:SIMILAR_TO]->() } > $from
    MATCH (n)-[r:SIMILAR_TO]->(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_SIMILAR_TO_out' AS key, collect(elementId(r)) AS top
    UNION ALL
    WITH n WHERE COUNT { (n)<-[:SIMILAR_TO]-() } > $from
    MATCH (n)<-[r:SIMILAR_TO]-(m)
    WHERE NOT coalesce(m.stub, false)
    // repeat part relevance
    RETURN 'top_SIMILAR_TO_in' AS key, collect(elementId(r)) AS top
  }
  WITH key, top WHERE size(top) > 0
  SET n[key] = top, n:Hub
  RETURN count(*) AS lists
}
RETURN count(n) AS ranked, sum(CASE WHEN lists > 0 THEN 1 ELSE 0 END) AS hubs
