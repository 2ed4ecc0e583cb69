-- Each author's name and ORCID from the last work naming them (in the order works were first_seen
-- read), and the totals over their works: count, citations, h-index.
SELECT
    author AS "id:ID(Author)",
    arg_max(name, {'first': first_seen, 'position': position}) AS name,
    arg_max(orcid, {'first': first_seen, 'position': position}) FILTER (WHERE orcid IS NOT NULL) AS orcid,
    count(*) AS "worksCount:int",
    sum(cites) AS "citationCount:int",
    len(list_filter(list(cites ORDER BY cites DESC), lambda c, rank: c >= rank)) AS "hIndex:int"
FROM authorships
GROUP BY author
