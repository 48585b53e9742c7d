"""The ``claimgraph`` command line. Imports live inside the commands, so each starts fast."""

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sqlalchemy import Engine

app = typer.Typer(help="ClaimGraph: turn news articles into claim graphs.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
jobs_app = typer.Typer(help="Manage ingest jobs.", no_args_is_help=True)
app.add_typer(jobs_app, name="jobs")

Paths = Annotated[list[Path], typer.Argument(exists=True, help="Article files (.txt, .html) or folders of them.")]


def _engine() -> "Engine":
    """The settings' database, migrated first when ``migrate_on_start`` is set."""
    from app.config import get_settings
    from app.db import make_engine, upgrade

    settings = get_settings()
    if settings.migrate_on_start:
        upgrade(settings.database_url)
    return make_engine(settings.database_url)


@app.command()
def serve(host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
          workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1) -> None:
    """Run the HTTP API with uvicorn (migrations and seeding first, as the settings ask)."""
    import os

    import uvicorn

    from app.config import get_settings
    from app.db import make_engine
    from app.main import prepare_database

    settings = get_settings()
    engine = make_engine(settings.database_url)
    prepare_database(settings, engine)
    engine.dispose()
    # done once here, so that workers do not race to migrate or seed
    os.environ["CLAIMGRAPH_MIGRATE_ON_START"] = "false"
    os.environ["CLAIMGRAPH_SEED_ON_START"] = "false"
    get_settings.cache_clear()
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers)


@app.command()
def ingest(paths: Paths,
           processes: Annotated[int, typer.Option(
               "--processes", "-j", min=1,
               help="Worker processes, each with its own model: up to one per core.")] = 1) -> None:
    """Extract and store articles; content already stored is skipped."""
    from app.services.files import collect_files

    files = collect_files(paths)
    engine = _engine()  # migrated here, before any worker process starts
    if processes > 1:
        from app.db import engine_url
        from app.services.batch import ingest_in_processes

        # the workers read the files: this process never loads the parser, so they start sooner
        created = _count_new(ingest_in_processes(engine_url(engine), files, processes), len(files))
    else:
        from sqlmodel import Session

        from app.extract.pipeline import get_pipeline
        from app.services.files import read_article
        from app.services.ingest import ingest_many

        items = [read_article(path) for path in files]
        with Session(engine) as session:
            created = _count_new((new for _, new in ingest_many(session, items, get_pipeline())),
                                 len(items))
    typer.echo(f"{created} new, {len(files) - created} already stored")


def _count_new(created: Iterator[bool], total: int) -> int:
    """Drain ``created`` (one flag per article) behind a progress bar; the number of new ones."""
    with typer.progressbar(created, length=total, label="Ingesting", file=sys.stderr) as results:
        return sum(results)


@app.command()
def extract(paths: Paths,
            out: Annotated[Path | None, typer.Option(file_okay=False, help="Write DIR/<file stem>.json per input.")] = None) -> None:
    """Print an article's graph JSON (no database); with --out, write one file per input."""
    import contextlib
    import json

    from app.extract.pipeline import get_pipeline
    from app.services.files import collect_files, read_article

    files = collect_files(paths)
    if out is None and len(files) != 1:
        raise typer.BadParameter(f"{len(files)} input files: give --out DIR", param_hint="--out")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    stdout = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):  # only the JSON may reach stdout
        results = get_pipeline().extract_many(read_article(path) for path in files)
        for path, result in zip(files, results, strict=True):
            text = json.dumps(result.graph, ensure_ascii=False, indent=2) + "\n"
            if out is None:
                stdout.write(text)
            else:
                (out / f"{path.stem}.json").write_text(text, encoding="utf-8")


@app.command()
def seed() -> None:
    """Ingest the seed articles (the seeds_dir setting); ones already stored are skipped."""
    from sqlmodel import Session

    from app.config import get_settings
    from app.extract.pipeline import get_pipeline
    from app.services.ingest import seed as seed_articles

    with Session(_engine()) as session:
        created = seed_articles(session, Path(get_settings().seeds_dir), get_pipeline())
    typer.echo(f"{created} seed article(s) added")


@app.command()
def worker(burst: Annotated[bool, typer.Option(help="Exit once the queue is empty.")] = False) -> None:
    """Process the articles of ingest jobs (PostgreSQL). Run as many workers as you like, on any
    machine that reaches the database; SIGINT/SIGTERM stop one after its current article."""
    import logging

    from app.config import get_settings
    from app.jobs import run_worker

    settings = get_settings()
    if not settings.database_url.startswith("postgresql"):
        typer.echo("The worker needs PostgreSQL (CLAIMGRAPH_DATABASE_URL); on SQLite the server "
                   "processes ingest jobs itself.", err=True)
        raise typer.Exit(2)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    run_worker(settings, _engine(), burst=burst)


@jobs_app.command("prune")
def jobs_prune(days: Annotated[float | None, typer.Option(
        "--older-than-days", min=0,
        help="Age of the jobs to remove, counted from their last article (default: the "
             "job_retention_days setting).")] = None) -> None:
    """Remove the ingest jobs finished long ago (on PostgreSQL the queue's finished jobs too);
    workers do it every hour, a SQLite server as jobs come in."""
    from app.config import get_settings
    from app.jobs import remove_old_jobs

    days = get_settings().job_retention_days if days is None else days
    removed = remove_old_jobs(_engine(), days)
    typer.echo(f"{removed} ingest job(s) finished over {days:g} days ago removed")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply all pending migrations (alembic upgrade head)."""
    from app.config import get_settings
    from app.db import upgrade

    upgrade(get_settings().database_url)
    typer.echo("database is at the latest schema")


@app.command()
def openapi() -> None:
    """Print the OpenAPI spec as JSON."""
    import json

    from app.main import create_app

    typer.echo(json.dumps(create_app().openapi(), indent=2))


@app.command()
def relink() -> None:
    """Match every stored claim across articles again (after changing claim_match_threshold)."""
    from sqlmodel import Session

    from app.config import get_settings
    from app.corpus.linking import relink_all

    with Session(_engine()) as session:
        corpus_claims = relink_all(session, get_settings().claim_match_threshold)
    typer.echo(f"{corpus_claims} corpus claim(s)")


@app.command("eval")
def evaluate(gold_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Folder of gold files.")],
             strict: Annotated[bool, typer.Option(help="Match actors by name or alias, not by country code.")] = False,
             show_errors: Annotated[bool, typer.Option(help="List the gold statements missed and the edges that match nothing.")] = False) -> None:
    """Score the extraction against a gold folder."""
    from app.evaluation import run_eval

    for line in run_eval(gold_dir, strict=strict, show_errors=show_errors):
        typer.echo(line)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
