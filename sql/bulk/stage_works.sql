-- The checked works as the conversion staged them, one JSON line per record read.
CREATE TABLE staged AS
SELECT *
FROM read_json(
    $files,
    format = 'newline_delimited',
    maximum_object_size = 67108864,
    columns = {
        'seq': 'BIGINT',
        'id': 'VARCHAR',
        'updated': 'VARCHAR',
        'title': 'VARCHAR',
        'doi': 'VARCHAR',
        'year': 'BIGINT',
        'publicationDate': 'VARCHAR',
        'type': 'VARCHAR',
        'venue': 'VARCHAR',
        'venueId': 'VARCHAR',
        'citedByCount': 'BIGINT',
        'updatedDate': 'VARCHAR',
        'abstract': 'VARCHAR',
        'language': 'VARCHAR',
        'isOpenAccess': 'BOOLEAN',
        'oaStatus': 'VARCHAR',
        'landingPageUrl': 'VARCHAR',
        'pdfUrl': 'VARCHAR',
        'arxivId': 'VARCHAR',
        'codeUrls': 'VARCHAR[]',
        'relatedWorks': 'VARCHAR[]',
        'authorships': 'STRUCT(author VARCHAR, name VARCHAR, orcid VARCHAR, position BIGINT, corresponding BOOLEAN, institutions VARCHAR[])[]',
        'topics': 'STRUCT(id VARCHAR, score DOUBLE)[]',
        'refs': 'VARCHAR[]',
        'topicNodes': 'STRUCT(ord BIGINT, id VARCHAR, name VARCHAR, level BIGINT, parent VARCHAR)[]',
        'institutions': 'STRUCT(ord BIGINT, id VARCHAR, name VARCHAR, ror VARCHAR, countryCode VARCHAR, type VARCHAR, city VARCHAR, parents VARCHAR[])[]'
    }
)
