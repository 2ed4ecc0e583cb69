-- (author, institution) for every institution an author gave on a work, with the years.
SELECT
    author AS ":START_ID(Author)",
    institution AS ":END_ID(Institution)",
    min(year) AS "firstYear:int",
    max(year) AS "lastYear:int",
    count(*) AS "papers:int"
FROM (SELECT author, year, unnest(institutions) AS institution FROM authorships)
GROUP BY author, institution
