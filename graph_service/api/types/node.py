"""What every node of the graph is: the Node interface and the kinds of node."""

from __future__ import annotations

from enum import Enum

import strawberry

# The most items a list field without cursors gives.
MAX_LIST = 100


@strawberry.enum(description="The kinds of node in the graph.")
class NodeType(Enum):
    AUTHOR = "Author"
    PAPER = "Paper"
    TOPIC = "Topic"
    INSTITUTION = "Institution"


ALL_LABELS = [t.value for t in NodeType]


@strawberry.interface(description="Anything in the graph; ids are short OpenAlex ids.")
class Node:
    id: strawberry.ID
