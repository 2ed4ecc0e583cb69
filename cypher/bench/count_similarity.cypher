// The similarity lists' size: SIMILAR_TO relationships, and how many carry each kind.
MATCH (:Paper)-[s:SIMILAR_TO]->(:Paper)
RETURN count(s) AS edges,
       count(CASE WHEN s.coCitation > 0 THEN 1 END) AS coCitation,
       count(CASE WHEN s.coupling > 0 THEN 1 END) AS coupling,
       count(s.openalex) AS openalex
