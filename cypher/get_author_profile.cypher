// One author with what a profile page shows, in one statement instead of one per field:
// affiliations, top $topics topics, the first $works works (newest or, with $mostCited, most
// cited first) with their authorships and topics, and the first $collaborators co-authors.
// Each part has the shape of the per-field statement it stands in for (get_authors,
// get_author_affiliations, get_author_topics, page_author_works_*, page_author_collaborators,
// get_paper_authorships, get_paper_topics); a limit of 0 leaves a part out.
MATCH (a:Author {id: $id})
CALL (a) {
  MATCH (a)-[r:AFFILIATED_WITH]->(i:Institution)
  WHERE $affiliations
  WITH r, i
  ORDER BY r.papers DESC, r.lastYear DESC, i.id
  RETURN collect({
    institution: i {.id, .name, .ror, .countryCode, .type},
    firstYear: r.firstYear, lastYear: r.lastYear, papers: r.papers
  }) AS affiliations
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)-[h:HAS_TOPIC]->(t:Topic)
  WHERE $topics > 0 AND NOT t:Category
  WITH t, count(DISTINCT p) AS works, max(h.score) AS bestScore
  ORDER BY works DESC, bestScore DESC, t.id
  LIMIT $topics
  OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(parent:Topic)
  RETURN collect({topic: t {.id, .name, .level, parentId: parent.id}, works: works}) AS topics
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE $works > 0
  WITH p,
       CASE WHEN $mostCited
         THEN [-coalesce(p.citedByCount, 0), -coalesce(p.year, 0), p.id]
         ELSE [-coalesce(p.year, 0), -coalesce(p.citedByCount, 0), p.id]
       END AS sortKey
  ORDER BY sortKey
  LIMIT $works
  CALL (p) {
    OPTIONAL MATCH (author:Author)-[r:AUTHORED]->(p)
    WHERE $authorships
    WITH author, r
    ORDER BY r.position, author.id
    RETURN collect(CASE WHEN author IS NOT NULL THEN {
      position: r.position, isCorresponding: r.isCorresponding,
      institutionIds: coalesce(r.institutionIds, []),
      author: author {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance}
    } END) AS authorships
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
    WHERE $paperTopics AND NOT t:Category
    OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(parent:Topic)
    WITH h, t, parent
    ORDER BY h.score DESC, t.id
    RETURN collect(CASE WHEN t IS NOT NULL THEN
      {topic: t {.id, .name, .level, parentId: parent.id}, score: h.score}
    END) AS paperTopics
  }
  RETURN collect({
    sortKey: sortKey,
    node: p {.id, .title, .doi, .year, .publicationDate, .type, .venue, .venueId, .citedByCount,
             .language, .isOpenAccess, .oaStatus, .landingPageUrl, .pdfUrl, .arxivId, .codeUrls,
             .primaryCategory, .categories, .journalRef, .arxivComments, .arxivVersions,
             .importance, .importancePercentile, .importanceCohort,
             stub: coalesce(p.stub, false)},
    authorships: authorships,
    topics: paperTopics
  }) AS works
}
CALL (a) {
  MATCH (a)-[c:COLLABORATES_WITH]-(b:Author)
  WHERE $collaborators > 0
  WITH b, c, [-c.sharedWorks, -coalesce(c.lastYear, 0), b.id] AS sortKey
  ORDER BY sortKey
  LIMIT $collaborators
  RETURN collect({sortKey: sortKey, node: {
    author: b {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance},
    sharedWorks: c.sharedWorks, firstYear: c.firstYear, lastYear: c.lastYear
  }}) AS collaborators
}
RETURN {
  author: a {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance},
  affiliations: affiliations,
  topics: topics,
  works: {total: COUNT { (a)-[:AUTHORED]->(:Paper) }, rows: works},
  collaborators: {total: COUNT { (a)-[:COLLABORATES_WITH]-(:Author) }, rows: collaborators}
} AS profile
