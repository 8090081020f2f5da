"""The generated message classes the client returns, under short names.

The client hands back the protobuf messages themselves (no copies into
hand-written classes), so every field the API gains is there at once; the
generated .pyi files give editors and type checkers their fields.
"""

from claimtrack.ingestion.v1 import ingestion_service_pb2 as ingestion_pb2
from claimtrack.type.v1 import article_pb2, statement_pb2
from claimtrack.verification.v1 import verification_service_pb2 as verification_pb2

Document = ingestion_pb2.Document
ArticleSource = article_pb2.ArticleSource
Speaker = statement_pb2.Speaker
Claim = verification_pb2.Claim
Appearance = verification_pb2.Appearance
Evidence = verification_pb2.Evidence
HistoryEntry = verification_pb2.HistoryEntry
ClaimChange = verification_pb2.ClaimChange

__all__ = ["Appearance", "ArticleSource", "Claim", "ClaimChange", "Document", "Evidence",
           "HistoryEntry", "Speaker", "ingestion_pb2", "verification_pb2"]
