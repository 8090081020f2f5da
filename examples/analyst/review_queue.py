#!/usr/bin/python3
"""Unverified claims ranked by how many independent publishers carry them:
what to check first.

    examples/analyst/review_queue.py
    examples/analyst/review_queue.py --limit 20 --kind direct-quote --format csv

A publisher is counted once however many of its articles carry the claim.
Publishers are compared case-insensitively, ignoring spacing and a leading
"The" ("The New York Times" = "new york  times"); an appearance without a
publisher counts under its URL's host (www. dropped), and one with neither
is not counted. Ties go to the claim with more appearances, then the older
claim.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import pathlib
import re
import sys
import urllib.parse
from typing import Iterable, Sequence, TextIO

try:
    import claimtrack
except ImportError:  # run from a checkout without PYTHONPATH
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "clients" / "python"))
    import claimtrack
from claimtrack import scripting


def publisher_key(appearance: claimtrack.Appearance) -> str | None:
    """Who published an appearance, normalised for counting (None: unknown)."""
    name = " ".join(appearance.source.publisher.casefold().split())
    name = re.sub(r"^the ", "", name)
    if name:
        return name
    host = urllib.parse.urlsplit(appearance.source.url).hostname or ""
    host = host.removeprefix("www.")
    return f"({host})" if host else None


@dataclasses.dataclass
class QueueEntry:
    claim: claimtrack.Claim
    publishers: list[str]  # as first written, one per independent publisher


def rank(claims: Iterable[claimtrack.Claim]) -> list[QueueEntry]:
    entries = []
    for claim in claims:
        seen: dict[str, str] = {}
        for appearance in claim.appearances:
            key = publisher_key(appearance)
            if key is not None and key not in seen:
                seen[key] = appearance.source.publisher or key
        entries.append(QueueEntry(claim=claim, publishers=list(seen.values())))
    entries.sort(key=lambda e: (-len(e.publishers), -e.claim.appearance_count,
                                e.claim.create_time.ToNanoseconds(), e.claim.name))
    return entries


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "\u2026"


def write_text(entries: Sequence[QueueEntry], out: TextIO) -> None:
    out.write(f"{'RANK':<5} {'PUBLISHERS':>10} {'APPEARANCES':>11}  {'CLAIM':<24} "
              f"{'SPEAKER':<24} TEXT\n")
    for number, entry in enumerate(entries, start=1):
        claim = entry.claim
        out.write(f"{number:<5} {len(entry.publishers):>10} {claim.appearance_count:>11}  "
                  f"{claim.name:<24} {_shorten(claim.speaker.name or '-', 24):<24} "
                  f"{_shorten(claim.text, 70)}\n")
        if entry.publishers:
            out.write(f"{'':<30}carried by: {', '.join(entry.publishers)}\n")


def write_csv(entries: Sequence[QueueEntry], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "publishers", "appearances", "claim", "kind", "speaker",
                     "carried_by", "text"])
    for number, entry in enumerate(entries, start=1):
        claim = entry.claim
        writer.writerow([number, len(entry.publishers), claim.appearance_count, claim.name,
                         claimtrack.StatementKind.label_of(claim.kind), claim.speaker.name,
                         "; ".join(entry.publishers), claim.text])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0,
                        help="show only the first N claims (default: all)")
    parser.add_argument("--kind", help="only this kind (direct-quote, partial-quote, "
                                       "reported-speech, factual-claim)")
    parser.add_argument("--speaker", default="", help="only this speaker")
    parser.add_argument("--min-publishers", type=int, default=0, metavar="N",
                        help="only claims carried by at least N publishers")
    parser.add_argument("--format", choices=["text", "csv"], default="text")
    scripting.add_connection_arguments(parser)
    arguments = parser.parse_args()

    with scripting.connect_from_arguments(arguments) as client:
        claims = client.claims(verdict=claimtrack.Verdict.UNVERIFIED, kind=arguments.kind,
                               speaker=arguments.speaker, all_appearances=True)
        entries = [e for e in rank(claims) if len(e.publishers) >= arguments.min_publishers]
    if arguments.limit > 0:
        entries = entries[:arguments.limit]
    (write_csv if arguments.format == "csv" else write_text)(entries, sys.stdout)
    return 0


if __name__ == "__main__":
    scripting.run(main)
