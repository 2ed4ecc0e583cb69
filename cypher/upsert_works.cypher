// One batch of works. A record replaces the paper's properties, authorships, topics and
// references unless the stored copy is newer (OpenAlex `updated_date`). Authors whose derived
// values may change are labelled :Stale and recomputed by refresh_authors; so are the paper and
// the works it cites before and after (their similarity lists), by refresh_similarity.
// On a paper arXiv also loaded (see upsert_arxiv_papers) arXiv's title, abstract, date and
// categories stay; arXiv fills in the DOI, links and open access the work lacks, and its code
// links join the work's.
UNWIND $works AS w
MERGE (p:Paper {id: w.id})
WITH p, w
WHERE p.updatedDate IS NULL OR w.props.updatedDate IS NULL OR w.props.updatedDate >= p.updatedDate
WITH p, w, p {.arxivUpdatedDate, .arxivId, .arxivDoi, .title, .abstract, .publicationDate,
              .year, .arxivCodeUrls} AS arxiv
SET p += w.props, p.stub = false, p:Stale
WITH p, w, arxiv
CALL (p, w, arxiv) {
  WITH p, w, arxiv, coalesce(w.props.codeUrls, []) AS own
  WHERE arxiv.arxivUpdatedDate IS NOT NULL
  WITH p, w, arxiv, own + [u IN coalesce(arxiv.arxivCodeUrls, []) WHERE NOT u IN own] AS code
  SET p.title = arxiv.title, p.abstract = coalesce(arxiv.abstract, w.props.abstract),
      p.publicationDate = arxiv.publicationDate, p.year = arxiv.year, p.arxivId = arxiv.arxivId,
      p.doi = coalesce(w.props.doi, arxiv.arxivDoi),
      p.landingPageUrl = coalesce(w.props.landingPageUrl, $arxivAbs + arxiv.arxivId),
      p.pdfUrl = coalesce(w.props.pdfUrl, $arxivPdf + arxiv.arxivId),
      p.isOpenAccess = true,
      p.oaStatus = CASE WHEN coalesce(w.props.oaStatus, 'closed') = 'closed' THEN 'green'
                   ELSE w.props.oaStatus END,
      p.codeUrls = CASE WHEN size(code) > 0 THEN code END
}
CALL (p) {
  MATCH (old:Author)-[r:AUTHORED]->(p)
  SET old:Stale
  DELETE r
}
CALL (p) {
  MATCH (p)-[r:CITES]->(old)
  SET old:Stale
  DELETE r
}
CALL (p) {
  MATCH (p)-[r:HAS_TOPIC]->(t)
  WHERE NOT t:Category
  DELETE r
}
CALL (p, w) {
  UNWIND w.authorships AS s
  MERGE (a:Author {id: s.id})
  SET a.name = s.name, a.orcid = coalesce(s.orcid, a.orcid), a:Stale
  // No institutions is stored as no property (as the bulk importer writes it).
  CREATE (a)-[:AUTHORED {
    position: s.position, isCorresponding: s.isCorresponding,
    institutionIds: CASE WHEN size(s.institutionIds) > 0 THEN s.institutionIds END
  }]->(p)
}
CALL (p, w) {
  UNWIND w.topics AS t
  MATCH (x:Topic {id: t.id})
  CREATE (p)-[:HAS_TOPIC {score: t.score}]->(x)
}
CALL (p, w) {
  UNWIND w.references AS ref
  MERGE (q:Paper {id: ref})
  ON CREATE SET q.stub = true
  SET q:Stale
  CREATE (p)-[:CITES]->(q)
}
RETURN count(p) AS applied
