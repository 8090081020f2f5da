#ifndef CLAIMTRACK_SERVICES_EXTRACTION_STATEMENT_CONVERTER_H_
#define CLAIMTRACK_SERVICES_EXTRACTION_STATEMENT_CONVERTER_H_

#include <vector>

#include "claimtrack/type/v1/statement.pb.h"
#include "services/extraction/engine/attribution_engine.h"

namespace claimtrack::extraction {

// Converts the engine's statements to their wire form and gives each a
// `statement_id` derived from its kind and content spans, so that extracting
// the same text again yields the same ids (what makes recording idempotent).
std::vector<claimtrack::type::v1::Statement> ToProtoStatements(
    const std::vector<engine::Statement>& statements);

}  // namespace claimtrack::extraction

#endif  // CLAIMTRACK_SERVICES_EXTRACTION_STATEMENT_CONVERTER_H_
