"""The ``unreport`` command line.

Exit codes: 0 the site (or pages, or bundle) were written; 1 the source has
problems (an error, or warnings under ``--strict``); 2 the command was used
wrongly (a missing source file, a folder or file that unreport did not write
given as where to write, a bad option value); 3 the build failed for a reason
that is not in the source (MkDocs or its configuration, the disk, a bug).

Usage problems are found before the source is read, so they come first and
alone; warnings about the source are summarised (``--verbose`` lists each).
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from unreport.collection.build import is_collection
from unreport.diagnostics import Diagnostic, SourceError, SourceUnavailable, summarise
from unreport.parse.source import BUNDLED_NAME, bundled_path, read_source
from unreport.publish.build import (
    BuildError,
    BuildSettings,
    build_key,
    build_site,
    site_files,
    site_is_current,
    write_files,
)
from unreport.publish.ownership import (
    UnsafeTarget,
    check_out_dir,
    check_site_dir,
    check_zip_output,
    version,
)
from unreport.publish.resources import MissingResources, site_resources

if TYPE_CHECKING:
    from unreport.model import Report
    from unreport.parse import Parsed

EXIT_OK, EXIT_SOURCE, EXIT_USAGE, EXIT_BUILD = 0, 1, 2, 3

DESCRIPTION = """\
Turn a document of the United Nations General Assembly into a searchable static
website: a Main Committee's report (one page per draft resolution), a resolution
(A/RES/78/229), a draft resolution or amendments (A/C.3/80/L.3) — the UN's own PDF,
or Markdown converted from it. Every paragraph is anchored (#para-N, #pp-N, #op-N,
#op-N-a, #fn-N), footnotes linked both ways, with JSON, Akoma Ntoso and CSV exports.
Without SOURCE, the bundled report A/77/464 is used.
"""
EPILOG = ("exit codes: 0 done; 1 problems in the source; 2 wrong usage (including a "
          "folder or file unreport did not write, given as where to write); 3 the build "
          "failed for a reason not in the source (MkDocs, disk).")


class UsageError(Exception):
    """The command was given something it cannot use; the message says what to give."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unreport", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"unreport {version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser, many: bool = False) -> None:
        if many:
            sub.add_argument("source", nargs="*", metavar="SOURCE",
                             help="the document: the UN's PDF, or Markdown converted from "
                                  "it (default: the bundled report A/77/464); several files "
                                  "or a folder make a collection, one site of them all")
            sub.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                             help="for a collection: documents built at once (default: "
                                  "one per core)")
        else:
            sub.add_argument("source", nargs="?", metavar="SOURCE",
                             help="the document: the UN's PDF, or Markdown converted from "
                                  "it (default: the bundled report A/77/464)")
        sub.add_argument("--strict", action="store_true",
                         help="treat every warning about the source as an error")
        sub.add_argument("-v", "--verbose", action="store_true",
                         help="list every warning about the source, not a summary")

    def site_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--site-url", metavar="URL",
                         help="the site's public address, e.g. https://example.org/reports/"
                              "A-77-464/ (canonical links, sitemap, 404 page, copied links)")
        sub.add_argument("--config", metavar="FILE",
                         help="a MkDocs configuration to use instead of unreport's own "
                              "(to restyle the site)")

    build = commands.add_parser(
        "build", help="generate the pages, then build the site with MkDocs",
        description="Generate the pages and build the site with MkDocs + Material. The site "
                    "is built in a temporary folder and replaces DIR only if the build "
                    "succeeds; DIR must be new, empty, or a site unreport built.",
        epilog=EPILOG)
    common(build, many=True)
    build.add_argument("--site-dir", default="site", metavar="DIR",
                       help="where to write the site (default: site)")
    build.add_argument("--force", action="store_true",
                       help="build even if DIR already holds this very site")
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="what builds the site: MkDocs with Material for MkDocs (default), "
                            "or Zensical, Material's successor (pip install "
                            "'unreport[zensical]')")
    site_options(build)
    generate = commands.add_parser(
        "generate", help="write the Markdown pages and the data files only",
        description="Write the generated Markdown pages and the data files (JSON, Akoma "
                    "Ntoso, CSV) into DIR, for reading or for building with another "
                    "MkDocs-compatible tool. DIR "
                    "must be new, empty, or one unreport wrote.", epilog=EPILOG)
    common(generate)
    generate.add_argument("--out", default="pages", metavar="DIR",
                          help="where to write the pages (default: pages)")
    bundle = commands.add_parser(
        "bundle", help="build the site for reading offline and zip it",
        description="Build the site for reading from disk (file://) with no network, "
                    "search included, and write it as one zip. Unzip it anywhere and open "
                    "index.html in its folder.", epilog=EPILOG)
    common(bundle, many=True)
    bundle.add_argument("--output", "-o", default=None, metavar="PATH.zip",
                        help="where to write the zip (default: SYMBOL.zip, e.g. A-77-464.zip)")
    site_options(bundle)
    serve = commands.add_parser(
        "serve", help="preview the site on 127.0.0.1, rebuilt when the source changes",
        description="Build the site into a temporary folder and serve it on 127.0.0.1. "
                    "Edit and save SOURCE (or the --config file): the site is built again "
                    "and open pages reload; a source with problems gets its message and "
                    "the last good build stays on view. Ctrl+C stops.", epilog=EPILOG)
    common(serve, many=True)
    serve.add_argument("--port", type=int, default=8000,
                       help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    site_options(serve)
    documents = commands.add_parser(
        "build-documents", help="build each document of a collection into a folder of "
                                "its own, to be collected later",
        description="Build each document into its own folder inside DIR (its pages, "
                    "named by its symbol: A-RES-78-229/), without the collection's "
                    "home page, links or search. Folders built on several machines are "
                    "then made into one site by `unreport collect`. A document whose "
                    "folder is up to date is not built again.", epilog=EPILOG)
    documents.add_argument("source", nargs="+", metavar="SOURCE",
                           help="the documents' files (PDF or Markdown), or folders of them")
    documents.add_argument("--out", required=True, metavar="DIR",
                           help="where to write the documents' folders (new, empty, or "
                                "one build-documents wrote)")
    documents.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                           help="documents built at once (default: one per core)")
    documents.add_argument("--site-url", metavar="URL",
                           help="the collection's public address (give the same to collect)")
    documents.add_argument("--config", metavar="FILE",
                           help="a MkDocs configuration to use instead of unreport's own")
    collect = commands.add_parser(
        "collect", help="make one site of documents built by build-documents",
        description="Make the collection's site from the folders `unreport "
                    "build-documents` wrote (on this machine or others): its home page, "
                    "the links between the documents, the search index. DIR must be "
                    "new, empty, or a site unreport built.", epilog=EPILOG)
    collect.add_argument("folders", nargs="+", metavar="FOLDER",
                         help="folders written by build-documents")
    collect.add_argument("--site-dir", default="site", metavar="DIR",
                         help="where to write the site (default: site)")
    site_options(collect)
    return parser


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def summary(report: Report, warnings: tuple[Diagnostic, ...]) -> str:
    """One line saying what was parsed, in the words of the document's kind."""
    preambular = sum(len(r.preambular) for r in report.resolutions)
    operative = sum(len(r.operative) for r in report.resolutions)
    notes = len(report.notes) + sum(len(r.notes) for r in report.resolutions) + sum(
        len(d.notes) for d in report.decisions)
    annexes = sum(len(r.annexes) for r in report.resolutions)
    paragraphs = (f"{_count(preambular, 'preambular paragraph')} and "
                  f"{_count(operative, 'operative paragraph')}")
    if report.kind == "resolution" and report.resolutions:
        what = f"resolution {report.resolutions[0].number}, {paragraphs}" + (
            f", {_count(annexes, 'annex')}" if annexes else "")
    elif report.kind == "draft":
        what = f"draft resolution, {paragraphs}"
    elif report.kind == "amendments":
        what = _count(len(report.amendments), "amendment") + (
            f" to {report.amends}" if report.amends else "")
    else:
        decisions = (f", {_count(len(report.decisions), 'draft decision')}"
                     if report.decisions else "")
        what = (f"{_count(len(report.resolutions), 'draft resolution')}{decisions}, "
                f"{_count(len(report.paragraphs), 'report paragraph')}, {paragraphs}")
    return (f"{report.symbol}: {what}, {_count(notes, 'footnote')}; "
            f"{_count(len(warnings), 'warning')}.")


def site_url(value: str | None) -> str | None:
    """``--site-url`` checked: an http(s) address, ending in ``/``."""
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or \
            parts.fragment:
        raise UsageError(f"--site-url {value}: give the site's public address, such as "
                         "https://example.org/reports/A-77-464/.")
    return value if value.endswith("/") else value + "/"


def _settings(args: argparse.Namespace) -> BuildSettings:
    config = None
    if args.config:
        config = Path(args.config)
        if not config.is_file():
            raise UsageError(f"--config {args.config}: no such file. Give a MkDocs "
                             "configuration such as a copy of unreport's mkdocs.yml.")
    settings = BuildSettings(config=config, site_url=site_url(args.site_url),
                             engine=getattr(args, "engine", "mkdocs"))
    from unreport.publish.mkdocs_engine import read_config

    read_config(settings.config_file())  # a broken configuration stops before the parse
    if settings.engine == "zensical":
        from unreport.publish import zensical_engine

        if not zensical_engine.available():  # said before the source is read, like the above
            raise BuildError(zensical_engine.NOT_INSTALLED)
    return settings


def _check_usage(args: argparse.Namespace) -> BuildSettings | None:
    """Everything about the command itself, checked before the source is read."""
    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give how many documents to build at once "
                         "(1 or more).")
    if args.command == "build-documents":
        return _settings(args)
    if args.command == "collect":
        check_site_dir(Path(args.site_dir), args.site_dir, [site_resources().root])
        return _settings(args)
    if args.command == "serve" and not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: give a port number from 1 to 65535 (or 0 "
                         "for any free one).")
    if args.command == "generate":
        check_out_dir(Path(args.out), args.out, protected=[site_resources().root])
        return None
    if args.command == "build":
        check_site_dir(Path(args.site_dir), args.site_dir, [site_resources().root])
    elif args.command == "bundle" and args.output:
        check_zip_output(Path(args.output), args.output)
    return _settings(args)


def _load(args: argparse.Namespace) -> Parsed:
    """Read and parse the source, and report its warnings."""
    from unreport.parse import parse

    if args.source:
        source, name = read_source(args.source), args.source
    else:
        source = read_source(bundled_path(), label=BUNDLED_NAME)
        name = f"{BUNDLED_NAME} (the bundled report)"
    parsed = parse(source)
    warnings = parsed.warnings
    if warnings and args.verbose:
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    elif warnings:
        print(f"{name}: {len(warnings)} warning{'s' if len(warnings) != 1 else ''} about the "
              "source (--verbose lists each):", file=sys.stderr)
        for line in summarise(warnings):
            print(line, file=sys.stderr)
    if args.strict and warnings:
        raise SourceError(parsed.report.source, f"{len(warnings)} warnings and --strict is "
                          "set; fix the source or leave out --strict.")
    return parsed


def _run(args: argparse.Namespace) -> str:
    """Do what the command asks; return what to tell the user."""
    settings = _check_usage(args)
    if args.command in ("build-documents", "collect") or (
            args.command in ("build", "bundle", "serve") and is_collection(args.source)):
        assert settings is not None
        from unreport.collection import command

        if args.command == "serve":
            sources = command.sources(args)
            return _serve_site(args, command.maker(args, settings, sources),
                               [Path(s) for s in sources] + (
                                   [settings.config] if settings.config else []))
        return command.run(args, settings)
    if isinstance(args.source, list):  # one document (or none: the bundled one)
        args.source = args.source[0] if args.source else None
    if args.command == "serve":
        assert settings is not None
        return _serve(args, settings)
    return _build(args, settings)


def _build(args: argparse.Namespace, settings: BuildSettings | None) -> str:
    """``generate``, ``build`` or ``bundle``."""
    parsed = _load(args)
    from unreport.parse.verify import verify

    report = parsed.report
    told = summary(report, parsed.warnings)
    key = build_key(report, settings) if args.command == "build" and settings else None
    if key and not args.force and site_is_current(Path(args.site_dir), key):
        return (f"{told}\nSite in {args.site_dir}/ is up to date: it was built from this "
                "source with this configuration and has not been changed since (--force "
                "builds it again).")
    if args.command == "generate":
        verify(parsed)  # complete, and nothing lost: before anything is written
        write_files(site_files(report), Path(args.out), report)
        return f"{told}\nPages written to {args.out}/."
    assert settings is not None
    checks = partial(verify, parsed)  # passed before the site or zip is put in place

    if args.command == "bundle":
        from unreport.publish.bundle import build_bundle

        output = args.output or f"{report.symbol.slug}.zip"
        check_zip_output(Path(output), output)
        made = build_bundle(report, Path(output), settings, checks)
        return (f"{told}\nOffline bundle written to {output} ({made.files} files, "
                f"{made.size / 1_000_000:.1f} MB): unzip it and open "
                f"{made.folder}/index.html in a browser.")
    build_site(report, Path(args.site_dir), settings, shown=args.site_dir, key=key,
               checks=checks)
    return (f"{told}\nSite written to {args.site_dir}/ — open {args.site_dir}/index.html "
            "in a browser.")


def _serve(args: argparse.Namespace, settings: BuildSettings) -> str:
    """``unreport serve``: preview until Ctrl+C."""
    from unreport.parse.verify import verify

    def load() -> Parsed:
        parsed = _load(args)
        verify(parsed)
        print(summary(parsed.report, parsed.warnings), flush=True)
        return parsed

    watched = [Path(args.source) if args.source else bundled_path()]
    watched += [settings.config] if settings.config else []
    def make(site: Path) -> None:
        build_site(load().report, site, settings)

    return _serve_site(args, make, watched)


def _serve_site(args: argparse.Namespace, make: Callable[[Path], None],
                watched: list[Path]) -> str:
    """Serve what ``make`` builds, rebuilt when a ``watched`` file changes, until Ctrl+C."""
    from unreport.publish.serve import serve  # its HTTP server is imported only for this command

    try:
        serve(make, watched, port=args.port, say=lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        pass
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(f"--port {args.port}: the port is in use on 127.0.0.1; give "
                             "another, or --port 0 for any free one.") from None
        raise
    return "Stopped."


def _failure(error: BaseException) -> tuple[int, str]:
    """The exit code and message for an error that stops the command."""
    handlers: list[tuple[type[BaseException], int, Callable[[BaseException], str]]] = [
        (UsageError, EXIT_USAGE, str), (UnsafeTarget, EXIT_USAGE, str),
        (SourceUnavailable, EXIT_USAGE, str), (SourceError, EXIT_SOURCE, str),
        (BuildError, EXIT_BUILD, str), (MissingResources, EXIT_BUILD, str),
        (OSError, EXIT_BUILD, lambda e: f"{getattr(e, 'filename', None) or ''}: "
                                        f"{getattr(e, 'strerror', None) or e}. Check the "
                                        "path and its permissions."),
    ]
    for kind, code, describe in handlers:
        if isinstance(error, kind):
            return code, describe(error)
    return EXIT_BUILD, (f"unreport failed unexpectedly ({type(error).__name__}: {error}). "
                        "This is a bug in unreport, not a problem you can fix in the file; "
                        "please report it with the command and the input file.")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        print(_run(args))
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 — a bug must still not show a traceback
        code, message = _failure(error)
        print(f"error: {message}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
