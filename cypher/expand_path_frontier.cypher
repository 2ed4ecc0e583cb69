// One level of a path search (graph_service/api/paths.py): every relationship of the nodes in
// $frontier (element ids) that a path may follow, as three lists in one row (the driver reads
// them many times faster than as many records): the node left, the relationship, the node
// reached. A stub is reached but not left: the search has left stubs out of $frontier already
// (count_path_frontier says which nodes are stubs).
UNWIND $frontier AS parent
MATCH (n)
WHERE elementId(n) = parent
MATCH (n)-[r:AUTHORED|CITES|HAS_TOPIC|SUBTOPIC_OF|AFFILIATED_WITH|PART_OF]-(m)
RETURN collect(parent) AS parents, collect(elementId(r)) AS via, collect(elementId(m)) AS reached
