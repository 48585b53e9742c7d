"""Ingest, storage and query logic: the routes and the CLI call these; only these talk SQL."""
