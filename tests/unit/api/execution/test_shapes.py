"""The direct walk's sharing: which variables shape a walk (and so key it) and which are
read per request."""

from __future__ import annotations

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse

from graph_service.api.execution.shapes import shaping


def shaped(text: str) -> tuple[str, ...]:
    document = parse(text)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return shaping(operation, fragments)


def test_a_root_fields_own_arguments_do_not_shape_the_walk() -> None:
    assert shaped("query($id: ID!) { author(id: $id) { name } paper(id: $id) { title } }") == ()
    assert shaped("query($q: String!) { ... on Query { search(query: $q) { score } } }") == ()


def test_nested_arguments_and_directives_shape_it() -> None:
    text = """query($id: ID!, $n: Int, $with: Boolean!, $skip: Boolean!, $order: WorkOrder) {
      author(id: $id) @skip(if: $skip) {
        works(first: $n, orderBy: $order) { nodes { authorships @include(if: $with) { position } } }
      }
    }"""
    assert shaped(text) == ("n", "order", "skip", "with")


def test_a_named_fragments_variables_all_shape_it() -> None:
    text = """query($id: ID!, $n: Int) { ...Root }
    fragment Root on Query { author(id: $id) { topics(first: $n) { works } } }"""
    assert shaped(text) == ("id", "n")
