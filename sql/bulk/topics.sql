-- Each topic as the last work naming it (in the order works were first read) gave it.
CREATE TABLE topics AS
SELECT
    node.id AS id,
    arg_max(node, {'first': first_seen, 'ord': node.ord}) AS node
FROM (SELECT first_seen, unnest(topicNodes) AS node FROM works)
GROUP BY node.id
