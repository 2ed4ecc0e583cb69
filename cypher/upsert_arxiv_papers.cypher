// One batch of arXiv records. A record goes to the paper it describes: one with its arXiv id
// (an OpenAlex work naming it before the record's own earlier copy), else an OpenAlex work
// with the record's DOI and no arXiv id of its own, else a new paper `$prefix<id>`. A stored
// record with a later `update_date` is kept.
// On a paper OpenAlex loaded, arXiv gives the title, abstract and first-version date, fills in
// the DOI, links and open access OpenAlex lacks, and adds its code links; authors, topics,
// references, venue and citations stay OpenAlex's. On a paper of its own, arXiv's authors
// (ids of their own) are its authors.
UNWIND $papers AS r
CALL (r) {
  CALL (r) {
    MATCH (x:Paper {arxivId: r.arxivId})
    RETURN x AS candidate, CASE WHEN x.id STARTS WITH $prefix THEN 1 ELSE 0 END AS rank
    UNION
    MATCH (y:Paper {doi: r.doi})
    WHERE y.arxivId IS NULL
    RETURN y AS candidate, 2 AS rank
  }
  WITH candidate, rank
  ORDER BY rank, candidate.id
  RETURN head(collect(candidate.id)) AS found
}
MERGE (p:Paper {id: coalesce(found, r.id)})
WITH p, r
WHERE p.arxivUpdatedDate IS NULL OR r.updated IS NULL OR r.updated >= p.arxivUpdatedDate
WITH p, r, NOT p.id STARTS WITH $prefix AS openalex, p.arxivDoi AS oldDoi,
     coalesce(p.arxivCodeUrls, []) AS oldCode
// A copy of its own from before OpenAlex named it gives way to the OpenAlex paper.
CALL (p, r) {
  MATCH (copy:Paper {id: r.id})
  WHERE copy <> p
  CALL (copy) {
    MATCH (a:Author)-[:AUTHORED]->(copy)
    SET a:Stale
  }
  DETACH DELETE copy
}
SET p += r.props, p.stub = false, p.arxivId = r.arxivId, p.arxivUpdatedDate = r.updated,
    p.title = r.title, p.abstract = coalesce(r.abstract, CASE WHEN openalex THEN p.abstract END),
    p.publicationDate = r.publicationDate, p.year = r.year, p.arxivDoi = r.doi,
    p.doi = CASE WHEN openalex AND p.doi IS NOT NULL AND p.doi <> coalesce(oldDoi, '')
              THEN p.doi ELSE r.doi END,
    p.landingPageUrl = CASE WHEN openalex THEN coalesce(p.landingPageUrl, r.landingPageUrl)
                       ELSE r.landingPageUrl END,
    p.pdfUrl = CASE WHEN openalex THEN coalesce(p.pdfUrl, r.pdfUrl) ELSE r.pdfUrl END,
    p.isOpenAccess = true,
    p.oaStatus = CASE WHEN openalex AND coalesce(p.oaStatus, 'closed') <> 'closed'
                 THEN p.oaStatus ELSE 'green' END,
    p.type = CASE WHEN openalex THEN p.type ELSE 'preprint' END,
    p.citedByCount = coalesce(p.citedByCount, 0),
    p.arxivCodeUrls = CASE WHEN size(r.codeUrls) > 0 THEN r.codeUrls END
// The work's own code links first, then arXiv's (as upsert_works lists them).
WITH p, r, openalex, [u IN coalesce(p.codeUrls, []) WHERE openalex AND NOT u IN oldCode] AS own
WITH p, r, openalex, own + [u IN r.codeUrls WHERE NOT u IN own] AS code
SET p.codeUrls = CASE WHEN size(code) > 0 THEN code END
WITH p, r, openalex
// OpenAlex's authors keep the paper, whose year may have changed: their derived values too.
CALL (p, openalex) {
  WITH p
  WHERE openalex
  MATCH (a:Author)-[:AUTHORED]->(p)
  SET a:Stale
}
CALL (p, r, openalex) {
  WITH p, r
  WHERE NOT openalex
  CALL (p) {
    MATCH (old:Author)-[a:AUTHORED]->(p)
    SET old:Stale
    DELETE a
  }
  UNWIND r.authors AS s
  MERGE (a:Author {id: s.id})
  SET a.name = s.name, a:Stale
  CREATE (a)-[:AUTHORED {position: s.position, affiliation: s.affiliation}]->(p)
}
CALL (p) {
  MATCH (p)-[h:HAS_TOPIC]->(:Category)
  DELETE h
}
CALL (p, r) {
  UNWIND r.categories AS c
  MATCH (t:Topic {id: c.id})
  CREATE (p)-[:HAS_TOPIC {score: c.score, primary: c.primary}]->(t)
}
RETURN count(p) AS applied
