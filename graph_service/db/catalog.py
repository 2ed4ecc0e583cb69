"""The catalog of Cypher statements: the text of every file in `cypher/`, read once.

Two statements are templates the catalog writes out per request shape: the slice (once per
centre label and depth) and a path's ends (once per pair of end labels). Their labels come
from the closed set `LABELS` and their levels from the file itself; values are always
parameters. A statement that needs one block twice (a list counted in one pass and paged in
another) writes it once between `// begin part NAME` and `// end part NAME`; the catalog puts
it again where `// repeat part NAME` stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graph_service.db.statements import LABELS, Statement

SUFFIX = ".cypher"
BEGIN_LEVEL = "// begin level"
END_LEVEL = "// end level"
BEGIN_PART, END_PART, REPEAT_PART = "// begin part ", "// end part ", "// repeat part "
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
