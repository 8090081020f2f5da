"""Errors as Python exceptions: one class per gRPC status code.

Every failed call raises a subclass of ClaimtrackError carrying the gRPC
code, the server's message (which names the field and the limit, e.g.
"article.text is empty") and the RPC that failed. Catch the specific class
(`except claimtrack.NotFound`) or the base class and look at `.code`.
"""

from __future__ import annotations

import grpc


class ClaimtrackError(Exception):
    """A claimtrack call failed.

    Attributes:
        code: the grpc.StatusCode the server (or the channel) returned.
        details: the status message, as the server wrote it.
        method: the RPC that failed ("ReviewClaim"), or "" when unknown.
    """

    #: The status code a subclass stands for (UNKNOWN on the base class).
    default_code: grpc.StatusCode = grpc.StatusCode.UNKNOWN

    def __init__(self, details: str, *, code: grpc.StatusCode | None = None,
                 method: str = "") -> None:
        self.code: grpc.StatusCode = code if code is not None else self.default_code
        self.details: str = details
        self.method: str = method
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.method}: " if self.method else ""
        return f"{prefix}{self.code.name}: {self.details}"


class Cancelled(ClaimtrackError):
    default_code = grpc.StatusCode.CANCELLED


class Unknown(ClaimtrackError):
    default_code = grpc.StatusCode.UNKNOWN


class InvalidArgument(ClaimtrackError):
    """The request is malformed; the message names the field."""
    default_code = grpc.StatusCode.INVALID_ARGUMENT


class DeadlineExceeded(ClaimtrackError):
    """The call ran out of time (with `wait`, the article is still stored)."""
    default_code = grpc.StatusCode.DEADLINE_EXCEEDED


class NotFound(ClaimtrackError):
    default_code = grpc.StatusCode.NOT_FOUND


class AlreadyExists(ClaimtrackError):
    default_code = grpc.StatusCode.ALREADY_EXISTS


class PermissionDenied(ClaimtrackError):
    default_code = grpc.StatusCode.PERMISSION_DENIED


class ResourceExhausted(ClaimtrackError):
    default_code = grpc.StatusCode.RESOURCE_EXHAUSTED


class FailedPrecondition(ClaimtrackError):
    """The workflow does not allow this change from the claim's current state."""
    default_code = grpc.StatusCode.FAILED_PRECONDITION


class Aborted(ClaimtrackError):
    """The etag was stale: somebody changed the claim since it was read."""
    default_code = grpc.StatusCode.ABORTED


class OutOfRange(ClaimtrackError):
    default_code = grpc.StatusCode.OUT_OF_RANGE


class Unimplemented(ClaimtrackError):
    default_code = grpc.StatusCode.UNIMPLEMENTED


class Internal(ClaimtrackError):
    default_code = grpc.StatusCode.INTERNAL


class Unavailable(ClaimtrackError):
    """The service is unreachable or shutting down; retrying later is safe."""
    default_code = grpc.StatusCode.UNAVAILABLE


class DataLoss(ClaimtrackError):
    default_code = grpc.StatusCode.DATA_LOSS


class Unauthenticated(ClaimtrackError):
    default_code = grpc.StatusCode.UNAUTHENTICATED


_BY_CODE: dict[grpc.StatusCode, type[ClaimtrackError]] = {
    cls.default_code: cls
    for cls in (Cancelled, Unknown, InvalidArgument, DeadlineExceeded, NotFound,
                AlreadyExists, PermissionDenied, ResourceExhausted,
                FailedPrecondition, Aborted, OutOfRange, Unimplemented,
                Internal, Unavailable, DataLoss, Unauthenticated)
}


def error_class(code: grpc.StatusCode) -> type[ClaimtrackError]:
    """The exception class for `code` (ClaimtrackError for anything unmapped)."""
    return _BY_CODE.get(code, ClaimtrackError)


def from_rpc_error(error: grpc.RpcError, method: str = "") -> ClaimtrackError:
    """Turns the grpc.RpcError a stub raised into the matching exception."""
    # A failed unary call raises an object that is both RpcError and Call.
    code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    details = error.details() if hasattr(error, "details") else str(error)
    return error_class(code)(details or "", code=code, method=method)
