// A topic's most cited papers (works on the topic or on any topic below it).
MATCH (t:Topic {name: 'Neural Network Quantization'})<-[:SUBTOPIC_OF*0..3]-(:Topic)
      <-[:HAS_TOPIC]-(p:Paper)
WITH DISTINCT p
RETURN p.id AS id, p.title AS title, p.year AS year, p.citedByCount AS citations
ORDER BY citations DESC, year DESC, id
LIMIT 10
