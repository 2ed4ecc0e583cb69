"""Mapping and checking OpenAlex records, without a database."""

from __future__ import annotations

import re

import pytest

from graph_service.ingest.openalex import RecordError, parse_institution, parse_work, short_id


def test_short_ids() -> None:
    assert short_id("https://openalex.org/W2105824687") == "W2105824687"
    assert short_id("W2105824687") == "W2105824687"
    assert short_id("https://openalex.org/subfields/2002") == "subfields/2002"


def test_work_mapping() -> None:
    work = parse_work(
        {
            "id": "https://openalex.org/W1",
            "doi": "https://doi.org/10.1/ABC",
            "display_name": "Title",
            "publication_year": 2001,
            "authorships": [
                {"author": {"id": None, "display_name": "Nobody"}},
                {
                    "author": {"id": "https://openalex.org/A1", "display_name": "One"},
                    "institutions": [{"id": "https://openalex.org/I1", "lineage": []}],
                    "is_corresponding": True,
                },
                {"author": {"id": "https://openalex.org/A1", "display_name": "One"}},
            ],
            "referenced_works": ["https://openalex.org/W1", "W2", "W2"],
        }
    )
    assert work.id == "W1"
    assert work.props["doi"] == "10.1/abc"
    assert work.props["title"] == "Title"
    assert work.anonymous_authorships == 1
    assert work.authorships == [
        {
            "id": "A1",
            "name": "One",
            "orcid": None,
            "position": 2,
            "isCorresponding": True,
            "institutionIds": ["I1"],
        }
    ]
    assert work.references == ["W2"]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({}, "id is missing"),
        ({"id": "A1"}, "not an OpenAlex W... id"),
        ({"id": "W1", "publication_year": True}, "publication_year is bool, expected int"),
        ({"id": "W1", "cited_by_count": "3"}, "cited_by_count is str"),
        ({"id": "W1", "authorships": [1]}, "authorships[0] is not an object"),
        ({"id": "W1", "topics": [{"id": "T1", "score": "high"}]}, "topics[0].score is str"),
        ({"id": "W1", "referenced_works": [7]}, "referenced_works[0] is int"),
        ("W1", "must be a JSON object"),
    ],
)
def test_bad_works_say_why(record: object, reason: str) -> None:
    with pytest.raises(RecordError, match=re.escape(reason)):
        parse_work(record)


def test_institution_lineage_becomes_parents() -> None:
    institution = parse_institution(
        {
            "id": "https://openalex.org/I1",
            "ror": "https://ror.org/0abc",
            "lineage": ["https://openalex.org/I1", "https://openalex.org/I2"],
            "geo": {"country_code": "FR", "city": "Paris"},
        }
    )
    assert institution["parents"] == ["I2"]
    assert institution["ror"] == "0abc"
    assert institution["countryCode"] == "FR"
