"""What a hostile or careless client can send gets a clear refusal with a code and the
request id, as JSON, never a 500: bodies that are not GraphQL requests, the wrong media
type, bodies over the limit, nesting past any need, forged cursors, overlong search words,
writes without the token. Against the real Neo4j, on the shared graph."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest

from graph_service.api.types.connection import encode_cursor
from tests.support.api import WRITE_TOKEN, Api, api_for
from tests.support.neo4j import Neo4jTarget

AUTHOR = "A9000000042"
WORKS = (
    "query($id: ID!, $after: String) "
    "{ author(id: $id) { works(first: 2, after: $after) { nodes { id } } } }"
)


@pytest.fixture(scope="module")
def guarded(neo4j_target: Neo4jTarget, shared: neo4j.Driver) -> Iterator[Api]:
    """The service over the shared graph with writes on and a small body limit."""
    with api_for(
        neo4j_target, write_token=WRITE_TOKEN, max_body_bytes=200_000, warm_up=False
    ) as client:
        yield client


def refused(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error of a refusal, after checking its status, code and request id."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == code, error
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    return dict(error)


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"null", "not null"),
        (b"5", "not a number"),
        (b"true", "not a boolean"),
        (b'"x"', "not a string"),
        (b'[{"query": "{ serverInfo { name } }"}]', "batches are not accepted"),
        (b'{"query": "{ serverInfo { name } }"}\xff', "not valid UTF-8"),
        (b"[" * 50_000 + b"]" * 50_000, "nests too deeply"),
        (
            b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 100 + b"]" * 100 + b"}}",
            "nests more than 32 levels",
        ),
        (b'{"query": ', "not valid JSON"),
    ],
)
def test_a_body_that_is_not_one_graphql_request_is_a_400(
    guarded: Api, body: bytes, says: str
) -> None:
    error = refused(guarded.client.post("/graphql", content=body, headers=JSON), 400, "BAD_REQUEST")
    assert says in error["message"]


def test_get_variables_nested_deep_are_a_400(guarded: Api) -> None:
    variables = "[" * 5_000 + "]" * 5_000
    response = guarded.client.get(
        "/graphql", params={"query": "{ __typename }", "variables": variables}
    )
    assert "nests" in refused(response, 400, "BAD_REQUEST")["message"]


def test_only_application_json_is_read_as_json(guarded: Api) -> None:
    body = b'{"query": "{ __typename }"}'
    for media in ["text/plain; application/json", "application/jsonx", "text/plain", ""]:
        response = guarded.client.post("/graphql", content=body, headers={"content-type": media})
        assert "application/json" in refused(response, 415, "UNSUPPORTED_MEDIA_TYPE")["message"]
    answer = guarded.client.post(
        "/graphql", content=body, headers={"content-type": "application/json; charset=utf-8"}
    )
    assert answer.json() == {
        "data": {"__typename": "Query"},
        "extensions": answer.json()["extensions"],
    }


def test_other_methods_are_a_coded_405(guarded: Api) -> None:
    # Starlette's own 405 for these had a plain-text body and no code.
    for method in ["PUT", "DELETE", "PATCH", "OPTIONS"]:
        response = guarded.client.request(method, "/graphql", json={"query": "{ __typename }"})
        assert "GET or POST" in refused(response, 405, "METHOD_NOT_ALLOWED")["message"]
        assert response.headers["allow"] == "GET, POST"


def test_a_body_over_the_limit_is_a_413_and_the_service_answers_next(guarded: Api) -> None:
    big = b'{"query": "' + b" " * 300_000 + b'{ __typename }"}'
    message = refused(
        guarded.client.post("/graphql", content=big, headers=JSON), 413, "REQUEST_TOO_LARGE"
    )
    assert "200,000 bytes" in message["message"]

    # Streamed without a length, it is cut off as it arrives.
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "'
        for _ in range(30):
            yield b" " * 10_000
        yield b'{ __typename }"}'

    streamed = guarded.client.post("/graphql", content=chunks(), headers=JSON)
    refused(streamed, 413, "REQUEST_TOO_LARGE")
    assert guarded.data("{ __typename }") == {"__typename": "Query"}


def test_parse_errors_and_the_token_limit_carry_a_code_and_the_request_id(guarded: Api) -> None:
    headers = {**JSON, "x-request-id": "probe-1"}
    syntax = guarded.client.post("/graphql", content=b'{"query": "{ author(id: "}', headers=headers)
    assert syntax.status_code == 200
    error = syntax.json()["errors"][0]
    assert error["extensions"] == {"code": "GRAPHQL_PARSE_FAILED", "requestId": "probe-1"}
    tokens = guarded.client.post("/graphql", json={"query": "{" + " __typename" * 5000 + "}"})
    (error,) = tokens.json()["errors"]
    assert error["extensions"]["code"] == "DOCUMENT_TOO_LARGE"
    assert error["extensions"]["requestId"] == tokens.headers["x-request-id"]


def test_writes_without_the_token_are_401_and_writes_disabled_403(
    guarded: Api, neo4j_target: Neo4jTarget
) -> None:
    mutation = {"query": 'mutation { deleteWork(id: "W9000000001") }'}
    for header in [
        {},
        {"authorization": "Bearer wrong-token-0123456789"},
        {"authorization": WRITE_TOKEN},
    ]:
        response = guarded.client.post("/graphql", json=mutation, headers=header)
        refused(response, 401, "FORBIDDEN")
    with api_for(neo4j_target, warm_up=False) as closed:
        response = closed.client.post("/graphql", json=mutation)
        assert "disabled" in refused(response, 403, "FORBIDDEN")["message"]


def test_a_10kb_search_word_is_bad_input_not_an_outage(guarded: Api) -> None:
    for text in ["x" * 10_000, "x" * 400, "\x00" * 50 + "zhou", '+-&&||!(){}[]^"~*?:\\/ zhou']:
        body = guarded.post("query($q: String!) { search(query: $q) { node { id } } }", {"q": text})
        if "errors" in body:
            assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
        else:
            assert isinstance(body["data"]["search"], list)


@pytest.mark.parametrize(
    "cursor",
    [
        encode_cursor("page_author_works_newest", [-(2**64), 0, "W1"]),
        base64.urlsafe_b64encode(
            b'["page_author_works_newest", ' + b"[" * 3000 + b"]" * 3000 + b"]"
        ).decode(),
        # The right list, the wrong shape: it used to give an empty page without a word.
        encode_cursor("page_author_works_newest", ["W1", -2020, 0]),
        encode_cursor("page_author_works_newest", [-2020, "W1"]),
    ],
)
def test_forged_cursors_are_bad_input(guarded: Api, cursor: str) -> None:
    errors = guarded.errors(WORKS, {"id": AUTHOR, "after": cursor})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "not a cursor" in errors[0]["message"]


def test_a_real_cursor_still_pages(guarded: Api) -> None:
    first = guarded.data(
        WORKS.replace("nodes { id }", "nodes { id } pageInfo { endCursor }"), {"id": AUTHOR}
    )
    works = first["author"]["works"]
    second = guarded.data(WORKS, {"id": AUTHOR, "after": works["pageInfo"]["endCursor"]})
    assert second["author"]["works"]["nodes"]
    assert not {n["id"] for n in second["author"]["works"]["nodes"]} & {
        n["id"] for n in works["nodes"]
    }


def test_introspection_and_graphiql_can_be_turned_off(
    neo4j_target: Neo4jTarget, guarded: Api
) -> None:
    schema = "{ __schema { queryType { name } } }"
    assert guarded.data(schema) == {"__schema": {"queryType": {"name": "Query"}}}
    with api_for(neo4j_target, warm_up=False, introspection=False) as closed:
        errors = closed.errors(schema)
        assert errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        assert "introspection" in errors[0]["message"].lower()
        ide = closed.client.get("/graphql", headers={"accept": "text/html"})
        refused(ide, 404, "NOT_FOUND")
        assert closed.data("{ __typename }") == {"__typename": "Query"}
