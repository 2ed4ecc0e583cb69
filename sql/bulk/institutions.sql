-- Each institution's values merged over the works naming it: the last value given wins, a
-- missing one keeps the earlier; lineage is the union. Parents named by lineage alone exist
-- with their id only.
CREATE TABLE institutions AS
WITH named AS (
    SELECT first_seen, unnest(institutions) AS i
    FROM works
),
merged AS (
    SELECT
        i.id AS id,
        arg_max(i.name, {'first': first_seen, 'ord': i.ord}) FILTER (WHERE i.name IS NOT NULL) AS name,
        arg_max(i.ror, {'first': first_seen, 'ord': i.ord}) FILTER (WHERE i.ror IS NOT NULL) AS ror,
        arg_max(i.countryCode, {'first': first_seen, 'ord': i.ord}) FILTER (WHERE i.countryCode IS NOT NULL) AS countryCode,
        arg_max(i.type, {'first': first_seen, 'ord': i.ord}) FILTER (WHERE i.type IS NOT NULL) AS type,
        arg_max(i.city, {'first': first_seen, 'ord': i.ord}) FILTER (WHERE i.city IS NOT NULL) AS city,
        list_distinct(flatten(list(i.parents))) AS parents
    FROM named
    GROUP BY i.id
)
SELECT * FROM merged
UNION ALL
SELECT DISTINCT parent AS id, NULL, NULL, NULL, NULL, NULL, []::VARCHAR[]
FROM (SELECT unnest(parents) AS parent FROM merged)
WHERE parent NOT IN (SELECT id FROM merged)
