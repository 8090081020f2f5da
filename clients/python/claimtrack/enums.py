"""Python enums built from the generated protobuf enums.

Members drop the proto prefix (Verdict.IN_REVIEW is VERDICT_IN_REVIEW) and
are made from the generated descriptors at import time, so a value the API
gains appears here without a hand edit. Each member is an int equal to the
proto value, so it can go straight into a request or be compared with a
message field: `claim.verdict == Verdict.UNVERIFIED`.
"""

from __future__ import annotations

import enum
from typing import Any, Union

from claimtrack.ingestion.v1 import ingestion_service_pb2 as ingestion_pb2
from claimtrack.type.v1 import statement_pb2
from claimtrack.verification.v1 import verification_service_pb2 as verification_pb2


class ProtoEnum(enum.IntEnum):
    """Base of the enums below: labels and lenient parsing."""

    @property
    def label(self) -> str:
        """"in-review", "mostly-true": the name as people write it."""
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, value: Union["ProtoEnum", int, str]) -> "ProtoEnum":
        """Accepts a member, its int value, or a name in any common spelling:
        "in-review", "IN_REVIEW", "VERDICT_IN_REVIEW".

        Raises ValueError naming the accepted values otherwise.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            key = value.strip().upper().replace("-", "_").replace(" ", "_")
            prefix = getattr(cls, "_proto_prefix")
            if key.startswith(prefix):
                key = key[len(prefix):]
            if key in cls.__members__:
                return cls.__members__[key]
        accepted = ", ".join(member.label for member in cls)
        raise ValueError(f"{value!r} is not a {cls.__name__}; use one of: {accepted}")

    @classmethod
    def label_of(cls, value: int) -> str:
        """The label of a raw value from a message field ("unspecified" for 0,
        the number itself for a value newer than these stubs)."""
        try:
            return cls(value).label
        except ValueError:
            return str(value)


def _from_proto(name: str, proto_enum: Any, prefix: str) -> type[ProtoEnum]:
    members = {key[len(prefix):]: number for key, number in proto_enum.items()}
    made = ProtoEnum(name, members, module=__name__)  # type: ignore[call-overload]
    made._proto_prefix = prefix
    return made


ProcessingState = _from_proto("ProcessingState", ingestion_pb2.ProcessingState,
                              "PROCESSING_STATE_")
DocumentView = _from_proto("DocumentView", ingestion_pb2.DocumentView, "DOCUMENT_VIEW_")
AttributionStatus = _from_proto("AttributionStatus", verification_pb2.AttributionStatus,
                                "ATTRIBUTION_STATUS_")
Verdict = _from_proto("Verdict", verification_pb2.Verdict, "VERDICT_")
StatusField = _from_proto("StatusField", verification_pb2.StatusField, "STATUS_FIELD_")
StatementKind = _from_proto("StatementKind", statement_pb2.StatementKind, "STATEMENT_KIND_")
SpeakerType = _from_proto("SpeakerType", statement_pb2.SpeakerType, "SPEAKER_TYPE_")

__all__ = ["AttributionStatus", "DocumentView", "ProcessingState", "ProtoEnum",
           "SpeakerType", "StatementKind", "StatusField", "Verdict"]
