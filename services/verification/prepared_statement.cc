#include "services/verification/prepared_statement.h"

#include <utility>

#include "common/api/timestamps.h"

namespace claimtrack::verification {

std::vector<PreparedStatement> PrepareStatements(const DocumentStatements& request,
                                                 int64_t now_us) {
  std::vector<PreparedStatement> prepared;
  prepared.reserve(request.statements.size());
  for (const type::v1::Statement& statement : request.statements) {
    PreparedStatement p;
    p.identity = IdentifyClaim(statement);
    p.statement_id = statement.statement_id();
    p.kind = statement.kind();
    p.content = statement.content();
    p.speaker = statement.speaker().SerializeAsString();
    if (std::string name = NormalizeSpeakerName(statement.speaker().name()); !name.empty()) {
      // Analysts look people up by surname ("Garland"): index it too.
      const size_t last_space = name.rfind(' ');
      if (statement.speaker().type() == type::v1::SPEAKER_TYPE_PERSON &&
          last_space != std::string::npos) {
        p.speaker_names.push_back(name.substr(last_space + 1));
      }
      p.speaker_names.push_back(std::move(name));
    }
    for (const std::string& alias : statement.speaker().aliases()) {
      std::string normalised = NormalizeSpeakerName(alias);
      if (!normalised.empty()) p.speaker_names.push_back(std::move(normalised));
    }
    v1::Appearance appearance;
    appearance.set_document(request.document);
    *appearance.mutable_source() = request.source;
    appearance.set_statement_id(statement.statement_id());
    *appearance.mutable_content_spans() = statement.content_spans();
    appearance.set_content(statement.content());
    if (statement.has_mention()) *appearance.mutable_mention() = statement.mention();
    if (statement.has_cue()) *appearance.mutable_cue() = statement.cue();
    if (statement.has_relay()) *appearance.mutable_relay() = statement.relay();
    if (statement.has_context()) *appearance.mutable_context() = statement.context();
    appearance.set_confidence(statement.confidence());
    appearance.set_rule(statement.rule());
    appearance.set_extractor_version(statement.extractor_version());
    *appearance.mutable_record_time() = ProtoTimestampFromMicros(now_us);
    p.appearance = appearance.SerializeAsString();
    p.tracking = PrepareTracking(statement, request.source, now_us);
    prepared.push_back(std::move(p));
  }
  return prepared;
}

}  // namespace claimtrack::verification
