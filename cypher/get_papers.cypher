// Papers by id, batched (stubs included: a stub asked for by id is shown as a stub).
UNWIND $keys AS key
MATCH (p:Paper {id: key.id})
RETURN key.index AS index,
       p {.id, .title, .doi, .year, .publicationDate, .type, .venue, .venueId, .citedByCount,
          .language, .isOpenAccess, .oaStatus, .landingPageUrl, .pdfUrl, .arxivId, .codeUrls,
          .primaryCategory, .categories, .journalRef, .arxivComments, .arxivVersions,
          .importance, .importancePercentile, .importanceCohort,
          stub: coalesce(p.stub, false)} AS value
