"""The viewer: a small HTML page (app/static) over the API, for people rather than programs.

Served by the API itself with no outside resources, so it works offline: paste or upload an
article, see its graph and evidence; browse the corpus graph and its disputed claims.
"""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parents[1] / "static"


def install_viewer(app: FastAPI) -> None:
    """``/viewer`` (the page), ``/`` (a redirect to it) and ``/static`` (its script and styles)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def viewer(_request: Request) -> FileResponse:
        return FileResponse(STATIC / "viewer.html", media_type="text/html")

    def root(request: Request) -> RedirectResponse:
        return RedirectResponse(f"{request.scope.get('root_path', '')}/viewer")

    # plain Starlette routes: pages, not API operations (they stay out of the OpenAPI document)
    app.add_route("/viewer", viewer)
    app.add_route("/", root)
