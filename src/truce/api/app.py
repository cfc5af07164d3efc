"""The HTTP API and the dashboard in one FastAPI app (`truce serve`).

Every error is a JSON `{"error", "reason"}`: bad parameters are 422, unknown ids 404, a database
that cannot be reached 503. OpenAPI is at /openapi.json with Swagger UI at /docs, served from the
pinned fastapi-offline package (no CDN).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http import HTTPStatus
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, store
from . import export, query, watch
from .filters import Filters, filters_from_query
from .schemas import ArticleDetail, EventDetail, EventPage, Problem, Stats

MAX_LIMIT = 500
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": Problem, "description": "a parameter is invalid"}}
SortParam = Annotated[query.Sort, Query(description="sort key; a leading '-' sorts descending")]


def _problem(status: int, reason: str) -> JSONResponse:
    kind = "invalid parameter" if status == 422 else HTTPStatus(status).phrase.lower()
    return JSONResponse({"error": kind, "reason": reason}, status_code=status)


def _validation_reason(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{k: v for k, v in err.items() if k in ("loc", "msg", "type")} for err in exc.errors()]
        return JSONResponse({"error": "invalid parameter", "reason": _validation_reason(exc),
                             "details": jsonable_encoder(details)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _problem(exc.status_code, str(exc.detail))

    @app.exception_handler(OperationalError)
    async def _db(_req: Request, exc: OperationalError) -> JSONResponse:
        return _problem(503, f"database unavailable: {type(exc.orig).__name__}")

    @app.exception_handler(Exception)
    async def _crash(_req: Request, exc: Exception) -> JSONResponse:
        return _problem(500, f"internal error: {type(exc).__name__}")


def _dashboard_dir() -> str:
    return str(resources.files("truce.dashboard").joinpath("static"))


def create_app(db: str | Engine) -> FastAPI:
    """The app over `db` (a SQLite path, a database URL, or an engine); the schema is migrated first."""
    engine = store.connect(db) if isinstance(db, str) else db
    app = FastAPIOffline(
        title="truce", version=__version__, redoc_url=None, static_url="/_docs",
        description="Conflict events coded from news reports (ACLED and PLOVER), each traceable to the "
                    "sentences that state it.",
        swagger_ui_parameters={"validatorUrl": None},
    )
    app.state.engine = engine
    _install_errors(app)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        resp = await call_next(request)
        resp.headers["X-Content-Type-Options"] = "nosniff"
        path = request.url.path
        if path == "/" or path.startswith("/static/"):
            resp.headers["Content-Security-Policy"] = CSP
        return resp

    @app.get("/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def list_events(
        f: Annotated[Filters, Depends(filters_from_query)],
        sort: SortParam = query.DEFAULT_SORT,
        cursor: Annotated[str | None, Query(max_length=1000, description="next_cursor of the page before")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")] = 50,
    ) -> dict:
        """Events matching the filters, one page at a time (keyset pagination: follow `next_cursor`)."""
        with engine.connect() as conn:
            items, nxt = query.page(conn, f, sort, cursor, limit)
        return {"items": items, "next_cursor": nxt, "limit": limit, "sort": sort}

    def _stream(make: Callable[[Any, Filters, str], Iterator[str]], f: Filters, sort: str) -> Iterator[str]:
        with engine.connect() as conn:
            yield from make(conn, f, sort)

    @app.get("/events.csv", responses=ERRORS, tags=["exports"], response_class=StreamingResponse)
    def export_csv(f: Annotated[Filters, Depends(filters_from_query)], sort: SortParam = query.DEFAULT_SORT):
        """All events matching the filters as ACLED-style CSV (ACLED column names, then truce's extras)."""
        return StreamingResponse(_stream(export.csv_chunks, f, sort), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="truce-events.csv"'})

    @app.get("/events.geojson", responses=ERRORS, tags=["exports"], response_class=StreamingResponse)
    def export_geojson(f: Annotated[Filters, Depends(filters_from_query)], sort: SortParam = query.DEFAULT_SORT):
        """All events matching the filters as a GeoJSON FeatureCollection (RFC 7946)."""
        return StreamingResponse(_stream(export.geojson_chunks, f, sort), media_type="application/geo+json",
                                 headers={"Content-Disposition": 'attachment; filename="truce-events.geojson"'})

    @app.get("/events.parquet", responses=ERRORS, tags=["exports"], response_class=Response)
    def export_parquet(f: Annotated[Filters, Depends(filters_from_query)], sort: SortParam = query.DEFAULT_SORT):
        """All events matching the filters as a Parquet file (typed columns, evidence as a list of structs)."""
        with engine.connect() as conn:
            data = export.parquet_bytes(conn, f, sort)
        return Response(data, media_type="application/vnd.apache.parquet",
                        headers={"Content-Disposition": 'attachment; filename="truce-events.parquet"'})

    @app.get("/events/{event_id}", response_model=EventDetail,
             responses={404: {"model": Problem, "description": "no such event"}}, tags=["events"])
    def get_event(event_id: str) -> dict:
        """One event with its evidence spans and every article that reports it."""
        with engine.connect() as conn:
            found = query.event_detail(conn, event_id) if len(event_id) <= 128 else None
        if found is None:
            raise StarletteHTTPException(404, f"no event {event_id!r}")
        return found

    @app.get("/articles/{article_id:path}", response_model=ArticleDetail,
             responses={404: {"model": Problem, "description": "no such article"}}, tags=["articles"])
    def get_article(article_id: str) -> dict:
        """One stored article: its text and the events it states, with their evidence offsets."""
        with engine.connect() as conn:
            found = query.article_detail(conn, article_id) if len(article_id) <= 512 else None
        if found is None:
            raise StarletteHTTPException(404, f"no article {article_id!r}")
        return found

    @app.get("/stats", response_model=Stats, responses=ERRORS, tags=["events"])
    def get_stats(f: Annotated[Filters, Depends(filters_from_query)]) -> dict:
        """Counts and fatalities of the matching events: in total, per week (Monday), country and type."""
        with engine.connect() as conn:
            return query.stats(conn, f)

    app.include_router(watch.router)  # /truces, /alerts

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(f"{_dashboard_dir()}/index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=_dashboard_dir()), name="static")
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
