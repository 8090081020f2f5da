"""Python client of the claimtrack services.

    import claimtrack
    with claimtrack.connect() as client:
        for claim in client.claims(speaker="Garland"):
            print(claim.name, claim.text)

The protobuf and gRPC modules are generated at build time from protos/ into
build/python/claimtrack_stubs/claimtrack/... (CMake target
`claimtrack_python_stubs`); this package and the generated one share the
name `claimtrack`, so the generated modules are importable as
`claimtrack.verification.v1.verification_service_pb2` exactly as the
generated code itself imports them. This file stitches the two halves
together by extending the package's __path__. See README.md beside this
package for the API.
"""

from __future__ import annotations

import os
import pkgutil

# Every `claimtrack` folder on sys.path (the generated stubs' among them
# when build/python/claimtrack_stubs is on PYTHONPATH) becomes part of this
# package.
__path__ = pkgutil.extend_path(__path__, __name__)


def _add_stubs_dir() -> None:
    """Finds the generated stubs when PYTHONPATH does not name them.

    CLAIMTRACK_PYTHON_STUBS names the folder explicitly; otherwise the
    repository's own build/python/claimtrack_stubs is used, so a script in a
    checkout only needs clients/python on its path.
    """
    explicit = os.environ.get("CLAIMTRACK_PYTHON_STUBS")
    if explicit:
        candidate = explicit
    else:
        # This file is <repository>/clients/python/claimtrack/__init__.py.
        package = os.path.dirname(os.path.abspath(__file__))
        repository = os.path.dirname(os.path.dirname(os.path.dirname(package)))
        candidate = os.path.join(repository, "build", "python", "claimtrack_stubs")
    folder = os.path.join(candidate, "claimtrack")
    if os.path.isdir(folder) and folder not in __path__:
        __path__.append(folder)


_add_stubs_dir()

try:
    from claimtrack.verification.v1 import verification_service_pb2 as _probe  # noqa: F401
except ImportError as error:  # pragma: no cover - a set-up problem, not a code path
    raise ImportError(
        "the generated claimtrack stubs are missing: build them with "
        "`cmake --build build --target claimtrack_python_stubs` and put "
        "build/python/claimtrack_stubs on PYTHONPATH (or set "
        "CLAIMTRACK_PYTHON_STUBS to that folder)") from error

from claimtrack.client import (  # noqa: E402
    Article,
    ClaimDetails,
    Client,
    IngestResult,
    connect,
)
from claimtrack.enums import (  # noqa: E402
    AttributionStatus,
    ProcessingState,
    SpeakerType,
    StatementKind,
    StatusField,
    Verdict,
)
from claimtrack.errors import (  # noqa: E402
    Aborted,
    AlreadyExists,
    Cancelled,
    ClaimtrackError,
    DataLoss,
    DeadlineExceeded,
    FailedPrecondition,
    Internal,
    InvalidArgument,
    NotFound,
    OutOfRange,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
    Unimplemented,
    Unknown,
)
from claimtrack.files import collect_article_paths  # noqa: E402
from claimtrack.messages import (  # noqa: E402
    Appearance,
    Claim,
    ClaimChange,
    Document,
    Evidence,
    HistoryEntry,
)

__all__ = [
    "Aborted", "AlreadyExists", "Appearance", "Article", "AttributionStatus",
    "Cancelled", "Claim", "ClaimChange", "ClaimDetails", "ClaimtrackError", "Client",
    "DataLoss", "DeadlineExceeded", "Document", "Evidence",
    "FailedPrecondition", "HistoryEntry", "IngestResult", "Internal",
    "InvalidArgument", "NotFound", "OutOfRange", "PermissionDenied",
    "ProcessingState", "ResourceExhausted", "SpeakerType", "StatementKind",
    "StatusField", "Unauthenticated", "Unavailable", "Unimplemented", "Unknown",
    "Verdict", "collect_article_paths", "connect",
]
