-- Every two authors of one work of at most the cap's authors, the lower id first.
SELECT
    a.author AS ":START_ID(Author)",
    b.author AS ":END_ID(Author)",
    count(*) AS "sharedWorks:int",
    min(a.year) AS "firstYear:int",
    max(a.year) AS "lastYear:int"
FROM authorships a
JOIN authorships b ON a.work = b.work AND a.author < b.author
WHERE a.teamed AND b.teamed
GROUP BY a.author, b.author
