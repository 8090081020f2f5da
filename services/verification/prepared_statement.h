#ifndef CLAIMTRACK_SERVICES_VERIFICATION_PREPARED_STATEMENT_H_
#define CLAIMTRACK_SERVICES_VERIFICATION_PREPARED_STATEMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "services/verification/claim_identity.h"
#include "services/verification/claim_store.h"
#include "services/verification/claim_tracking.h"

namespace claimtrack::verification {

// What a RecordStatements write needs per statement, prepared off the
// writer thread; the same for every store.
struct PreparedStatement {
  ClaimIdentity identity;
  std::string statement_id;
  int kind = 0;
  std::string content;
  std::string speaker;  // serialized Speaker
  // For the speaker filter: the normalised name, a person's surname, aliases.
  std::vector<std::string> speaker_names;
  std::string appearance;  // serialized Appearance
  TrackingInput tracking;
};

// One per statement of `request`, in order, recorded at `now_us`.
std::vector<PreparedStatement> PrepareStatements(const DocumentStatements& request, int64_t now_us);

}  // namespace claimtrack::verification

#endif  // CLAIMTRACK_SERVICES_VERIFICATION_PREPARED_STATEMENT_H_
