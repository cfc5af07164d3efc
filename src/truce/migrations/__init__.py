"""Alembic migrations for truce's store, shipped in the package so `connect` can upgrade any database."""
