"""What a person types becomes a Lucene query of whole words and prefixes, nothing else."""

from __future__ import annotations

import pytest

from graph_service.api.resolvers.fulltext import MAX_WORDS, lucene_query
from graph_service.errors import InvalidInput


def test_every_word_must_match_whole_or_as_a_prefix() -> None:
    assert lucene_query("Changhai Zh") == "(changhai^2 OR changhai*) AND (zh^2 OR zh*)"


@pytest.mark.parametrize("text", ['zhou AND ("[~', "zhou and", "  zhou,  AND!! "])
def test_lucene_syntax_is_only_words(text: str) -> None:
    assert lucene_query(text) == "(zhou^2 OR zhou*) AND (and^2 OR and*)"


def test_unicode_words_are_kept() -> None:
    assert lucene_query("Zoë") == "(zoë^2 OR zoë*)"


def test_no_words_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no words"):
        lucene_query(" ()[]~ ")


def test_too_many_words_is_refused() -> None:
    with pytest.raises(InvalidInput, match=f"the maximum is {MAX_WORDS}"):
        lucene_query(" ".join(["w"] * (MAX_WORDS + 1)))


def test_a_field_scopes_every_word() -> None:
    assert (
        lucene_query("graph Nets", "title")
        == "title:(graph^2 OR graph*) AND title:(nets^2 OR nets*)"
    )


def test_overlong_words_and_queries_are_refused_before_lucene_sees_them() -> None:
    # Lucene refuses a prefix of thousands of characters with an internal error.
    with pytest.raises(InvalidInput, match="a word of 400 characters"):
        lucene_query("x" * 400)
    with pytest.raises(InvalidInput, match="query has 10,000 characters"):
        lucene_query("x" * 10_000)
    with pytest.raises(InvalidInput, match="query has 600 characters"):
        lucene_query("ab " * 200)
