// Prior and derivative works of one paper, as Connected Papers lists them. The basis is the
// seed and its $basis most similar papers (select_similarity's first ring). Prior works are the
// papers the basis cites most (strength: how many basis papers cite one), derivative works the
// papers citing the basis most (how many basis papers one cites); ties by citations, then id.
// Up to $limit of them, half each (prior works take an odd one), with the CITES edges among the
// seed and them. Stubs are left out. truncated: a prior or derivative work was left out.
MATCH (seed:Paper {id: $center})
CALL (seed) {
  MATCH (seed)-[s:SIMILAR_TO]-(q:Paper)
  WHERE q <> seed AND NOT coalesce(q.stub, false)
  WITH q, max(s.score) AS score
  ORDER BY score DESC, q.id
  LIMIT $basis
  RETURN collect(q) AS near
}
WITH seed, [seed] + near AS basis
CALL (basis) {
  UNWIND basis AS b
  MATCH (b)-[:CITES]->(x:Paper)
  WHERE NOT x IN basis AND NOT coalesce(x.stub, false)
  WITH x, count(DISTINCT b) AS strength
  ORDER BY strength DESC, coalesce(x.citedByCount, 0) DESC, x.id
  RETURN collect({node: x, strength: strength}) AS prior
}
CALL (basis) {
  UNWIND basis AS b
  MATCH (b)<-[:CITES]-(x:Paper)
  WHERE NOT x IN basis AND NOT coalesce(x.stub, false)
  WITH x, count(DISTINCT b) AS strength
  ORDER BY strength DESC, coalesce(x.citedByCount, 0) DESC, x.id
  RETURN collect({node: x, strength: strength}) AS derivative
}
WITH seed, prior, derivative, ($limit + 1) / 2 AS priorRoom
WITH seed, prior, derivative, priorRoom,
     $limit - CASE WHEN size(prior) < priorRoom THEN size(prior) ELSE priorRoom END
       AS derivativeRoom
WITH seed, size(prior) + size(derivative) AS totalNeighbors,
     size(prior) > priorRoom OR size(derivative) > derivativeRoom AS truncated,
     [{node: seed, strength: 0, role: 'CENTER', hop: 0}]
       + [x IN prior[..priorRoom] | x {.*, role: 'PRIOR', hop: 1}]
       + [x IN derivative[..derivativeRoom] | x {.*, role: 'DERIVATIVE', hop: 1}] AS picked
WITH seed, totalNeighbors, truncated, picked, [x IN picked | x.node] AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[:CITES]->(b:Paper)
  WHERE b IN members
  RETURN collect({source: a.id, target: b.id, type: 'CITES', weight: 1}) AS edges
}
RETURN {center: seed.id, totalNeighbors: totalNeighbors, truncated: truncated,
        nodes: [x IN picked | {
          id: x.node.id, type: 'Paper', label: coalesce(x.node.title, x.node.id), hop: x.hop,
          year: x.node.year, citations: coalesce(x.node.citedByCount, 0),
          worksCount: null, weight: coalesce(x.node.citedByCount, 0),
          importance: x.node.importance, strength: x.strength, role: x.role}],
        edges: edges} AS slice
