"""truce's HTTP API (FastAPI) and the dashboard it serves: `truce serve`, or `create_app(db)`."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
