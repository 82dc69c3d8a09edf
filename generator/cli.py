"""The ``unreport`` command line.

Exit codes: 0 the site (or pages) were written; 1 the source has problems
(an error, or warnings under ``--strict``); 2 the command was used wrongly
(including a --site-dir whose replacement would delete other files); 3 the
build failed for a reason that is not in the source (MkDocs, the disk, a bug).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.build import BuildError, UnsafeTarget, build_site, site_files, write_files
from generator.bundle import build_bundle
from generator.diagnostics import Diagnostic, SourceError
from generator.model import Report
from generator.parse import Parsed, parse
from generator.source import bundled_path, read_source
from generator.verify import verify

EXIT_OK, EXIT_SOURCE, EXIT_USAGE, EXIT_BUILD = 0, 1, 2, 3

DESCRIPTION = """\
Turn a United Nations General Assembly committee report, converted to Markdown,
into a searchable static website: one page per draft resolution, every paragraph
anchored (#para-N, #pp-N, #op-N, #op-N-a), footnotes linked, and a JSON export.
Without SOURCE, the bundled report A/77/464 is used.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unreport", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Exit codes: 0 done; 1 problems in the source; 2 wrong usage; "
               "3 the build failed for a reason not in the source (MkDocs, disk).")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("source", nargs="?", metavar="SOURCE",
                         help="the report as Markdown (default: the bundled A/77/464)")
        sub.add_argument("--strict", action="store_true",
                         help="treat every warning about the source as an error")

    build = commands.add_parser(
        "build", help="generate the pages, then build the site with MkDocs",
        description="Generate the pages and build the site with MkDocs + Material. The site "
                    "is built in a temporary folder and replaces DIR only if the build "
                    "succeeds.")
    common(build)
    build.add_argument("--site-dir", default="site", metavar="DIR",
                       help="where to write the site (default: site)")
    generate = commands.add_parser(
        "generate", help="write the Markdown pages and JSON only",
        description="Write the generated Markdown pages and the JSON export into DIR, "
                    "for reading or for building with another MkDocs-compatible tool.")
    common(generate)
    generate.add_argument("--out", default="docs", metavar="DIR",
                          help="where to write the pages (default: docs)")
    bundle = commands.add_parser(
        "bundle", help="build the site for reading offline and zip it",
        description="Build the site for reading from disk (file://) with no network, "
                    "search included, and write it as one zip. Unzip it anywhere and open "
                    "index.html in its folder.")
    common(bundle)
    bundle.add_argument("--output", "-o", default=None, metavar="PATH.zip",
                        help="where to write the zip (default: SYMBOL.zip, e.g. A-77-464.zip)")
    return parser


def project_root() -> Path:
    """The folder with mkdocs.yml: the current one, or the one this package lives in."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parent.parent):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    raise BuildError("mkdocs.yml not found. Run unreport from the project folder, where "
                     "mkdocs.yml is.")


def summary(report: Report, warnings: tuple[Diagnostic, ...]) -> str:
    """One line saying what was parsed."""
    preambular = sum(len(r.preambular) for r in report.resolutions)
    operative = sum(len(r.operative) for r in report.resolutions)
    notes = len(report.notes) + sum(len(r.notes) for r in report.resolutions)
    return (f"{report.symbol}: {len(report.resolutions)} draft resolutions, "
            f"{len(report.paragraphs)} report paragraphs, {preambular} preambular and "
            f"{operative} operative paragraphs, {notes} footnotes; "
            f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}.")


def _load(source: str | None, strict: bool) -> Parsed:
    parsed = parse(read_source(source or bundled_path()))
    for warning in parsed.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if strict and parsed.warnings:
        raise SourceError(parsed.report.source, f"{len(parsed.warnings)} warnings and --strict "
                          "is set; fix the source or leave out --strict.")
    verify(parsed)  # complete, and nothing lost: before anything is written
    return parsed


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        parsed = _load(args.source, args.strict)
        if args.command == "generate":
            out = Path(args.out)
            write_files(site_files(parsed.report), out)
            print(summary(parsed.report, parsed.warnings))
            print(f"Pages written to {out}/.")
            return EXIT_OK
        if args.command == "bundle":
            output = Path(args.output or f"{parsed.report.symbol.slug}.zip")
            made = build_bundle(parsed.report, project_root(), output)
            print(summary(parsed.report, parsed.warnings))
            print(f"Offline bundle written to {made.path} ({made.files} files, "
                  f"{made.size / 1_000_000:.1f} MB): unzip it and open "
                  f"{made.folder}/index.html in a browser.")
            return EXIT_OK
        build_site(parsed.report, project_root(), Path(args.site_dir))
        print(summary(parsed.report, parsed.warnings))
        print(f"Site written to {args.site_dir}/ — open {args.site_dir}/index.html "
              "in a browser.")
        return EXIT_OK
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_SOURCE
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BUILD
    except OSError as error:  # the site or pages could not be written
        print(f"error: {error.filename or ''}: {error.strerror or error}. Check the path "
              "and its permissions.", file=sys.stderr)
        return EXIT_BUILD
    except UnsafeTarget as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 — a bug must still not show a traceback
        print(f"error: unreport failed unexpectedly ({type(error).__name__}: {error}). This is "
              "a bug in unreport, not a problem you can fix in the file; please report it with "
              "the command and the input file.", file=sys.stderr)
        return EXIT_BUILD


if __name__ == "__main__":
    sys.exit(main())
