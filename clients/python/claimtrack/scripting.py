"""Command-line plumbing shared by analyst scripts (examples/analyst/).

The same options and environment variables as the `claimtrack` CLI, so a
script and the CLI reach the same services without extra set-up:
--ingestion / $CLAIMTRACK_INGESTION_ADDRESS, --verification /
$CLAIMTRACK_VERIFICATION_ADDRESS, --analyst / $CLAIMTRACK_ANALYST (then
$USER), --timeout; plus --tls, --root-certificates and --token (or
$CLAIMTRACK_TOKEN) for when the deployment turns them on.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from typing import Callable

from claimtrack.client import Client, connect
from claimtrack.errors import ClaimtrackError, DeadlineExceeded, Unavailable

#: Exit codes, as the CLI's: an RPC failed; usage error or unreachable.
EXIT_RPC_ERROR = 1
EXIT_USAGE = 2


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument("--ingestion", metavar="HOST:PORT",
                       help="ingestion service (default $CLAIMTRACK_INGESTION_ADDRESS "
                            "or 127.0.0.1:50051)")
    group.add_argument("--verification", metavar="HOST:PORT",
                       help="verification service (default "
                            "$CLAIMTRACK_VERIFICATION_ADDRESS or 127.0.0.1:50053)")
    group.add_argument("--analyst", help="who is calling (default $CLAIMTRACK_ANALYST, "
                                         "then $USER)")
    group.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                       help="deadline of each call (default 30)")
    group.add_argument("--tls", action="store_true", help="connect with TLS")
    group.add_argument("--root-certificates", metavar="PEM",
                       help="CA certificates to trust (implies --tls)")
    group.add_argument("--token", default=os.environ.get("CLAIMTRACK_TOKEN"),
                       help="bearer token (needs TLS; default $CLAIMTRACK_TOKEN)")


def connect_from_arguments(arguments: argparse.Namespace) -> Client:
    return connect(arguments.ingestion, arguments.verification,
                   tls=True if arguments.tls else None,
                   root_certificates=arguments.root_certificates,
                   token=arguments.token, analyst=arguments.analyst,
                   timeout=arguments.timeout)


def run(main: Callable[[], int]) -> None:
    """Runs `main` and exits with its code; a ClaimtrackError becomes
    "error: CODE: message" on stderr and exit code 1 (2 when the service
    could not be reached), not a traceback."""
    try:
        code = main()
    except Unavailable as error:
        print(f"error: {error}\n(is the service running? check --ingestion, "
              "--verification or their environment variables)", file=sys.stderr)
        code = EXIT_USAGE
    except DeadlineExceeded as error:
        # With a wait, only the wait ran out: the server stores before it waits.
        print(f"error: {error}\n(raise --timeout, or --wait-timeout for an import "
              "that waits; acknowledged articles are stored and will finish "
              "processing)", file=sys.stderr)
        code = EXIT_RPC_ERROR
    except ClaimtrackError as error:
        print(f"error: {error}", file=sys.stderr)
        code = EXIT_RPC_ERROR
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        code = EXIT_USAGE
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)


def parse_published(text: str) -> datetime.datetime:
    """RFC 3339 ("2024-05-01T12:00:00Z") or a date ("2024-05-01", midnight
    UTC), as the CLI's --published."""
    text = text.strip()
    try:
        if len(text) == 10:
            return datetime.datetime.strptime(text, "%Y-%m-%d").replace(
                tzinfo=datetime.timezone.utc)
        parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not an RFC 3339 time (2024-05-01T12:00:00Z) or a date '
            "(2024-05-01)")
    return parsed
