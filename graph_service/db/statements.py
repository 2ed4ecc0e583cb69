"""The catalog of Cypher statements: every file in `cypher/` by a typed name, read once.

A wrong name fails at type-check time. Two statements are templates the catalog writes out
per request shape: the slice (once per centre label and depth) and a path's ends (once per
pair of end labels). Their labels come from the closed set below and their levels from the file
itself; values are always parameters. A statement that needs one block twice (a list counted
in one pass and paged in another) writes it once between `// begin part NAME` and
`// end part NAME`; the catalog puts it again where `// repeat part NAME` stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

SUFFIX = ".cypher"
# Node labels, as the graph and the API's NodeType name them.
LABELS = ("Author", "Paper", "Topic", "Institution")
BEGIN_LEVEL = "// begin level"
END_LEVEL = "// end level"
BEGIN_PART, END_PART, REPEAT_PART = "// begin part ", "// end part ", "// repeat part "


class Statement(StrEnum):
    """A statement in `cypher/<value>.cypher`."""

    AWAIT_INDEXES = "await_indexes"
    CLEAR_HUB_CHANGES = "clear_hub_changes"
    CLEAR_STALE_PAPERS = "clear_stale_papers"
    COUNT_GRAPH = "count_graph"
    COUNT_PATH_FRONTIER = "count_path_frontier"
    COUNT_STALE_PAPERS = "count_stale_papers"
    DELETE_NODES = "delete_nodes"
    DELETE_RELATIONSHIPS = "delete_relationships"
    DELETE_SIMILAR_TO = "delete_similar_to"
    DELETE_WORK = "delete_work"
    DROP_PROJECTION = "drop_projection"
    EXPAND_PATH_FRONTIER = "expand_path_frontier"
    FIND_COLLABORATION_PATH = "find_collaboration_path"
    FIND_PATH_ENDS = "find_path_ends"
    FIND_SIMILARITY_PATH = "find_similarity_path"
    HAS_CITATIONS = "has_citations"
    FINISH_REFRESH = "finish_refresh"
    GET_AUTHORS = "get_authors"
    GET_AUTHOR_AFFILIATIONS = "get_author_affiliations"
    GET_AUTHOR_CATEGORIES = "get_author_categories"
    GET_AUTHOR_PROFILE = "get_author_profile"
    GET_AUTHOR_TOPICS = "get_author_topics"
    GET_INSTITUTIONS = "get_institutions"
    GET_INSTITUTION_PARENTS = "get_institution_parents"
    GET_PAPERS = "get_papers"
    GET_PAPER_ABSTRACTS = "get_paper_abstracts"
    GET_PAPER_AUTHORSHIPS = "get_paper_authorships"
    GET_PAPER_TOPICS = "get_paper_topics"
    GET_TOPICS = "get_topics"
    GET_TOPIC_CHILDREN = "get_topic_children"
    GET_TOPIC_IDS = "get_topic_ids"
    GET_TOPIC_TOP_AUTHORS = "get_topic_top_authors"
    LINK_ARXIV_PAPERS = "link_arxiv_papers"
    MARK_HUB_CHANGES = "mark_hub_changes"
    MARK_PAPERS_STALE = "mark_papers_stale"
    MEET_PATH_HUBS = "meet_path_hubs"
    MEET_PATH_HUBS_FROM_HUBS = "meet_path_hubs_from_hubs"
    MEET_PATH_HUB_PAIRS = "meet_path_hub_pairs"
    PAGE_AUTHOR_COLLABORATORS = "page_author_collaborators"
    PAGE_AUTHOR_WORKS_IMPORTANT = "page_author_works_important"
    PAGE_AUTHOR_WORKS_MOST_CITED = "page_author_works_most_cited"
    PAGE_AUTHOR_WORKS_NEWEST = "page_author_works_newest"
    PAGE_INSTITUTION_AUTHORS = "page_institution_authors"
    PAGE_INSTITUTION_WORKS = "page_institution_works"
    PAGE_PAPERS = "page_papers"
    PAGE_PAPER_CITATIONS = "page_paper_citations"
    PAGE_PAPER_CITED_BY = "page_paper_cited_by"
    PAGE_PAPER_REFERENCES = "page_paper_references"
    PAGE_PAPER_RELATED = "page_paper_related"
    PAGE_TOPIC_WORKS = "page_topic_works"
    PING = "ping"
    PROJECT_CITATIONS = "project_citations"
    PROJECT_PAPERS = "project_papers"
    RANK_HUBS = "rank_hubs"
    RANK_IMPORTANCE = "rank_importance"
    REFRESH_AUTHORS = "refresh_authors"
    REFRESH_AUTHOR_IMPORTANCE = "refresh_author_importance"
    REFRESH_SIMILARITY = "refresh_similarity"
    RESOLVE_ARXIV_IDS = "resolve_arxiv_ids"
    SAMPLE_IDS = "sample_ids"
    SCHEMA_AUTHOR_ID = "schema_author_id"
    SCHEMA_INSTITUTION_ID = "schema_institution_id"
    SCHEMA_PAPER_ARXIV_ID = "schema_paper_arxiv_id"
    SCHEMA_PAPER_DOI = "schema_paper_doi"
    SCHEMA_PAPER_ID = "schema_paper_id"
    SCHEMA_PAPER_TEXT = "schema_paper_text"
    SCHEMA_PAPER_YEAR = "schema_paper_year"
    SCHEMA_SEARCH = "schema_search"
    SCHEMA_TOPIC_ID = "schema_topic_id"
    SEARCH_NODES = "search_nodes"
    SELECT_CITATION = "select_citation"
    SELECT_NEIGHBORHOOD = "select_neighborhood"
    SELECT_PATH_SLICE = "select_path_slice"
    SELECT_CHANGED_HUBS = "select_changed_hubs"
    SELECT_HUBS = "select_hubs"
    SELECT_SIMILARITY = "select_similarity"
    SELECT_STALE_AUTHORS = "select_stale_authors"
    SELECT_STUBS = "select_stubs"
    SERVER_COMPONENTS = "server_components"
    SHOW_ACCESS = "show_access"
    SHOW_SCHEMA = "show_schema"
    UPSERT_ARXIV_PAPERS = "upsert_arxiv_papers"
    UPSERT_CATEGORIES = "upsert_categories"
    UPSERT_INSTITUTIONS = "upsert_institutions"
    UPSERT_TOPICS = "upsert_topics"
    UPSERT_WORKS = "upsert_works"
    WRITE_IMPORTANCE = "write_importance"
    WRITE_SIMILAR_LISTS = "write_similar_lists"


# Constraints and indexes, applied in this order at start-up (idempotent).
SCHEMA = tuple(s for s in Statement if s.name.startswith("SCHEMA_"))
# The name a schema statement creates its constraint or index under.
SCHEMA_NAME = re.compile(r"CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+)?INDEX)\s+(\w+)\s+IF NOT EXISTS")


@dataclass(frozen=True)
class Composed:
    """A statement written out from a template for one request shape."""

    name: str
    text: str


def cypher_dir() -> Path:
    """`graph_service/cypher` in a built wheel, the repository's `cypher/` in a source tree."""
    packaged = Path(str(resources.files("graph_service"))) / "cypher"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "cypher"


def read_folder(folder: Path) -> dict[str, str]:
    """Every `.cypher` file of a folder by name (the examples, the benchmarks' own)."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.cypher"))}


class Catalog:
    """The texts of every `Statement`, read from `folder` (default: the installed `cypher/`)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cypher_dir()
        texts = read_folder(self.folder)
        missing = [s.value for s in Statement if s.value not in texts]
        if missing:
            raise FileNotFoundError(f"no {', '.join(missing)} in {self.folder} ({SUFFIX})")
        self._texts = {s: _repeat_parts(texts[s.value]) for s in Statement}
        self._composed: dict[tuple[str, ...], Composed] = {}

    def text(self, statement: Statement | Composed) -> str:
        return statement.text if isinstance(statement, Composed) else self._texts[statement]

    def schema_name(self, statement: Statement) -> str:
        """The constraint or index a `schema_*` statement creates."""
        found = SCHEMA_NAME.search(self._texts[statement])
        if found is None:
            raise ValueError(f"{statement.value} creates no named constraint or index")
        return found.group(1)

    def neighborhood(self, label: str, depth: int) -> Composed:
        """`select_neighborhood` for a centre of `label`, expanding `depth` levels."""
        key = ("neighborhood", label, str(depth))
        composed = self._composed.get(key)
        if composed is None:
            text = _levels(self._texts[Statement.SELECT_NEIGHBORHOOD], depth)
            composed = self._composed[key] = Composed(
                f"select_neighborhood({label}, depth {depth})",
                text.replace(":CENTER_LABEL ", f":{_label(label)} "),
            )
        return composed

    def path_ends(self, source: str, target: str) -> Composed:
        """`find_path_ends` for a node of label `source` and one of label `target`."""
        key = ("path", source, target)
        composed = self._composed.get(key)
        if composed is None:
            text = self._texts[Statement.FIND_PATH_ENDS]
            composed = self._composed[key] = Composed(
                f"find_path_ends({source}, {target})",
                text.replace(":SOURCE_LABEL ", f":{_label(source)} ").replace(
                    ":TARGET_LABEL ", f":{_label(target)} "
                ),
            )
        return composed


def _label(label: str) -> str:
    if label not in LABELS:
        raise ValueError(f"{label!r} is not a node label ({', '.join(LABELS)})")
    return label


def _levels(template: str, depth: int) -> str:
    """The template with its level block written `depth` times (as is without one)."""
    lines = template.splitlines(keepends=True)
    begin = [i for i, line in enumerate(lines) if line.startswith(BEGIN_LEVEL)]
    end = [i for i, line in enumerate(lines) if line.startswith(END_LEVEL)]
    if not begin or not end:
        return template
    level = lines[begin[0] : end[0] + 1]
    return "".join(lines[: begin[0]] + level * depth + lines[end[0] + 1 :])


def _repeat_parts(text: str) -> str:
    """The text with each `repeat part NAME` line replaced by the lines of that part."""
    lines = text.splitlines(keepends=True)
    parts: dict[str, list[str]] = {}
    for i, line in enumerate(lines):
        if line.strip().startswith(BEGIN_PART):
            name = line.strip().removeprefix(BEGIN_PART)
            ends = [j for j in range(i, len(lines)) if lines[j].strip() == END_PART + name]
            if not ends:
                raise ValueError(f"part {name!r} has no {END_PART.strip()!r} line")
            parts[name] = lines[i + 1 : ends[0]]
    out: list[str] = []
    for line in lines:
        if line.strip().startswith(REPEAT_PART):
            name = line.strip().removeprefix(REPEAT_PART)
            if name not in parts:
                raise ValueError(f"no part {name!r} to repeat")
            out.extend(parts[name])
        else:
            out.append(line)
    return "".join(out)
