// The bounded, ranked neighbourhood of one node, in one statement (docs/api.md explains it).
// Breadth first, $depth levels (1-3). Each expanded node offers its $perNodeLimit most
// relevant neighbours, taking turns between relationship kinds (its papers, its institutions,
// ...); within a kind: byline order for a paper's authors, citations for papers, papers for
// affiliations, shared works for co-authors, score for topics and similar papers; ties by id.
// A level admits new nodes by their best turn, then by the order of the node offering them,
// until $limit. Edges are the offered relationships whose both ends were admitted.
// truncated: some expanded node had more than $perNodeLimit neighbours, or $limit left a
// neighbour out.
// Work is bounded: an expanded node reads at most $scanLimit relationships of each kind (in
// store order) and ranks those, so a hub with 100,000 members costs what one with 1,000 does;
// a kind a hub keeps a ranked list of reads that list's first $perNodeLimit instead.
// $byYear: whether the slice keeps to the years $yearFrom-$yearTo (a paper's year, a
// relationship's first and last year). The bounds are integers even without a filter, so a
// shape has one plan whatever the filter: Neo4j plans a null apart from an integer.
// The service writes this statement out once per centre label and depth
// (graph_service/statements.py): CENTER_LABEL becomes the label the centre's id names, and the
// lines between "begin level" and "end level" are written once per level.
MATCH (center:CENTER_LABEL {id: $center})
WITH center,
     COUNT {
       MATCH (center)-[r]-(m)
       WHERE type(r) IN $relTypes
      AND any(l IN labels(m) WHERE l IN $nodeTypes)
      AND NOT coalesce(m.stub, false)
      AND (NOT $byYear OR ((NOT m:Paper OR $yearFrom <= m.year <= $yearTo)
                           AND coalesce(r.lastYear, $yearFrom) >= $yearFrom
                           AND coalesce(r.firstYear, $yearTo) <= $yearTo))
       RETURN DISTINCT m
     } AS totalNeighbors,
     [center] AS seen, [center] AS frontier, [] AS edges, false AS truncated, [1] AS bounds
// begin level: expand the nodes the level before admitted.
CALL (seen, frontier) {
  UNWIND range(0, size(frontier) - 1) AS fi
  WITH frontier[fi] AS n, fi
  CALL (n) {
    // A kind a hub has hundreds of is ranked ahead (graph_service/hubs.py, cypher/rank_hubs):
    // its list holds the relationships to its most relevant neighbours, best first, so the
    // first $perNodeLimit that pass the filters are that kind's exact top. A kind without a
    // list, or whose list the filters leave short, is read as before ($scanLimit of it).
    // $listed: the kinds the slice follows, {key, kind, type, out}.
    CALL (n) {
      UNWIND $listed AS k
      WITH k WHERE n[k.key] IS NOT NULL
      CALL (n, k) {
        UNWIND n[k.key] AS listedId
        MATCH ()-[r]->()
        WHERE elementId(r) = listedId
        // A relationship deleted since, or its id taken by another, is passed over.
        WITH r, CASE WHEN k.out THEN endNode(r) ELSE startNode(r) END AS m
        WHERE type(r) = k.type AND CASE WHEN k.out THEN startNode(r) ELSE endNode(r) END = n
        // begin part admitted
          AND any(l IN labels(m) WHERE l IN $nodeTypes)
          AND NOT coalesce(m.stub, false)
          AND (NOT $byYear OR ((NOT m:Paper OR $yearFrom <= m.year <= $yearTo)
                               AND coalesce(r.lastYear, $yearFrom) >= $yearFrom
                               AND coalesce(r.firstYear, $yearTo) <= $yearTo))
        // end part admitted
        WITH r, m LIMIT $perNodeLimit
        RETURN collect({r: r, m: m}) AS found
      }
      RETURN collect({kind: k.kind, found: found}) AS lists
    }
    WITH n, lists, [l IN lists WHERE size(l.found) >= $perNodeLimit | l.kind] AS served
    CALL (n, lists, served) {
      UNWIND lists AS l
      UNWIND l.found AS f
      RETURN f.r AS r, f.m AS m, l.kind AS kind, true AS listed
      UNION ALL
      WITH n WHERE 'AUTHORED' IN $relTypes AND NOT 'AUTHORED>' IN served
      MATCH (n)-[r:AUTHORED]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'AUTHORED>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'AUTHORED' IN $relTypes AND NOT 'AUTHORED<' IN served
      MATCH (n)<-[r:AUTHORED]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'AUTHORED<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'CITES' IN $relTypes AND NOT 'CITES>' IN served
      MATCH (n)-[r:CITES]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'CITES>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'CITES' IN $relTypes AND NOT 'CITES<' IN served
      MATCH (n)<-[r:CITES]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'CITES<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'HAS_TOPIC' IN $relTypes AND NOT 'HAS_TOPIC>' IN served
      MATCH (n)-[r:HAS_TOPIC]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'HAS_TOPIC>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'HAS_TOPIC' IN $relTypes AND NOT 'HAS_TOPIC<' IN served
      MATCH (n)<-[r:HAS_TOPIC]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'HAS_TOPIC<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'SUBTOPIC_OF' IN $relTypes AND NOT 'SUBTOPIC_OF>' IN served
      MATCH (n)-[r:SUBTOPIC_OF]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'SUBTOPIC_OF>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'SUBTOPIC_OF' IN $relTypes AND NOT 'SUBTOPIC_OF<' IN served
      MATCH (n)<-[r:SUBTOPIC_OF]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'SUBTOPIC_OF<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'AFFILIATED_WITH' IN $relTypes AND NOT 'AFFILIATED_WITH>' IN served
      MATCH (n)-[r:AFFILIATED_WITH]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'AFFILIATED_WITH>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'AFFILIATED_WITH' IN $relTypes AND NOT 'AFFILIATED_WITH<' IN served
      MATCH (n)<-[r:AFFILIATED_WITH]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'AFFILIATED_WITH<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'PART_OF' IN $relTypes AND NOT 'PART_OF>' IN served
      MATCH (n)-[r:PART_OF]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'PART_OF>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'PART_OF' IN $relTypes AND NOT 'PART_OF<' IN served
      MATCH (n)<-[r:PART_OF]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'PART_OF<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'COLLABORATES_WITH' IN $relTypes AND NOT 'COLLABORATES_WITH>' IN served
      MATCH (n)-[r:COLLABORATES_WITH]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'COLLABORATES_WITH>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'COLLABORATES_WITH' IN $relTypes AND NOT 'COLLABORATES_WITH<' IN served
      MATCH (n)<-[r:COLLABORATES_WITH]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'COLLABORATES_WITH<' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'SIMILAR_TO' IN $relTypes AND NOT 'SIMILAR_TO>' IN served
      MATCH (n)-[r:SIMILAR_TO]->(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'SIMILAR_TO>' AS kind, false AS listed
      UNION ALL
      WITH n WHERE 'SIMILAR_TO' IN $relTypes AND NOT 'SIMILAR_TO<' IN served
      MATCH (n)<-[r:SIMILAR_TO]-(m)
      WITH r, m LIMIT $scanLimit
      RETURN r, m, 'SIMILAR_TO<' AS kind, false AS listed
    }
    // A listed kind has more than its list holds: it counts as cut short, like a full scan.
    WITH kind, collect(DISTINCT {r: r, m: m}) AS scanned, max(listed) AS listed
    WITH kind, CASE WHEN listed OR size(scanned) >= $scanLimit THEN 1 ELSE 0 END AS cut,
         scanned
    UNWIND scanned AS s
    WITH kind, cut, s.r AS r, s.m AS m
    WHERE true
    // repeat part admitted
    WITH kind, cut, r, m,
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
    WITH kind, cut, collect({r: r, m: m}) AS items
    UNWIND range(0, size(items) - 1) AS rank
    WITH rank, kind, cut, items[rank] AS item
    ORDER BY rank, kind
    WITH collect(item) AS ranked, max(cut) AS cut
    // A kind cut short by $scanLimit counts as more than could be offered.
    RETURN size(ranked) + coalesce(cut, 0) * $scanLimit AS available,
           ranked[..$perNodeLimit] AS top
  }
  UNWIND range(0, size(top) - 1) AS j
  RETURN collect({fi: fi, j: j, r: top[j].r, m: top[j].m}) AS candidates,
         sum(CASE WHEN j = 0 AND available > size(top) THEN 1 ELSE 0 END) > 0 AS capped
}
CALL (seen, candidates) {
  UNWIND candidates AS c
  WITH c WHERE NOT c.m IN seen
  WITH c.m AS m, min(c.j * 1000000 + c.fi) AS best
  ORDER BY best, m.id
  RETURN collect(m) AS fresh
}
WITH center, totalNeighbors, candidates, edges, bounds,
     seen + fresh[..($limit - size(seen))] AS seen,
     fresh[..($limit - size(seen))] AS frontier,
     truncated OR capped OR size(fresh) > $limit - size(seen) AS truncated
CALL (seen, candidates) {
  UNWIND candidates AS c
  WITH c WHERE c.m IN seen
  RETURN collect(c.r) AS found
}
WITH center, totalNeighbors, seen, frontier, truncated,
     edges + found AS edges, bounds + [size(seen)] AS bounds
// end level
UNWIND range(0, size(seen) - 1) AS i
WITH center, totalNeighbors, edges, truncated, bounds, i, seen[i] AS m
WITH center, totalNeighbors, edges, truncated, i, m,
     size([b IN bounds WHERE b <= i]) AS hop
ORDER BY i
WITH center, totalNeighbors, edges, truncated, collect({
  id: m.id,
  type: head([l IN labels(m) WHERE l IN ['Author', 'Paper', 'Topic', 'Institution']]),
  label: coalesce(m.title, m.name, m.id),
  hop: hop,
  year: m.year,
  citations: coalesce(m.citedByCount, m.citationCount),
  worksCount: m.worksCount,
  weight: CASE
    WHEN m:Paper THEN coalesce(m.citedByCount, 0)
    WHEN m:Author THEN coalesce(m.citationCount, 0)
    WHEN m:Topic THEN COUNT { (m)<-[:HAS_TOPIC|SUBTOPIC_OF]-() }
    ELSE COUNT { (m)<-[:AFFILIATED_WITH|PART_OF]-() }
  END
}) AS nodes
UNWIND CASE WHEN size(edges) = 0 THEN [null] ELSE edges END AS r
WITH center, totalNeighbors, truncated, nodes, r
WITH center, totalNeighbors, truncated, nodes, collect(DISTINCT CASE WHEN r IS NOT NULL THEN {
  source: startNode(r).id,
  target: endNode(r).id,
  type: type(r),
  weight: CASE type(r)
    WHEN 'HAS_TOPIC' THEN r.score
    WHEN 'AFFILIATED_WITH' THEN r.papers
    WHEN 'COLLABORATES_WITH' THEN r.sharedWorks
    WHEN 'SIMILAR_TO' THEN r.score
    ELSE 1
  END
} END) AS edges
RETURN {center: center.id, totalNeighbors: totalNeighbors, truncated: truncated,
        nodes: nodes, edges: edges} AS slice
