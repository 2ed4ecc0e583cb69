// Papers' abstracts by id, batched: asked for apart from the other fields, since an abstract
// is a thousand characters and most lists do not show it.
UNWIND $keys AS key
MATCH (p:Paper {id: key.id})
RETURN key.index AS index, p.abstract AS value
