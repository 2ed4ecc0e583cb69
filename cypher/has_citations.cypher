// Whether the graph has ever held a citation: Graph Data Science cannot project a relationship
// type the database has never seen (an arXiv-only graph has none).
CALL db.relationshipTypes() YIELD relationshipType
WHERE relationshipType = 'CITES'
RETURN count(*) > 0 AS cites
