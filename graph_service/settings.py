"""The service's settings: read once from the environment, then passed around."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# What one request may cost, and the admission lanes' widths, unless the environment says
# otherwise (the GraphQL layer's defaults too).
DEFAULT_COST_BUDGET = 10_000
# Memory of the project-managed Neo4j (the CLI's start and every LocalServer by default).
NEO4J_HEAP = "2g"
NEO4J_PAGECACHE = "2g"
MOST_AT_ONCE = 32
MOST_PER_CLIENT = 16
HEAVY_AT_ONCE = 2
# Similar papers: how many each keeps per kind, and the reference count past which a work
# (or the citation count past which a cited work) adds no pairs.
SIMILAR_TOP_K = 20
SIMILAR_HUB_CAP = 500
# A work with more authors gives no co-author pairs: a collaboration of 3,000 physicists would
# make 4.5 million, and say nothing of who works with whom.
COAUTHOR_CAP = 100


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def default_neo4j_home() -> Path:
    """Where the project-managed Neo4j lives by default: per user, outside any git tree."""
    return platformdirs.user_data_path("graph-service") / "neo4j"


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Everything the service and the CLI read from the environment."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True, frozen=True)

    neo4j_uri: str | None = Field(
        default=None,
        validation_alias=_env("NEO4J_URI"),
        description="Bolt or neo4j:// URI; unset means the project-managed local server.",
    )
    neo4j_user: str = Field(default="neo4j", validation_alias=_env("NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(default=None, validation_alias=_env("NEO4J_PASSWORD"))
    neo4j_database: str = Field(default="neo4j", validation_alias=_env("NEO4J_DATABASE"))
    neo4j_home: Path = Field(
        default_factory=default_neo4j_home,
        validation_alias=_env("GRAPH_SERVICE_NEO4J_HOME"),
    )
    maven_settings: Path | None = Field(
        default=None,
        validation_alias=_env("GRAPH_SERVICE_MAVEN_SETTINGS"),
        description="Maven settings.xml used to fetch Neo4j (e.g. one naming a mirror).",
    )
    bolt_port: int = Field(default=7687, validation_alias=_env("GRAPH_SERVICE_BOLT_PORT"))
    http_port: int = Field(default=7474, validation_alias=_env("GRAPH_SERVICE_HTTP_PORT"))
    heap: str = Field(default=NEO4J_HEAP, validation_alias=_env("GRAPH_SERVICE_NEO4J_HEAP"))
    pagecache: str = Field(
        default=NEO4J_PAGECACHE, validation_alias=_env("GRAPH_SERVICE_NEO4J_PAGECACHE")
    )
    host: str = Field(default="127.0.0.1", validation_alias=_env("GRAPH_SERVICE_HOST"))
    port: int = Field(default=8000, validation_alias=_env("GRAPH_SERVICE_PORT"))
    query_timeout: float = Field(
        default=10.0,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_QUERY_TIMEOUT"),
        description="Seconds a Cypher transaction may run before the server stops it.",
    )
    request_timeout: float = Field(
        default=15.0,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_REQUEST_TIMEOUT"),
        description="Seconds a GraphQL request may take in all; past it: QUERY_TIMEOUT.",
    )
    cost_budget: int = Field(
        default=DEFAULT_COST_BUDGET,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_COST_BUDGET"),
        description="The most one operation may cost (docs/api.md: how cost is counted).",
    )
    max_response_bytes: int = Field(
        default=10_000_000,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_MAX_RESPONSE_BYTES"),
    )
    max_body_bytes: int = Field(
        default=4_000_000,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_MAX_BODY_BYTES"),
        description="The largest request body; over it: HTTP 413.",
    )
    introspection: bool = Field(
        default=True,
        validation_alias=_env("GRAPH_SERVICE_INTROSPECTION"),
        description="Schema introspection and GraphiQL at GET /graphql; off in production "
        "if the schema is not for the public to browse.",
    )
    max_concurrent: int = Field(
        default=MOST_AT_ONCE,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_MAX_CONCURRENT"),
        description="Operations running at once; more wait a moment, then get HTTP 503.",
    )
    max_per_client: int = Field(
        default=MOST_PER_CLIENT,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_MAX_PER_CLIENT"),
        description="Of those, operations from one client address; behind a proxy every "
        "request has the proxy's address, so raise it to GRAPH_SERVICE_MAX_CONCURRENT there.",
    )
    max_heavy: int = Field(
        default=HEAVY_AT_ONCE,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_MAX_HEAVY"),
        description="Of those, operations costing over a tenth of the budget.",
    )
    workers: int | None = Field(
        default=None,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_WORKERS"),
        description="Processes `serve` runs, each with its own driver and limits; unset: "
        "one per core.",
    )
    fast_completion: bool = Field(
        default=True,
        validation_alias=_env("GRAPH_SERVICE_FAST_COMPLETION"),
        description="Complete responses through the service's fast paths (objects of plain "
        "fields, operations one statement settles); off: graphql-core completes every field, "
        "the same answers more slowly (to rule the fast paths out when a response looks wrong).",
    )
    warm_up: bool = Field(
        default=True,
        validation_alias=_env("GRAPH_SERVICE_WARM_UP"),
        description="Plan the common statements before serving: start-up takes seconds "
        "longer, first requests do not. Off for quick restarts in development.",
    )
    neo4j_pool_size: int = Field(
        default=40,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_NEO4J_POOL_SIZE"),
        description="Bolt connections the service keeps at most.",
    )
    neo4j_connection_lifetime: float = Field(
        default=600.0,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_NEO4J_CONNECTION_LIFETIME"),
        description="Seconds a Bolt connection is used before it is replaced: under the idle "
        "timeout of any proxy or firewall between the service and Neo4j, and short enough "
        "that connections spread over a cluster's members again after one returns.",
    )
    neo4j_liveness_check: float | None = Field(
        default=30.0,
        ge=0,
        validation_alias=_env("GRAPH_SERVICE_NEO4J_LIVENESS_CHECK"),
        description="A connection idle this many seconds is checked before use (a round "
        "trip), so one a restart or a proxy dropped is replaced instead of failing a request.",
    )
    neo4j_acquisition_timeout: float | None = Field(
        default=None,
        gt=0,
        validation_alias=_env("GRAPH_SERVICE_NEO4J_ACQUISITION_TIMEOUT"),
        description="Seconds a statement waits for a pooled connection; unset: as long as a "
        "request may take (GRAPH_SERVICE_REQUEST_TIMEOUT).",
    )

    similar_top_k: int = Field(
        default=SIMILAR_TOP_K,
        gt=0,
        le=200,
        validation_alias=_env("GRAPH_SERVICE_SIMILAR_TOP_K"),
        description="Similar papers each paper keeps by co-citation, and again by coupling.",
    )
    similar_hub_cap: int = Field(
        default=SIMILAR_HUB_CAP,
        gt=1,
        validation_alias=_env("GRAPH_SERVICE_SIMILAR_HUB_CAP"),
        description="A work citing more works than this adds no co-citation pairs, and a work "
        "cited more often adds no coupling pairs.",
    )

    coauthor_cap: int = Field(
        default=COAUTHOR_CAP,
        ge=2,
        validation_alias=_env("GRAPH_SERVICE_COAUTHOR_CAP"),
        description="A work with more authors than this gives no co-author pairs "
        "(COLLABORATES_WITH); its authors are its authors all the same.",
    )

    write_token: SecretStr | None = Field(
        default=None,
        validation_alias=_env("GRAPH_SERVICE_WRITE_TOKEN"),
        description="Bearer token that allows the GraphQL mutations; unset disables writes.",
    )

    @field_validator("write_token")
    @classmethod
    def _strong_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if len(value.get_secret_value()) < 16:
            raise ValueError(
                "the write token must be at least 16 characters long "
                "(e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(24))'`)"
            )
        return value

    @field_validator("neo4j_uri")
    @classmethod
    def _bolt_uri(cls, value: str | None) -> str | None:
        if not value:
            return None
        scheme = value.partition("://")[0].lower()
        if scheme not in BOLT_SCHEMES or "://" not in value:
            raise ValueError(
                f"{value!r} is not a Bolt URI: use bolt://host:7687 or neo4j://host:7687 "
                "(+s or +ssc for TLS); http:// is the Browser's port, not Bolt's"
            )
        return value

    @field_validator("bolt_port", "http_port", "port")
    @classmethod
    def _valid_port(cls, value: int) -> int:
        if not 0 < value < 65536:
            raise ValueError(f"port {value} is outside 1-65535")
        return value

    @property
    def similar(self) -> tuple[int, int]:
        """(top K, hub cap) of the similarity lists."""
        return self.similar_top_k, self.similar_hub_cap

    @property
    def token(self) -> str | None:
        return self.write_token.get_secret_value() if self.write_token else None

    @property
    def password(self) -> str | None:
        return self.neo4j_password.get_secret_value() if self.neo4j_password else None
