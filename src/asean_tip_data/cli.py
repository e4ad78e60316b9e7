"""The ``asean-tip-data`` command: list, show, summarise, export, validate and cite the data."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from ._cite import CITE_FORMATS, cite
from ._export import EXPORT_FORMATS, csv_text, export, json_records, rows
from ._files import DataError, datapackage_path
from ._loading import load, resource_names, validate
from ._schema import bundled_tables
from ._version import DATA_VINTAGE, __version__

PROG = "asean-tip-data"
WIDTH = 40  # widest cell in --format table, and longest bar in summary


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line on stderr, exit 2: what scripts calling us can read.
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="POLRI and ASEANAPOL against human trafficking, as data.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__} (data {DATA_VINTAGE})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("list", help="every resource with its title and row count")
    show = commands.add_parser("show", help="print the records of one resource")
    show.add_argument("resource", metavar="RESOURCE", choices=resource_names(), help="one of: %(choices)s")
    show.add_argument("--format", choices=("table", "csv", "json", "jsonl"), default="table")
    commands.add_parser("summary", help="the headline figures")
    exporter = commands.add_parser("export", help="write every resource as CSV or Parquet files, JSON or SQLite")
    exporter.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    exporter.add_argument(
        "--output", required=True, metavar="PATH", help="a folder for csv and parquet, a file otherwise"
    )
    exporter.add_argument("--force", action="store_true", help="replace what is at PATH")
    validator = commands.add_parser("validate", help="check the bundled or a given datapackage.json")
    validator.add_argument("datapackage", nargs="?", metavar="DATAPACKAGE")
    citer = commands.add_parser("cite", help="how to cite the dataset and the article")
    citer.add_argument("--format", choices=CITE_FORMATS, default="text")
    commands.add_parser("path", help="the path of the bundled datapackage.json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 invalid data, 2 usage error)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            _list()
        elif args.command == "show":
            _show(args.resource, args.format)
        elif args.command == "summary":
            _summary()
        elif args.command == "export":
            print(export(args.format, args.output, overwrite=args.force))
        elif args.command == "validate":
            return _validate(args.datapackage)
        elif args.command == "cite":
            sys.stdout.write(cite(args.format))
        elif args.command == "path":
            print(datapackage_path())
    except DataError as exc:
        print(f"{PROG}: invalid data: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (say, `head`) stopped early: not an error. Silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, ImportError) as exc:
        # A missing folder, an unwritable file or a missing optional extra: usage, not data.
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    return 0


def _table(cells: list[list[str]]) -> str:
    clipped = [[c if len(c) <= WIDTH else c[: WIDTH - 1] + "…" for c in row] for row in cells]
    widths = [max(len(row[i]) for row in clipped) for i in range(len(clipped[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in clipped]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _list() -> None:
    tables = bundled_tables()
    print(_table([["resource", "rows", "title"]] + [[n, str(len(load(n))), t.title] for n, t in tables.items()]))


def _show(name: str, format: str) -> None:
    if format == "table":
        print(_table(rows(name)))
    elif format == "csv":
        sys.stdout.write(csv_text(name))
    elif format == "json":
        print(json.dumps(json_records(load(name)), indent=2, ensure_ascii=False))
    else:
        for record in json_records(load(name)):
            print(json.dumps(record, ensure_ascii=False))


def _bar(value: int, largest: int) -> str:
    return "█" * max(1, round(WIDTH * value / largest))


def _summary() -> None:
    from ._registry import (
        load_countries,
        load_liaison_officers,
        load_meetings,
        load_mous,
        load_tip_tier_placements,
        load_tip_tiers,
        load_trafficking_cases,
        load_trafficking_suspects,
    )

    cases, officers, meetings = load_trafficking_cases(), load_liaison_officers(), load_meetings()
    largest = max(r.cases for r in cases)
    print("Trafficking cases with Indonesian victims (Table 1)")
    for r in cases:
        print(f"  {r.year}  {r.cases:>4}  {_bar(r.cases, largest)}")
    print("\nIndonesian suspects (Table 2)")
    print("  " + " · ".join(f"{r.year}: {r.suspects}" for r in load_trafficking_suspects()))
    print(f"\nPOLRI liaison officers (Table 3): {len(officers)}")
    for position in ("ATPOL", "STAFNISPOL"):
        posted = [o for o in officers if o.position == position]
        countries = Counter(o.country_iso3 for o in posted)
        where = ", ".join(f"{c} {n}" for c, n in sorted(countries.items()))
        print(f"  {position:<10}  {len(posted):>2}  {where}")
    print("\nMeetings (Appendices 1 and 2)")
    for forum in ("AMMTC", "SOMTC"):
        held = [m for m in meetings if m.forum == forum]
        first, last = held[0], held[-1]
        print(
            f"  {forum}  {len(held)} meetings, {sum(m.online for m in held)} online; "
            f"first {first.start_date} {first.city or 'online'}, last {last.start_date} {last.city or 'online'}"
        )
    print("\nMoUs by status (Appendix 3)")
    for status, count in Counter(m.status for m in load_mous()).most_common():
        print(f"  {status:<15} {count:>2}")
    print("\nTIP Report 2023 tiers, the map of Figure 1 (change against 2022)")
    names = {c.iso3: c.name for c in load_countries()}
    severity = {t.tier: t.severity for t in load_tip_tiers()}
    placed = sorted((p for p in load_tip_tier_placements() if p.report_year == 2023), key=lambda p: severity[p.tier])
    table = [["country", "tier", "change"]] + [[names[p.country_iso3], p.tier, p.placement_change] for p in placed]
    print("\n".join("  " + line for line in _table(table).splitlines()))


def _validate(datapackage: str | None) -> int:
    target = Path(datapackage) if datapackage else datapackage_path()
    if target.is_dir():
        target = target / "datapackage.json"
    problems = list(validate(datapackage))
    checked = "models and keys"
    # frictionless only reads a copy our own checks passed: a URL path is refused before it is fetched.
    if not problems:
        try:
            import frictionless
        except ImportError:
            checked += "; install frictionless for the full Table Schema check"
        else:
            checked += " and frictionless"
            problems = _frictionless_problems(frictionless, target)
    if problems:
        print(f"{target}: INVALID", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{target}: valid ({len(resource_names())} resources; checked {checked})")
    return 0


def _frictionless_problems(frictionless: Any, target: Path) -> list[str]:
    try:
        report = frictionless.validate(str(target))
    except frictionless.FrictionlessException as exc:
        return [f"frictionless: {exc}"]
    problems = [f"frictionless: {e.message}" for e in report.errors]
    for task in report.tasks:
        problems += [f"frictionless: {task.name}: {e.message}" for e in task.errors]
    return problems
