SELECT
    author AS ":START_ID(Author)",
    work AS ":END_ID(Paper)",
    position AS "position:int",
    corresponding AS "isCorresponding:boolean",
    nullif(array_to_string(institutions, ';'), '') AS "institutionIds:string[]"
FROM authorships
