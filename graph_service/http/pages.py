"""The page app's addresses: every view's route answers with the built index.html (`make web`)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response


def web_dir() -> Path:
    """The built explorer and GraphiQL (`make` builds `web/dist` from `web/`)."""
    return Path(__file__).resolve().parents[2] / "web" / "dist"


MISSING_WEB = (
    "<!doctype html><title>graph_service</title><p>The web pages are not built: run "
    "<code>make web</code> (or <code>make run</code>). GraphQL answers at "
    "<code>POST /graphql</code>.</p>"
)


def page(name: str) -> Response:
    path = web_dir() / name
    if not path.is_file():
        return HTMLResponse(MISSING_WEB, status_code=503)
    return FileResponse(path, media_type="text/html")


# The page app's routes: each view has an address of its own that a reload or a shared
# link opens; the page reads the address and draws the view.
PAGE_ROUTES = (
    "/",
    "/papers",
    "/paper/{id:path}",
    "/similar/{id:path}",
    "/author/{id:path}",
    "/topic/{id:path}",
    "/institution/{id:path}",
)


async def explorer(request: Request) -> Response:
    return page("index.html")
