"""Paper lists: the papers that pass a filter (words, categories, topics, people, places,
dates, code, open access, citations), newest, most cited or most relevant first, a page at a
time."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry

from graph_service.api.context import Ctx
from graph_service.api.execution.lookahead import selected
from graph_service.api.resolvers.entities import parse_id
from graph_service.api.resolvers.fulltext import lucene_query
from graph_service.api.types.connection import (
    MAX_PAGE,
    Connection,
    ahead,
    connection,
    decode_cursor,
)
from graph_service.api.types.paper import Paper
from graph_service.api.types.paper_list import PaperFilter, PaperOrder
from graph_service.db.statements import Statement
from graph_service.errors import InvalidInput, check_order, check_range
from graph_service.ingest.arxiv import is_category

MAX_FILTER_IDS = 100
EXAMPLE_IDS = {"Author": "A5009198168", "Institution": "I36234482", "Topic": "T10181"}
# Years a filter may name; outside them nothing is dated.
FIRST_YEAR, LAST_YEAR = 1000, 2999


async def select_papers(
    info: Ctx,
    filter: PaperFilter | None,
    order_by: PaperOrder | None,
    first: int,
    after: str | None,
) -> Connection[Paper]:
    check_range("first", first, 1, MAX_PAGE)
    wanted = filter or PaperFilter()
    order = order_by or (PaperOrder.RELEVANCE if wanted.query else PaperOrder.NEWEST)
    if order is PaperOrder.RELEVANCE and not wanted.query:
        raise InvalidInput("orderBy RELEVANCE ranks by the words of filter.query; give a query")
    kind = f"papers:{order.value}"
    parameters = parameters_for(wanted)
    parameters.update(order=order.value, after=decode_cursor(kind, after), first=ahead(first))
    # Counting reads every candidate once more: only when the query asks for the count.
    parameters["count"] = "totalCount" in selected(info.selected_fields[0].selections)
    rows = await info.context.repository.read(Statement.PAGE_PAPERS, parameters)
    return connection(kind, rows[0], first, Paper.of)


def parameters_for(wanted: PaperFilter) -> dict[str, Any]:
    """The statement's parameters for a filter, checked; the source of candidates is the
    part likely to give the fewest (a null part checks nothing)."""
    values: dict[str, Any] = {
        "authors": _ids("authorIds", wanted.author_ids, "Author"),
        "institutions": _ids("institutionIds", wanted.institution_ids, "Institution"),
        "categories": _categories(wanted.categories),
        "topics": _ids("topics", wanted.topics, "Topic"),
        "yearFrom": _year("yearFrom", wanted.year_from),
        "yearTo": _year("yearTo", wanted.year_to),
        "dateFrom": _day("dateFrom", wanted.date_from),
        "dateTo": _day("dateTo", wanted.date_to),
        "hasCode": wanted.has_code,
        "openAccess": wanted.open_access,
        "minCitations": wanted.min_citations,
        "words": None,
        "titleWords": None,
        "fromIds": [],
    }
    check_order("yearFrom", values["yearFrom"], "yearTo", values["yearTo"])
    check_order("dateFrom", values["dateFrom"], "dateTo", values["dateTo"])
    if wanted.min_citations is not None and wanted.min_citations < 0:
        raise InvalidInput(f"minCitations must be 0 or more; got {wanted.min_citations}")
    if wanted.query is not None:
        # Only the index can tell which papers match, and it gives the scores.
        values["words"] = lucene_query(wanted.query)
        values["titleWords"] = lucene_query(wanted.query, "title")
        return _from(values, "query")
    for source, part in (
        ("authors", "authors"),
        ("institutions", "institutions"),
        ("topics", "categories"),
        ("topics", "topics"),
    ):
        if values[part] is not None:
            # The source gives exactly these papers: no need to check them again.
            values["fromIds"], values[part] = values[part], None
            return _from(values, source)
    if values["yearFrom"] is None and values["yearTo"] is None:
        return _from(values, "all")
    # The year index is the source; a bound not given is the widest.
    values["yearFrom"] = values["yearFrom"] if values["yearFrom"] is not None else FIRST_YEAR
    values["yearTo"] = values["yearTo"] if values["yearTo"] is not None else LAST_YEAR
    return _from(values, "years")


def _from(values: dict[str, Any], source: str) -> dict[str, Any]:
    values["from"] = source
    return values


def _ids(name: str, given: list[strawberry.ID] | None, label: str) -> list[str] | None:
    if given is None:
        return None
    check_range(f"the number of {name}", len(given), 1, MAX_FILTER_IDS)
    ids = []
    for value in given:
        parsed = parse_id(value, label)
        if parsed is None:
            raise InvalidInput(
                f"{name}: {value!r} is not an id of the kind (e.g. {EXAMPLE_IDS[label]})"
            )
        ids.append(parsed)
    return ids


def _categories(given: list[strawberry.ID] | None) -> list[str] | None:
    if given is None:
        return None
    check_range("the number of categories", len(given), 1, MAX_FILTER_IDS)
    for value in given:
        if not is_category(value):
            raise InvalidInput(
                f"categories: {value!r} is not an arXiv category or archive (cs.LG, cs, hep-th)"
            )
    return [str(value) for value in given]


def _year(name: str, value: int | None) -> int | None:
    if value is not None:
        check_range(name, value, FIRST_YEAR, LAST_YEAR)
    return value


def _day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} is not a day as YYYY-MM-DD: {value!r}") from None
    if len(value) != len("YYYY-MM-DD"):
        raise InvalidInput(f"{name} is not a day as YYYY-MM-DD: {value!r}")
    return day.isoformat()
