"""The `kg` command: a thin layer over kg.library. Errors: one line on stderr, non-zero exit."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.console import Console

from kg.output import OutputFormat, render


class _OneLineErrors(typer.core.TyperGroup):
    """Usage errors (unknown option, bad --format value) as one `error:` line, not click's block."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        if not standalone_mode:
            return super().main(*args, **kwargs)
        try:
            status = super().main(*args, **kwargs)
        except typer.Abort:
            typer.echo("interrupted", err=True)
            sys.exit(130)
        except typer.TyperException as exc:  # the base of the usage errors Typer's click raises
            message = exc.format_message()
            if "\n" in message:  # `kg` alone: the help is the message
                cast(Any, exc).show()
            else:
                typer.echo(f"error: {message}", err=True)
            sys.exit(exc.exit_code)
        sys.exit(status if isinstance(status, int) else 0)


def _print_version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(__version__)
        raise typer.Exit()


app = typer.Typer(
    cls=_OneLineErrors,
    name="kg",
    help="evidence-kg: a literature and evidence knowledge graph for cancer research.\n\n"
    "Example: kg demo",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
lexicon_app = typer.Typer(help="Teach the lexicon new drugs, gene aliases and diseases (a user lexicon beside the "
                          "store; the shipped lexicon is not edited).\n\nExample: kg lexicon add drug zapmetinib "
                          "--code ZX-4410 --class 'MEK inhibitor'", no_args_is_help=True)
lexicon_add_app = typer.Typer(help="Add a drug, a gene (or its aliases) or a disease to the user lexicon.\n\n"
                              "Example: kg lexicon add gene MAP2K1 --alias MEK-1", no_args_is_help=True)
lexicon_app.add_typer(lexicon_add_app, name="add")
app.add_typer(lexicon_app, name="lexicon")
server_app = typer.Typer(help="Keep the embedded FalkorDB running between commands, or stop it.\n\n"
                         "Example: kg server start", no_args_is_help=True)
app.add_typer(server_app, name="server")

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table | json | csv | md")]


class _State:
    debug = False


def _stdout() -> Console:
    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console.width = 200  # tables piped to a file or a pager keep their columns readable
    return console


def _stderr() -> Console:
    return Console(stderr=True, soft_wrap=True)


@app.callback()
def _root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True,
                                          callback=_print_version)] = False,
) -> None:
    ctx.obj = _State()
    ctx.obj.debug = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s: %(message)s")


@contextmanager
def _handled(ctx: typer.Context) -> Iterator[None]:
    """Domain errors become one line on stderr and exit status 1 (2 for usage errors)."""
    from kg.canned import QueryError
    from kg.config import ConfigError
    from kg.library import PaperRefused, UnknownPaper, UnknownStatement
    from kg.readonly import WriteRefused
    from kg.records import PaperIdError
    from kg.store import StoreError
    from kg.user_lexicon import LexiconRefused

    try:
        yield
    except typer.Exit:
        raise
    except (QueryError, WriteRefused, PaperIdError, UnknownStatement, LexiconRefused) as exc:
        if getattr(ctx.obj, "debug", False):
            raise
        _stderr().print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    except (ConfigError, StoreError, PaperRefused, UnknownPaper, OSError) as exc:
        if getattr(ctx.obj, "debug", False):
            raise
        _stderr().print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        _stderr().print("interrupted", markup=False)
        raise typer.Exit(130) from None
    except Exception as exc:
        if getattr(ctx.obj, "debug", False):
            raise
        _stderr().print(f"error: {type(exc).__name__}: {exc} (run with --debug for details)",
                        markup=False, highlight=False)
        raise typer.Exit(1) from None


def _library() -> Any:
    from kg.config import load_settings
    from kg.library import Library

    return Library(load_settings())


# ---- adding and removing papers --------------------------------------------------------------


@app.command()
def add(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Paper files or folders.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add papers (files or folders): read, extract, validate, record and load each one.

    Example: kg add examples/ my_abstract.txt
    """
    from rich.progress import Progress

    from kg.library import iter_files

    with _handled(ctx), _library() as lib:
        files = list(iter_files(paths))
        if not files:
            raise OSError("no files to add in " + ", ".join(map(str, paths)))
        outcomes = []
        with Progress(console=_stderr(), transient=True, disable=len(files) < 2) as progress:
            task = progress.add_task("adding papers", total=len(files))
            for path in files:
                outcomes.extend(lib.add_file(path))
                progress.advance(task)
        rows = [{"source": o.source, "paper": o.paper, "status": o.status, "reason": o.reason} for o in outcomes]
        err = _stderr()
        for outcome in outcomes:
            for warning in outcome.warnings:
                err.print(f"warning: {warning}", markup=False)
        refused = [o for o in outcomes if o.status == "refused"]
        if len(outcomes) == 1 and fmt is OutputFormat.table:
            # one paper: one line, the error line alone when it was refused
            only = outcomes[0]
            line = f"error: {only.reason}" if refused else f"{only.status}: {only.paper}"
            err.print(line, markup=False, highlight=False)
        else:
            render(rows, fmt, _stdout() if fmt is not OutputFormat.table else err, title="kg add")
            counts = {s: sum(1 for o in outcomes if o.status == s)
                      for s in ("added", "unchanged", "replaced", "refused")}
            err.print(", ".join(f"{n} {s}" for s, n in counts.items()), markup=False, highlight=False)
        if refused:
            raise typer.Exit(1)


@app.command()
def extract(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A paper file.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show what a paper would add (entities, trials and arms, results, combinations), with the
    sentence and the rule behind each fact. Nothing is written.

    Example: kg extract my_abstract.txt --format json
    """
    from kg.config import load_settings
    from kg.library import build_record, read_papers
    from kg.library import extract as extract_facts
    from kg.preview import preview_rows

    with _handled(ctx):
        from ingest.readers import ReadError

        try:
            result = read_papers(path, load_settings().max_bytes)
        except ReadError as exc:
            raise OSError(str(exc)) from exc
        for warning in result.warnings:
            _stderr().print(f"warning: {warning}", markup=False)
        for document, _graph in result.graphs:
            _stderr().print(f"{path.name}: {document.id} is a curated record; kg add loads it as it is",
                            markup=False, highlight=False)
        rows = []
        for document in result.documents:
            facts = extract_facts(document)
            build_record(facts)  # refuse here what kg add would refuse
            rows += preview_rows(facts)
        render(rows, fmt, _stdout(), title=f"what {path.name} would add")


@app.command()
def remove(
    ctx: typer.Context,
    paper: Annotated[str, typer.Argument(help="The paper id (see kg papers).")],
) -> None:
    """Remove a paper: its evidence goes, and the statements and entities no other paper supports.

    Example: kg remove 90000001
    """
    with _handled(ctx), _library() as lib:
        lib.remove(paper)
        _stderr().print(f"removed: {paper}", markup=False, highlight=False)


@app.command()
def rebuild(ctx: typer.Context) -> None:
    """Empty the database and reload every saved record (the records are the source of truth).

    Example: kg rebuild
    """
    with _handled(ctx), _library() as lib:
        count = lib.rebuild()
        _stderr().print(f"rebuilt the database from {count} records", markup=False, highlight=False)


@app.command()
def validate(ctx: typer.Context) -> None:
    """Check every saved record against the SHACL shapes, and the database against the records.

    Example: kg validate
    """
    with _handled(ctx), _library() as lib:
        problems = lib.validate()
        err = _stderr()
        for problem in problems:
            err.print(problem, markup=False, highlight=False)
        if problems:
            raise typer.Exit(1)
        err.print(f"valid: {len(lib.records.paper_ids())} records, database in step", markup=False)


# ---- asking questions ------------------------------------------------------------------------


def _run_canned(ctx: typer.Context, name: str, positional: list[str], options: dict[str, str],
                fmt: OutputFormat) -> None:
    from kg.canned import get_query, tidy

    with _handled(ctx):
        query = get_query(name)
        params = query.bind(positional, options)
        with _library() as lib:
            rows = tidy(lib.read(query.text, params))
        render(rows, fmt, _stdout(), title=name)


@app.command()
def papers(
    ctx: typer.Context,
    fmt: FormatOption = OutputFormat.table,
    paper: Annotated[str | None, typer.Option(help="Only this paper.")] = None,
) -> None:
    """List the papers with the drugs, genes, variants, diseases and trials each mentions.

    Example: kg papers --format json
    """
    _run_canned(ctx, "papers", [], {"paper": paper} if paper else {}, fmt)


@app.command()
def stats(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """Count nodes per label and relationships per type.

    Example: kg stats --format json
    """
    from kg.canned import get_query

    with _handled(ctx), _library() as lib:
        rows = sorted(lib.read(get_query("stats").text, {}), key=lambda r: (r["kind"], r["name"]))
        render(rows, fmt, _stdout(), title="stats")


def _option_pairs(args: list[str]) -> tuple[list[str], dict[str, str]]:
    from kg.canned import QueryError

    positional: list[str] = []
    options: dict[str, str] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--"):
            key, eq, value = arg[2:].partition("=")
            if not eq:
                if i + 1 >= len(args) or args[i + 1].startswith("--"):
                    raise QueryError(f"option --{key} needs a value")
                value = args[i + 1]
                i += 1
            options[key] = value
        else:
            positional.append(arg)
        i += 1
    return positional, options


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def query(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The canned query (see kg queries).")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run a canned query; its parameters are options (kg queries lists them).

    Example: kg query outcomes --drug binimetinib --endpoint PFS --format json
    """
    with _handled(ctx):
        positional, options = _option_pairs(list(ctx.args))
    _run_canned(ctx, name, positional, options, fmt)


@app.command()
def queries(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List the canned queries with their descriptions and parameters.

    Example: kg queries --format md
    """
    from kg.canned import canned_queries

    with _handled(ctx):
        rows = [
            {
                "name": q.name,
                "description": q.description,
                "parameters": [
                    f"{p.name.upper()}" if p.required else f"--{p.option} ({p.type}, default {p.default})"
                    for p in q.params
                ],
                "example": q.examples[0] if q.examples else None,
            }
            for q in canned_queries().values()
        ]
        render(rows, fmt, _stdout(), title="canned queries")


@app.command()
def cypher(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="A read-only Cypher query.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter as NAME=VALUE.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run your own read-only Cypher (write clauses and writing procedures are refused).

    Example: kg cypher "MATCH (d:Drug) RETURN d.name AS drug ORDER BY drug" -p limit=5
    """
    from kg.readonly import WriteRefused, check_read_only

    with _handled(ctx):
        check_read_only(statement)
        params: dict[str, Any] = {}
        for item in param or []:
            key, eq, value = item.partition("=")
            if not eq or not key.isidentifier():
                raise WriteRefused(f"--param takes NAME=VALUE, not {item!r}")
            params[key] = value
        with _library() as lib:
            rows = lib.read(statement, params)
        render(rows, fmt, _stdout())


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle | ntriples | jsonld | graphml")] = "turtle",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Export the graph as RDF (the same triples the records hold) or as GraphML.

    Example: kg export --format turtle -o graph.ttl
    """
    from kg.canned import QueryError
    from kg.export import EXPORT_FORMATS, export_text

    with _handled(ctx):
        if fmt not in EXPORT_FORMATS:
            raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        with _library() as lib:
            text = export_text(lib.store, fmt)
        if output:
            output.write_text(text, encoding="utf-8")
            _stderr().print(f"wrote {output}", markup=False)
        else:
            sys.stdout.write(text)


@app.command()
def demo(ctx: typer.Context) -> None:
    """Add the bundled sample commentary and answer the main questions about it.

    Example: kg demo
    """
    from kg.resources import examples_dir

    out = _stdout()
    with _handled(ctx), _library() as lib:
        for entry in sorted(examples_dir().iterdir(), key=lambda e: e.name):
            if entry.name.endswith((".md", ".txt")):
                with _materialised(entry) as path:
                    for outcome in lib.add_file(path):
                        _stderr().print(f"{outcome.status}: {outcome.paper} {outcome.reason or ''}",
                                        markup=False, highlight=False)
        from kg.canned import get_query, tidy

        for name, params, title, columns in (
            ("trials", {}, "Which trials, with which arms?",
             ("trial", "phase", "randomized", "n_enrolled", "arms", "population_gene")),
            ("outcomes", {"endpoint": "PFS"}, "What PFS did each arm reach?",
             ("trial", "arm", "comparator", "endpoint", "measure", "value", "unit", "timepoint", "subgroup")),
            ("inhibitors", {"gene": "NRAS", "disease": "melanoma"},
             "Which inhibitors were tested in NRAS-mutant melanoma?",
             ("drug", "classes", "targets", "trials", "phases")),
            ("combinations", {}, "Which combinations were tested or proposed?", ("drugs", "status", "trial")),
            ("mutations", {"gene": "NRAS"}, "Which NRAS variants?", ("gene", "change", "hgvs", "diseases")),
        ):
            canned = get_query(name)
            rows = tidy(lib.read(canned.text, canned.bind([], params)))
            render([{c: r.get(c) for c in columns} for r in rows], OutputFormat.table, out, title=title)


@contextmanager
def _materialised(entry: Any) -> Iterator[Path]:
    """A package-data file as a real path (it may live inside a zip)."""
    from importlib.resources import as_file

    with as_file(entry) as path:
        yield Path(path)


# ---- curating ----------------------------------------------------------------------------------


@app.command()
def review(
    ctx: typer.Context,
    paper: Annotated[str | None, typer.Option(help="Only this paper's statements.")] = None,
    status: Annotated[str | None, typer.Option(help="extracted | accepted | rejected")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List stored statements with stable ids, their evidence, rule and curator status.

    Example: kg review --paper 90000001 --format json
    """
    from kg.canned import get_query
    from kg.curation import statement_id

    options = {k: v for k, v in (("paper", paper), ("status", status)) if v}
    with _handled(ctx):
        query = get_query("review")
        params = query.bind([], options)
        with _library() as lib:
            rows = lib.read(query.text, params)
        for row in rows:
            row["id"] = statement_id(row["statement"])
        columns = ("id", "paper", "kind", "summary", "status", "rule", "sentence", "negated", "hedged", "curator",
                   "reason")
        render([{c: r.get(c) for c in columns} for r in rows], fmt, _stdout(), title="review")


def _decide(ctx: typer.Context, statement: str, status: str, reason: str | None, curator: str | None,
            paper: str | None) -> None:
    from kg.config import load_settings
    from kg.library import Library

    with _handled(ctx):
        settings = load_settings()
        with Library(settings) as lib:
            papers = lib.decide(statement, status, curator or settings.curator, reason, paper)
        _stderr().print(f"{status}: {statement} in {', '.join(papers)}", markup=False, highlight=False)


@app.command()
def reject(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="The statement id (see kg review).")],
    reason: Annotated[str, typer.Option(help="Why it is wrong.")],
    curator: Annotated[str | None, typer.Option(help="Who decides (default: KG_CURATOR or the login).")] = None,
    paper: Annotated[str | None, typer.Option(help="Only in this paper (default: every paper).")] = None,
) -> None:
    """Reject a statement: it leaves every canned answer (unless --include-rejected) but stays in the record.

    Example: kg reject 3f2a9c0d1e4b5a6c7d8e --reason "the HR belongs to the OS analysis"
    """
    _decide(ctx, statement, "rejected", reason, curator, paper)


@app.command()
def accept(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="The statement id (see kg review).")],
    reason: Annotated[str | None, typer.Option(help="A note for other curators.")] = None,
    curator: Annotated[str | None, typer.Option(help="Who decides (default: KG_CURATOR or the login).")] = None,
    paper: Annotated[str | None, typer.Option(help="Only in this paper (default: every paper).")] = None,
) -> None:
    """Accept a statement as checked by a curator.

    Example: kg accept 3f2a9c0d1e4b5a6c7d8e
    """
    _decide(ctx, statement, "accepted", reason, curator, paper)


@app.command()
def reextract(
    ctx: typer.Context,
    papers: Annotated[list[str] | None, typer.Argument(help="Paper ids (default: every paper).")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run extraction again on the saved source texts with the current lexicon and pipeline, keeping
    curator decisions; reports the statements added and removed per paper.

    Example: kg reextract 90000001
    """
    with _handled(ctx), _library() as lib:
        rows = lib.reextract(list(papers or []))
        render(rows, fmt, _stdout(), title="reextract")


def _lexicon_folder() -> Path:
    from kg.config import load_settings
    from kg.library import user_lexicon_dir

    return user_lexicon_dir(load_settings().home)


@lexicon_add_app.command("drug")
def lexicon_add_drug(
    ctx: typer.Context,
    inn: Annotated[str, typer.Argument(help="The INN, lower case (or an upper-case code when there is none).")],
    code: Annotated[list[str] | None, typer.Option(help="A code name or brand (repeatable).")] = None,
    drug_class: Annotated[list[str] | None, typer.Option("--class", help="A drug class (repeatable).")] = None,
    target: Annotated[list[str] | None, typer.Option(help="An HGNC symbol it inhibits (repeatable).")] = None,
    kind: Annotated[str, typer.Option(help="targeted | antibody | chemotherapy | hormonal | ...")] = "targeted",
    drugbank: Annotated[str | None, typer.Option(help="DrugBank id, e.g. DB11967.")] = None,
) -> None:
    """Teach a drug with its code names, classes and targets (then run kg reextract).

    Example: kg lexicon add drug zapmetinib --code ZX-4410 --class "MEK inhibitor" --target MAP2K1
    """
    from ingest.lexicon import DrugEntry
    from kg.user_lexicon import add_drug

    with _handled(ctx):
        add_drug(_lexicon_folder(), DrugEntry(inn.strip(), kind, tuple(drug_class or ()), tuple(target or ()),
                                              tuple(code or ()), drugbank))
        _stderr().print(f"learned drug {inn}; run kg reextract to apply it to stored papers", markup=False)


@lexicon_add_app.command("gene")
def lexicon_add_gene(
    ctx: typer.Context,
    symbol: Annotated[str, typer.Argument(help="The HGNC symbol.")],
    alias: Annotated[list[str] | None, typer.Option(help="An alias papers use (repeatable).")] = None,
    hgnc_id: Annotated[str | None, typer.Option(help="HGNC id, e.g. HGNC:7989.")] = None,
    name: Annotated[str | None, typer.Option(help="The approved name.")] = None,
) -> None:
    """Teach a gene or new aliases of a gene.

    Example: kg lexicon add gene MAP2K1 --alias MEK-1
    """
    from ingest.lexicon import GeneEntry, shipped_lexicon
    from kg.user_lexicon import add_gene

    with _handled(ctx):
        known = shipped_lexicon().genes.get(symbol)
        aliases = tuple(dict.fromkeys([*(known.aliases if known else ()), *(alias or ())]))
        add_gene(_lexicon_folder(), GeneEntry(symbol, hgnc_id or (known.hgnc_id if known else None),
                                              name or (known.name if known else None), aliases))
        _stderr().print(f"learned gene {symbol}; run kg reextract to apply it to stored papers", markup=False)


@lexicon_add_app.command("disease")
def lexicon_add_disease(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The disease's main term, lower case.")],
    synonym: Annotated[list[str] | None, typer.Option(help="Another name (repeatable).")] = None,
    parent: Annotated[str | None, typer.Option(help="The broader disease it is a subtype of.")] = None,
    curie: Annotated[str | None, typer.Option(help="NCIT:C... or MONDO:... id.")] = None,
) -> None:
    """Teach a disease (or a subtype of one).

    Example: kg lexicon add disease "conjunctival melanoma" --parent melanoma
    """
    from ingest.lexicon import DiseaseEntry
    from kg.user_lexicon import add_disease

    with _handled(ctx):
        add_disease(_lexicon_folder(), DiseaseEntry(name.strip().lower(), curie, tuple(synonym or ()), parent))
        _stderr().print(f"learned disease {name}; run kg reextract to apply it to stored papers", markup=False)


# ---- the embedded server ---------------------------------------------------------------------


def _server() -> Any:
    from kg.config import load_settings
    from kg.store.embedded import EmbeddedServer

    settings = load_settings()
    if settings.store != "embedded":
        from kg.config import ConfigError

        raise ConfigError("kg server manages the embedded store; KG_STORE is neo4j")
    return EmbeddedServer(settings.home)


@server_app.command("start")
def server_start(ctx: typer.Context) -> None:
    """Start the embedded FalkorDB and keep it running between commands (until kg server stop).

    Example: kg server start
    """
    with _handled(ctx):
        server = _server()
        server.keep_running(True)
        _stderr().print(f"running (pid {server.server_pid()}) on {server.socket_path}", markup=False)


@server_app.command("stop")
def server_stop(ctx: typer.Context) -> None:
    """Stop the embedded FalkorDB (it stops after each command again).

    Example: kg server stop
    """
    with _handled(ctx):
        _server().keep_running(False)
        _stderr().print("stopped", markup=False)


@server_app.command("status")
def server_status(ctx: typer.Context) -> None:
    """Say whether the embedded FalkorDB is running.

    Example: kg server status
    """
    with _handled(ctx):
        server = _server()
        pid = server.server_pid()
        typer.echo(f"running (pid {pid}) on {server.socket_path}" if pid else "not running")


def main() -> None:
    app()
