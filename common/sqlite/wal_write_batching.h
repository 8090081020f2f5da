#ifndef CLAIMTRACK_COMMON_SQLITE_WAL_WRITE_BATCHING_H_
#define CLAIMTRACK_COMMON_SQLITE_WAL_WRITE_BATCHING_H_

namespace claimtrack::sqlite {

// The name of an SQLite VFS that wraps the platform's default one and
// gathers a transaction's writes to the write-ahead log into one system call.
//
// SQLite appends a commit to the WAL frame by frame, each frame as two
// pwrite() calls (a 24-byte header and the page), then syncs. A group commit
// of a few hundred pages thus makes several hundred system calls, which on a
// virtual machine cost more than the copying they do. Through this VFS the
// contiguous writes to a "-wal" file collect in memory and go to the file in
// one pwrite() just before the sync, or before anything else touches the
// file (a read, a truncation, a size query, closing it). The database file
// and every other file pass straight through.
//
// Durability is unchanged for connections with synchronous=FULL (what
// Database::Open sets for writers): SQLite considers a commit done only when
// the WAL's sync returns, and the sync writes out the batch first. Other
// connections read only frames that a commit has published, which happens
// after that sync. A process that dies before the sync loses the batch, as
// the page cache would lose unsynced writes in a power cut: the transaction
// was not committed. With synchronous=NORMAL a commit does not sync the WAL,
// so such connections must not use this VFS.
//
// Registered on first use (thread-safe); never the default VFS.
const char* WalWriteBatchingVfs();

}  // namespace claimtrack::sqlite

#endif  // CLAIMTRACK_COMMON_SQLITE_WAL_WRITE_BATCHING_H_
