"""The Cypher statements in `cypher/`, one per file, loaded once by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SUFFIX = ".cypher"


def cypher_dir() -> Path:
    """`graph_service/cypher` in a built wheel, the repository's `cypher/` in a source tree."""
    packaged = Path(str(resources.files("graph_service"))) / "cypher"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "cypher"


class Statements:
    """Every statement in the folder, keyed by its file name without `.cypher`."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cypher_dir()
        self._texts = {
            path.stem: path.read_text(encoding="utf-8")
            for path in sorted(self.folder.glob(f"*{SUFFIX}"))
        }
        if not self._texts:
            raise FileNotFoundError(f"no {SUFFIX} files in {self.folder}")

    def __getitem__(self, name: str) -> str:
        try:
            return self._texts[name]
        except KeyError:
            raise KeyError(f"no statement {name}{SUFFIX} in {self.folder}") from None

    def names(self) -> list[str]:
        return list(self._texts)

    def with_prefix(self, prefix: str) -> list[str]:
        return [name for name in self._texts if name.startswith(prefix)]
