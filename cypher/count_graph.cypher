// Counts for `db stats`; stubs (referenced works not loaded) are counted apart from papers.
RETURN COUNT { (p:Paper) WHERE p.stub = false } AS papers,
       COUNT { (p:Paper) WHERE p.stub = true } AS stubs,
       COUNT { (:Author) } AS authors,
       COUNT { (:Topic) } AS topics,
       COUNT { (:Institution) } AS institutions,
       COUNT { ()-[:AUTHORED]->() } AS authored,
       COUNT { ()-[:CITES]->() } AS cites,
       COUNT { ()-[:HAS_TOPIC]->() } AS hasTopic,
       COUNT { ()-[:SUBTOPIC_OF]->() } AS subtopicOf,
       COUNT { ()-[:AFFILIATED_WITH]->() } AS affiliatedWith,
       COUNT { ()-[:PART_OF]->() } AS partOf,
       COUNT { ()-[:COLLABORATES_WITH]->() } AS collaboratesWith,
       COUNT { ()-[:SIMILAR_TO]->() } AS similarTo
