#include "services/verification/workflow_request_validation.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/api/nul_bytes.h"
#include "common/api/resource_name.h"
#include "services/verification/evidence_validation.h"
#include "services/verification/request_validation.h"

namespace claimtrack::verification {
namespace {

// The fields every workflow change has.
absl::StatusOr<WorkflowChange> CommonFields(WorkflowChange::Kind kind, const std::string& name,
                                            const std::string& etag, const std::string& note,
                                            absl::string_view analyst) {
  absl::StatusOr<std::string> id = ParseResourceName(name, "claims", "name");
  if (!id.ok()) return id.status();
  const absl::string_view actor = absl::StripAsciiWhitespace(analyst);
  if (actor.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the ", kAnalystMetadataKey,
                     " call metadata is required: it names the analyst making the change"));
  }
  WorkflowChange change;
  change.kind = kind;
  change.claim = name;
  change.etag = etag;
  change.note = note;
  change.actor = std::string(actor);
  return change;
}

}  // namespace

absl::StatusOr<WorkflowChange> ValidateAddEvidenceRequest(const v1::AddEvidenceRequest& request,
                                                          absl::string_view analyst) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  absl::StatusOr<WorkflowChange> change = CommonFields(
      WorkflowChange::Kind::kAddEvidence, request.name(), request.etag(), request.note(), analyst);
  if (!change.ok()) return change.status();
  if (request.evidence().empty()) {
    return absl::InvalidArgumentError("evidence is required: give at least one item");
  }
  if (request.evidence_size() > kMaxEvidencePerCall) {
    return absl::InvalidArgumentError(absl::StrCat("evidence has ", request.evidence_size(),
                                                   " items; the limit is ", kMaxEvidencePerCall));
  }
  for (int i = 0; i < request.evidence_size(); ++i) {
    absl::Status status = ValidateEvidence(request.evidence(i), absl::StrCat("evidence[", i, "]"));
    if (!status.ok()) return status;
  }
  change->evidence.assign(request.evidence().begin(), request.evidence().end());
  return change;
}

absl::StatusOr<WorkflowChange> ValidateAssignClaimRequest(const v1::AssignClaimRequest& request,
                                                          absl::string_view analyst) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  absl::StatusOr<WorkflowChange> change = CommonFields(
      WorkflowChange::Kind::kAssign, request.name(), request.etag(), request.note(), analyst);
  if (!change.ok()) return change.status();
  const absl::string_view assignee = absl::StripAsciiWhitespace(request.assignee());
  if (assignee.size() > kMaxAssigneeBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("assignee is ", assignee.size(), " bytes; the limit is ", kMaxAssigneeBytes));
  }
  for (const char c : assignee) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return absl::InvalidArgumentError("assignee has a control character");
    }
  }
  change->assignee = std::string(assignee);
  return change;
}

absl::StatusOr<WorkflowChange> ValidatePublishClaimRequest(const v1::PublishClaimRequest& request,
                                                           absl::string_view analyst) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  return CommonFields(WorkflowChange::Kind::kPublish, request.name(), request.etag(),
                      request.note(), analyst);
}

absl::StatusOr<WorkflowChange> ValidateReopenClaimRequest(const v1::ReopenClaimRequest& request,
                                                          absl::string_view analyst) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  absl::StatusOr<WorkflowChange> change = CommonFields(
      WorkflowChange::Kind::kReopen, request.name(), request.etag(), request.note(), analyst);
  if (!change.ok()) return change.status();
  if (absl::StripAsciiWhitespace(request.note()).empty()) {
    return absl::InvalidArgumentError(
        "note is required: say why the published verdict is reopened");
  }
  return change;
}

}  // namespace claimtrack::verification
