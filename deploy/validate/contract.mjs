// What the manifests may rely on: the services' flags (each also read from
// CLAIMTRACK_<FLAG_UPPERCASE>) and the health service names. A variable the
// binary does not define is silently ignored by it, so a misspelt key in a
// ConfigMap would be a setting that never applies: check-manifests.mjs
// rejects keys that are not here, and validate.sh cross-checks this list
// against `--helpfull` of the built binaries.

const kCommonFlags = [
  "listen",
  "health_listen",
  "metrics_listen",
  "port_file",
  "log_format",
  "log_level",
  "max_message_bytes",
  "drain_timeout",
  "tls_cert_file",
  "tls_key_file",
  "tls_ca_file",
  "auth_tokens_file",
  "allow_insecure_plaintext",
];

export const kServices = {
  ingestion: {
    apiPort: 50051,
    healthName: "claimtrack.ingestion.v1.IngestionService",
    flags: [
      ...kCommonFlags,
      "data_dir",
      "database_url",
      "outbox_lease",
      "extraction_address",
      "extraction_timeout",
      "max_article_bytes",
      "outbox_max_in_flight",
    ],
    // Flags whose value is a peer "host:port" that must be a Service here.
    peerFlags: ["extraction_address"],
    // A store: SQLite under data_dir (one writer per file) unless
    // database_url names a PostgreSQL database that replicas share.
    store: true,
  },
  extraction: {
    apiPort: 50052,
    healthName: "claimtrack.extraction.v1.ExtractionService",
    flags: [...kCommonFlags, "verification_address", "verification_timeout", "max_text_bytes"],
    peerFlags: ["verification_address"],
  },
  verification: {
    apiPort: 50053,
    healthName: "claimtrack.verification.v1.VerificationService",
    flags: [...kCommonFlags, "data_dir", "database_url", "change_poll_interval"],
    peerFlags: [],
    store: true,
  },
};

// The binary's default for --drain_timeout.
export const kDefaultDrainSeconds = 10;

export function envVarForFlag(flag) {
  return "CLAIMTRACK_" + flag.toUpperCase();
}

export function flagForEnvVar(variable) {
  return variable.startsWith("CLAIMTRACK_")
    ? variable.slice("CLAIMTRACK_".length).toLowerCase()
    : null;
}
