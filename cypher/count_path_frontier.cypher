// What expanding a path search's frontier would cost: the relationships each of its nodes
// offers, which are stubs, and their labels (graph_service/api/paths.py expands the cheaper
// side and defers hubs). Neo4j keeps a dense node's degree per type, so a hub costs little
// to count.
UNWIND $frontier AS id
MATCH (n)
WHERE elementId(n) = id
WITH id, n,
     COUNT { (n)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-() } AS degree
// Lists in one row: the driver reads them many times faster than as many records.
RETURN collect(id) AS ids, collect(degree) AS degrees, collect(coalesce(n.stub, false)) AS stubs,
       collect(head([l IN labels(n) WHERE l IN ['Author', 'Paper', 'Topic', 'Institution']]))
         AS labels
