// Step 4, for a batch of topics: each paper's importance as a percentile among the papers of its
// primary topic and year, the share of them whose importance is at most its own (the best gets
// 100), and how many there are. A paper's primary topic is its OpenAlex topic with the highest
// score (ties by id); a paper with no OpenAlex topic is ranked in its primary arXiv category.
UNWIND $topics AS topicId
MATCH (t:Topic {id: topicId})<-[h:HAS_TOPIC]-(p:Paper)
WHERE p.year IS NOT NULL AND p.importance IS NOT NULL
  AND CASE WHEN t:Category
        THEN coalesce(h.primary, false)
             AND NOT EXISTS { (p)-[:HAS_TOPIC]->(x:Topic) WHERE NOT x:Category }
        ELSE NOT EXISTS {
               (p)-[o:HAS_TOPIC]->(x:Topic)
               WHERE NOT x:Category AND x <> t
                 AND (coalesce(o.score, 0.0) > coalesce(h.score, 0.0)
                      OR (coalesce(o.score, 0.0) = coalesce(h.score, 0.0) AND x.id < t.id)) }
      END
// Rounded, so that ranks do not hang on the last bits of a parallel sum.
WITH t, p.year AS year, round(p.importance, 9) AS importance, collect(p) AS tied
ORDER BY importance
WITH t, year, collect(tied) AS levels
WITH levels,
     reduce(sums = [], level IN levels | sums + [coalesce(sums[-1], 0) + size(level)]) AS atMost
UNWIND range(0, size(levels) - 1) AS i
UNWIND levels[i] AS p
SET p.importancePercentile = round(100.0 * atMost[i] / atMost[-1], 1),
    p.importanceCohort = atMost[-1]
RETURN count(p) AS ranked
