// Which of the nodes named by element ids are stubs (works cited but not loaded): a path may
// end at none of them nor pass through one.
UNWIND $ids AS id
MATCH (n)
WHERE elementId(n) = id AND coalesce(n.stub, false)
RETURN collect(id) AS stubs
