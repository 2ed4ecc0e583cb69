// What the Similar papers view asks the service (bench/similarity.py asks the same).

export const HEAD = `query($id: ID!) { paper(id: $id) { id title year citedByCount } }`;

// Both slices in one request: the CITATION slice's prior and derivative works are those of
// the paper and its 40 most similar, the papers the SIMILARITY slice draws.
export const SLICES = `query($id: ID!) {
  similar: neighborhood(id: $id, projection: SIMILARITY, limit: 40) {
    nodes { ...drawn } edges { source target weight } }
  citation: neighborhood(id: $id, projection: CITATION, limit: 40) { nodes { ...drawn } } }
fragment drawn on SliceNode { id label year citations strength role hop
  node { ... on Paper { publicationDate authorCount authorships(first: 1) { author { name } } } } }`;
