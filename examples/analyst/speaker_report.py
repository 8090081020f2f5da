#!/usr/bin/python3
"""Every claim of a speaker, with its statuses and appearances, as CSV or
Markdown.

    examples/analyst/speaker_report.py "Merrick Garland"
    examples/analyst/speaker_report.py Garland --format markdown --output garland.md

The speaker matches the full name, an alias or a person's surname,
case-insensitively (as `claimtrack claims list --speaker`). CSV has one row
per claim with its appearances folded into the `publishers` and `urls`
columns; Markdown has a table of the claims, then each claim's appearances.
"""

from __future__ import annotations

import argparse
import csv
import pathlib
import sys
from typing import Sequence, TextIO

try:
    import claimtrack
except ImportError:  # run from a checkout without PYTHONPATH
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "clients" / "python"))
    import claimtrack
from claimtrack import scripting

CSV_COLUMNS = ["claim", "kind", "speaker", "role", "attribution", "verdict",
               "verdict_note", "appearances", "publishers", "urls", "text"]


def _row(claim: claimtrack.Claim) -> dict[str, str]:
    publishers = []
    for appearance in claim.appearances:
        publisher = appearance.source.publisher or "(no publisher)"
        if publisher not in publishers:
            publishers.append(publisher)
    return {
        "claim": claim.name,
        "kind": claimtrack.StatementKind.label_of(claim.kind),
        "speaker": claim.speaker.name,
        "role": claim.speaker.role,
        "attribution": claimtrack.AttributionStatus.label_of(claim.attribution_status),
        "verdict": claimtrack.Verdict.label_of(claim.verdict),
        "verdict_note": claim.verdict_note,
        "appearances": str(claim.appearance_count),
        "publishers": "; ".join(publishers),
        "urls": "; ".join(a.source.url for a in claim.appearances if a.source.url),
        "text": claim.text,
    }


def write_csv(claims: Sequence[claimtrack.Claim], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        writer.writerow(_row(claim))


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def write_markdown(speaker: str, claims: Sequence[claimtrack.Claim], out: TextIO) -> None:
    out.write(f"# Claims of {speaker}\n\n")
    if not claims:
        out.write("No claims.\n")
        return
    out.write(f"{len(claims)} claim{'s' if len(claims) != 1 else ''}.\n\n")
    out.write("| Claim | Kind | Speaker | Attribution | Verdict | Appearances | Text |\n")
    out.write("|---|---|---|---|---|---:|---|\n")
    rows = [_row(claim) for claim in claims]
    for row in rows:
        cells = [row[key] for key in ("claim", "kind", "speaker", "attribution", "verdict",
                                      "appearances", "text")]
        out.write("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
    for claim in claims:
        out.write(f"\n## {claim.name}\n\n> {claim.text}\n\n")
        if claim.verdict_note:
            out.write(f"Verdict note: {claim.verdict_note}\n\n")
        for appearance in claim.appearances:
            source = appearance.source
            where = source.publisher or "(no publisher)"
            if source.url:
                where = f"[{where}]({source.url})"
            said = f"{appearance.mention.text or claim.speaker.name} {appearance.cue.text}".strip()
            out.write(f"- {where}, {appearance.document}: {said}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("speaker", help='name, alias or surname ("Garland")')
    parser.add_argument("--format", choices=["csv", "markdown"], default="csv")
    parser.add_argument("--output", "-o", help="write here instead of standard output")
    scripting.add_connection_arguments(parser)
    arguments = parser.parse_args()

    with scripting.connect_from_arguments(arguments) as client:
        claims = list(client.claims(speaker=arguments.speaker, all_appearances=True))
    out = open(arguments.output, "w", encoding="utf-8", newline="") \
        if arguments.output else sys.stdout
    try:
        if arguments.format == "csv":
            write_csv(claims, out)
        else:
            write_markdown(arguments.speaker, claims, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    scripting.run(main)
