"""What the fuzz phase sends: operations generated from the schema and the hostile corpus."""

from __future__ import annotations

import json
import random
from typing import Any

from graphql import StringValueNode
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, queries

from bench.reliability.reads import SEARCH, Ids
from bench.reliability.scale import Scale


def generated(schema: str, ids: Ids, scale: Scale, seed: int) -> list[tuple[str, str, bool]]:
    """(kind, document, needs the token) generated from the schema: valid queries and
    mutations with random arguments (ids from the graph or anything), and invalid ones."""
    real = ids.authors[:50] + ids.papers[:50] + ids.topics[:20] + ids.institutions[:20]
    id_values = st.one_of(st.sampled_from(real), st.text(max_size=40)).map(
        lambda v: StringValueNode(value=v)
    )
    scalars = {"ID": id_values}
    found: list[tuple[str, str, bool]] = []
    plans = [
        ("query", queries(schema, custom_scalars=scalars), scale.fuzz_queries, False),
        ("mutation", mutations(schema, custom_scalars=scalars), scale.fuzz_mutations, True),
        ("invalid", queries(schema, mode=Mode.NEGATIVE), scale.fuzz_invalid, False),
    ]
    for kind, strategy, count, token in plans:
        documents: list[str] = []

        def keep(document: str, documents: list[str] = documents) -> None:
            documents.append(document)

        examples = settings(
            max_examples=count,
            database=None,
            deadline=None,
            derandomize=True,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(given(strategy)(lambda document: keep(document)))
        examples()
        found += [(kind, document, token) for document in documents]
    random.Random(seed).shuffle(found)
    return found


def hostile(ids: Ids) -> list[tuple[str, bytes | None, dict[str, str], str, dict[str, str]]]:
    """(what, body, headers, method, query parameters) of requests no client should send."""
    json_type = {"content-type": "application/json"}

    def body(query: str, variables: Any = None) -> bytes:
        return json.dumps({"query": query, "variables": variables or {}}).encode()

    author = ids.authors[0]
    deep = '{ node(id: "x") { id ' + "... on Author { works(first: 1) { nodes { " * 60
    cases: list[tuple[str, bytes | None, dict[str, str], str, dict[str, str]]] = [
        ("depth bomb", body(deep + "id" + " } }" * 60 + " } }"), json_type, "POST", {}),
        (
            "alias bomb",
            body(
                "{ "
                + " ".join(f'a{i}: author(id: "{author}") {{ id }}' for i in range(3000))
                + " }"
            ),
            json_type,
            "POST",
            {},
        ),
        (
            "fragment bomb",
            body(
                "{ ...F29 } fragment F0 on Query { serverInfo { name } } "
                + " ".join(
                    f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 30)
                )
            ),
            json_type,
            "POST",
            {},
        ),
        (
            "cyclic fragments",
            body("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"),
            json_type,
            "POST",
            {},
        ),
        (
            "1,000 batched operations",
            json.dumps([{"query": "{ __typename }"}] * 1000).encode(),
            json_type,
            "POST",
            {},
        ),
        (
            "10 MB body",
            b'{"query": "' + b" " * 10_000_000 + b'{ __typename }"}',
            json_type,
            "POST",
            {},
        ),
        ("text/plain", body("{ __typename }"), {"content-type": "text/plain"}, "POST", {}),
        (
            "contains application/json",
            body("{ __typename }"),
            {"content-type": "text/x; application/json"},
            "POST",
            {},
        ),
        (
            "form",
            b"query=%7B__typename%7D",
            {"content-type": "application/x-www-form-urlencoded"},
            "POST",
            {},
        ),
        ("no content type", body("{ __typename }"), {}, "POST", {}),
        ("null body", b"null", json_type, "POST", {}),
        ("number body", b"5", json_type, "POST", {}),
        ("string body", b'"x"', json_type, "POST", {}),
        ("invalid UTF-8", b'{"query": "{ __typename \xff\xfe }"}', json_type, "POST", {}),
        ("nested JSON 50k", b"[" * 50_000 + b"]" * 50_000, json_type, "POST", {}),
        ("truncated JSON", b'{"query": "{ __typ', json_type, "POST", {}),
        (
            "GET nested variables",
            None,
            {},
            "GET",
            {"query": "{ __typename }", "variables": "[" * 20_000 + "]" * 20_000},
        ),
        ("GET mutation", None, {}, "GET", {"query": 'mutation { deleteWork(id: "W1") }'}),
        ("PUT", body("{ __typename }"), json_type, "PUT", {}),
        (
            "mutation without token",
            body('mutation { deleteWork(id: "W1") }'),
            json_type,
            "POST",
            {},
        ),
        (
            "mutation with a wrong token",
            body('mutation { deleteWork(id: "W1") }'),
            {**json_type, "authorization": "Bearer wrong-token-0123456789"},
            "POST",
            {},
        ),
        (
            "huge first",
            body(
                f'{{ author(id: "{author}") {{ works(first: 1000000000) {{ nodes {{ id }} }} }} }}'
            ),
            json_type,
            "POST",
            {},
        ),
        (
            "negative first",
            body(f'{{ author(id: "{author}") {{ works(first: -5) {{ nodes {{ id }} }} }} }}'),
            json_type,
            "POST",
            {},
        ),
        (
            "int over 2^31",
            body(f'{{ neighborhood(id: "{author}", limit: 99999999999) {{ truncated }} }}'),
            json_type,
            "POST",
            {},
        ),
        (
            "negative depth",
            body(f'{{ neighborhood(id: "{author}", depth: -1) {{ truncated }} }}'),
            json_type,
            "POST",
            {},
        ),
        (
            "year range reversed",
            body(
                f'{{ neighborhood(id: "{author}", yearFrom: 2020, yearTo: 1990) {{ truncated }} }}'
            ),
            json_type,
            "POST",
            {},
        ),
        (
            "101 ids",
            body("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ["W1"] * 101}),
            json_type,
            "POST",
            {},
        ),
        (
            "10 KB id",
            body("query($id: ID!) { node(id: $id) { id } }", {"id": "W" + "1" * 10_000}),
            json_type,
            "POST",
            {},
        ),
        (
            "null bytes in an id",
            body("query($id: ID!) { node(id: $id) { id } }", {"id": "W1\x00\x00"}),
            json_type,
            "POST",
            {},
        ),
        ("10 KB search word", body(SEARCH, {"q": "x" * 10_000}), json_type, "POST", {}),
        ("400-character word", body(SEARCH, {"q": "x" * 400}), json_type, "POST", {}),
        (
            "Lucene syntax",
            body(SEARCH, {"q": '+-&&||!(){}[]^"~*?:\\/ AND OR NOT'}),
            json_type,
            "POST",
            {},
        ),
        ("Lucene wildcards", body(SEARCH, {"q": "*:* a* ?b ~c /re.*/"}), json_type, "POST", {}),
        ("null bytes in search", body(SEARCH, {"q": "\x00zhou\x00"}), json_type, "POST", {}),
        ("empty search", body(SEARCH, {"q": ""}), json_type, "POST", {}),
        ("search of 50 words", body(SEARCH, {"q": " ".join(["data"] * 50)}), json_type, "POST", {}),
        (
            "variables of the wrong type",
            body("query($id: ID!) { node(id: $id) { id } }", {"id": {"a": [1, 2]}}),
            json_type,
            "POST",
            {},
        ),
        (
            "variables nested 30 deep",
            body(
                "query($id: ID!) { node(id: $id) { id } }",
                {"id": "x", "junk": json.loads("[" * 30 + "]" * 30)},
            ),
            json_type,
            "POST",
            {},
        ),
        (
            "unknown operation name",
            json.dumps({"query": "query A { __typename }", "operationName": "B"}).encode(),
            json_type,
            "POST",
            {},
        ),
        (
            "two operations, no name",
            body("query A { __typename } query B { __typename }"),
            json_type,
            "POST",
            {},
        ),
        ("empty query", body(""), json_type, "POST", {}),
        ("no query", b"{}", json_type, "POST", {}),
        ("5,000 tokens", body("{" + " __typename" * 5000 + "}"), json_type, "POST", {}),
        (
            "introspection of everything",
            body(
                "{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }"
            ),
            json_type,
            "POST",
            {},
        ),
    ]
    for cursor in (
        "not base64!",
        "W1tdXQ",
        "WyJwYWdlX2F1dGhvcl93b3Jrc19uZXdlc3QiLCA5OTk5OTk5OTk5OTk5OTk5OTk5OTk5LCAxLCAiVzEiXQ",
        "A" * 5000,
    ):
        query = (
            'query($a: String) { author(id: "%s") { works(first: 3, after: $a) { nodes { id } } } }'
        )
        cases.append(
            (
                f"garbage cursor {cursor[:12]}",
                body(query % author, {"a": cursor}),
                json_type,
                "POST",
                {},
            )
        )
    for value in (
        "",
        "W",
        "W" + "9" * 40,
        "../../etc/passwd",
        "'; MATCH (n) DETACH DELETE n //",
        "https://openalex.org/",
        "\u202e\u0000",
    ):
        cases.append(
            (
                f"odd id {value[:12]!r}",
                body(
                    "query($id: ID!) { node(id: $id) { id } paper(id: $id) { id } author(id: $id) { id } }",
                    {"id": value},
                ),
                json_type,
                "POST",
                {},
            )
        )
    return cases
