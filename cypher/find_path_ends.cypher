// The two ends of a path search (graph_service/api/paths.py) as element ids, with the
// relationships each offers the search; no row when one is missing or a stub. Written out by
// the service once per pair of labels the ids name (graph_service/statements.py).
MATCH (source:SOURCE_LABEL {id: $from}), (target:TARGET_LABEL {id: $to})
WHERE source <> target AND NOT coalesce(source.stub, false) AND NOT coalesce(target.stub, false)
RETURN elementId(source) AS source,
       elementId(target) AS target,
       COUNT { (source)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-() }
         AS sourceDegree,
       COUNT { (target)-[:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-() }
         AS targetDegree
