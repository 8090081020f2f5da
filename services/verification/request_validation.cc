#include "services/verification/request_validation.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/api/nul_bytes.h"
#include "common/api/resource_name.h"
#include "services/verification/evidence_validation.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::type::v1::ByteSpan;
using ::claimtrack::type::v1::Statement;
using ::claimtrack::type::v1::TextSpan;

absl::Status CheckSpan(const ByteSpan& span, const std::string& field, size_t text_size) {
  if (span.begin() > span.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " is [", span.begin(), ", ", span.end(), "): begin is after end"));
  }
  // An empty document.text means the caller did not send it; then the
  // bounds cannot be checked.
  if (text_size > 0 && span.end() > text_size) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is [", span.begin(), ", ", span.end(),
                                                   "): it lies outside document.text (", text_size,
                                                   " bytes)"));
  }
  return absl::OkStatus();
}

absl::Status CheckTextSpan(const TextSpan& span, const std::string& field, size_t text_size) {
  return CheckSpan(span.span(), absl::StrCat(field, ".span"), text_size);
}

absl::Status CheckStatement(const Statement& statement, const std::string& field,
                            size_t text_size) {
  if (statement.statement_id().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ".statement_id is required"));
  }
  if (absl::StripAsciiWhitespace(statement.content()).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ".content is required"));
  }
  if (!type::v1::StatementKind_IsValid(statement.kind())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".kind: ", statement.kind(), " is not a StatementKind value"));
  }
  for (int i = 0; i < statement.content_spans_size(); ++i) {
    absl::Status status = CheckSpan(statement.content_spans(i),
                                    absl::StrCat(field, ".content_spans[", i, "]"), text_size);
    if (!status.ok()) return status;
  }
  for (int i = 0; i < statement.quoted_fragments_size(); ++i) {
    absl::Status status =
        CheckTextSpan(statement.quoted_fragments(i),
                      absl::StrCat(field, ".quoted_fragments[", i, "]"), text_size);
    if (!status.ok()) return status;
  }
  const std::pair<const TextSpan*, const char*> text_spans[] = {
      {&statement.mention(), ".mention"},       {&statement.cue(), ".cue"},
      {&statement.context(), ".context"},       {&statement.relay().mention(), ".relay.mention"},
      {&statement.relay().cue(), ".relay.cue"},
  };
  for (const auto& [span, name] : text_spans) {
    absl::Status status = CheckTextSpan(*span, absl::StrCat(field, name), text_size);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DocumentStatements> ValidateRecordStatementsRequest(
    const v1::RecordStatementsRequest& request) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  absl::StatusOr<std::string> id =
      ParseResourceName(request.document().name(), "documents", "document.name");
  if (!id.ok()) return id.status();
  const size_t text_size = request.document().text().size();
  DocumentStatements result;
  result.document = request.document().name();
  result.source = request.document().source();
  result.statements.reserve(request.statements_size());
  for (int i = 0; i < request.statements_size(); ++i) {
    absl::Status status =
        CheckStatement(request.statements(i), absl::StrCat("statements[", i, "]"), text_size);
    if (!status.ok()) return status;
    result.statements.push_back(request.statements(i));
  }
  return result;
}

absl::StatusOr<ClaimFilter> ValidateListClaimsRequest(const v1::ListClaimsRequest& request) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  if (!v1::AttributionStatus_IsValid(request.attribution_status())) {
    return absl::InvalidArgumentError(
        absl::StrCat("attribution_status: ", request.attribution_status(),
                     " is not an AttributionStatus value"));
  }
  if (!v1::Verdict_IsValid(request.verdict())) {
    return absl::InvalidArgumentError(
        absl::StrCat("verdict: ", request.verdict(), " is not a Verdict value"));
  }
  if (!type::v1::StatementKind_IsValid(request.kind())) {
    return absl::InvalidArgumentError(
        absl::StrCat("kind: ", request.kind(), " is not a StatementKind value"));
  }
  if (!request.document().empty()) {
    absl::StatusOr<std::string> id = ParseResourceName(request.document(), "documents", "document");
    if (!id.ok()) return id.status();
  }
  ClaimFilter filter;
  filter.speaker = request.speaker();
  filter.attribution_status = request.attribution_status();
  filter.verdict = request.verdict();
  filter.kind = request.kind();
  filter.document = request.document();
  filter.assignee = std::string(absl::StripAsciiWhitespace(request.assignee()));
  return filter;
}

absl::StatusOr<ClaimReview> ValidateReviewClaimRequest(const v1::ReviewClaimRequest& request,
                                                       absl::string_view analyst) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  absl::StatusOr<std::string> id = ParseResourceName(request.name(), "claims", "name");
  if (!id.ok()) return id.status();
  if (absl::StripAsciiWhitespace(analyst).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the ", kAnalystMetadataKey,
                     " call metadata is required: it names the analyst making the change"));
  }
  if (request.etag().empty()) {
    return absl::InvalidArgumentError(
        "etag is required: pass the etag of the claim as last read (GetClaim)");
  }
  if (!v1::AttributionStatus_IsValid(request.attribution_status())) {
    return absl::InvalidArgumentError(
        absl::StrCat("attribution_status: ", request.attribution_status(),
                     " is not an AttributionStatus value"));
  }
  if (!v1::Verdict_IsValid(request.verdict())) {
    return absl::InvalidArgumentError(
        absl::StrCat("verdict: ", request.verdict(), " is not a Verdict value"));
  }
  if (request.attribution_status() == v1::ATTRIBUTION_STATUS_UNSPECIFIED &&
      request.verdict() == v1::VERDICT_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        "set attribution_status, verdict or both: a review must change a status");
  }
  if (request.evidence_size() > kMaxEvidencePerCall) {
    return absl::InvalidArgumentError(absl::StrCat("evidence has ", request.evidence_size(),
                                                   " items; the limit is ", kMaxEvidencePerCall));
  }
  for (int i = 0; i < request.evidence_size(); ++i) {
    absl::Status status = ValidateEvidence(request.evidence(i), absl::StrCat("evidence[", i, "]"));
    if (!status.ok()) return status;
  }
  ClaimReview review;
  review.claim = request.name();
  review.etag = request.etag();
  review.attribution_status = request.attribution_status();
  review.verdict = request.verdict();
  review.note = request.note();
  review.evidence.assign(request.evidence().begin(), request.evidence().end());
  review.actor = std::string(absl::StripAsciiWhitespace(analyst));
  return review;
}

}  // namespace claimtrack::verification
