#include "common/sqlite/wal_write_batching.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>

namespace claimtrack::sqlite {
namespace {

constexpr char kVfsName[] = "claimtrack-wal-batching";

// A batch goes out when it would grow past this, so a huge transaction costs
// a connection at most this much memory (a group commit is usually far less).
constexpr size_t kMaxBatchBytes = size_t{1} << 20;

// The most one write to the platform's file may carry: the unix VFS takes
// only the low 17 bits of a write's length (0x1ffff), so a batch goes out in
// pieces of 124 KiB (about 30 WAL frames each).
constexpr size_t kMaxWriteBytes = 124 * 1024;

// A "-wal" file opened through the VFS. SQLite sees `base`; the platform's
// file lives right after this struct, in the same allocation (szOsFile).
struct BatchingFile {
  sqlite3_file base;
  sqlite3_file* real;
  // Bytes for [batch_offset, batch_offset + batch->size()) not yet written.
  std::string* batch;
  sqlite3_int64 batch_offset;
};

BatchingFile* AsBatching(sqlite3_file* file) {
  return reinterpret_cast<BatchingFile*>(file);
}

const sqlite3_io_methods* Real(BatchingFile* f) { return f->real->pMethods; }

int Flush(BatchingFile* f) {
  if (f->batch->empty()) {
    return SQLITE_OK;
  }
  int rc = SQLITE_OK;
  for (size_t done = 0; done < f->batch->size() && rc == SQLITE_OK;) {
    const size_t piece = std::min(kMaxWriteBytes, f->batch->size() - done);
    rc = Real(f)->xWrite(f->real, f->batch->data() + done, static_cast<int>(piece),
                         f->batch_offset + static_cast<sqlite3_int64>(done));
    done += piece;
  }
  // Dropped even on failure: the error fails the sync and so the commit,
  // and SQLite ignores frames past the last commit it knows.
  f->batch->clear();
  return rc;
}

int Close(sqlite3_file* file) {
  BatchingFile* f = AsBatching(file);
  const int flushed = Flush(f);
  const int closed = Real(f)->xClose(f->real);
  delete f->batch;
  f->batch = nullptr;
  return flushed != SQLITE_OK ? flushed : closed;
}

// Every call but a write (reading, sizing, truncating or syncing the file)
// first sends what is gathered, so that the platform's file holds every
// write SQLite made before it.
template <typename Method, typename... Args>
int FlushThen(sqlite3_file* file, Method method, Args... args) {
  BatchingFile* f = AsBatching(file);
  if (const int rc = Flush(f); rc != SQLITE_OK) {
    return rc;
  }
  return (Real(f)->*method)(f->real, args...);
}

int Read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  return FlushThen(file, &sqlite3_io_methods::xRead, out, amount, offset);
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  BatchingFile* f = AsBatching(file);
  const size_t size = static_cast<size_t>(amount);
  std::string& batch = *f->batch;
  // SQLite appends frames in order; anything else (a frame rewritten in
  // place, the header after a restart) first sends what is gathered, so the
  // file sees the writes in the order SQLite made them. One write is a
  // frame header or a page, far below the cap.
  if (!batch.empty() &&
      offset == f->batch_offset + static_cast<sqlite3_int64>(batch.size()) &&
      batch.size() + size <= kMaxBatchBytes) {
    batch.append(static_cast<const char*>(data), size);
    return SQLITE_OK;
  }
  if (const int rc = Flush(f); rc != SQLITE_OK) {
    return rc;
  }
  f->batch_offset = offset;
  batch.assign(static_cast<const char*>(data), size);
  return SQLITE_OK;
}

int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  return FlushThen(file, &sqlite3_io_methods::xTruncate, size);
}

int Sync(sqlite3_file* file, int flags) {
  return FlushThen(file, &sqlite3_io_methods::xSync, flags);
}

int FileSize(sqlite3_file* file, sqlite3_int64* size) {
  return FlushThen(file, &sqlite3_io_methods::xFileSize, size);
}

int Lock(sqlite3_file* file, int level) {
  BatchingFile* f = AsBatching(file);
  return Real(f)->xLock(f->real, level);
}

int Unlock(sqlite3_file* file, int level) {
  BatchingFile* f = AsBatching(file);
  return Real(f)->xUnlock(f->real, level);
}

int CheckReservedLock(sqlite3_file* file, int* reserved) {
  BatchingFile* f = AsBatching(file);
  return Real(f)->xCheckReservedLock(f->real, reserved);
}

int FileControl(sqlite3_file* file, int op, void* arg) {
  BatchingFile* f = AsBatching(file);
  return Real(f)->xFileControl(f->real, op, arg);
}

int SectorSize(sqlite3_file* file) {
  BatchingFile* f = AsBatching(file);
  return Real(f)->xSectorSize(f->real);
}

int DeviceCharacteristics(sqlite3_file* file) {
  BatchingFile* f = AsBatching(file);
  return Real(f)->xDeviceCharacteristics(f->real);
}

// Version 1: shared memory and memory mapping belong to the database file,
// never to its WAL.
constexpr sqlite3_io_methods kWalMethods = {
    /*iVersion=*/1, Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock,
    CheckReservedLock, FileControl, SectorSize, DeviceCharacteristics,
    /*xShmMap=*/nullptr, /*xShmLock=*/nullptr, /*xShmBarrier=*/nullptr,
    /*xShmUnmap=*/nullptr, /*xFetch=*/nullptr, /*xUnfetch=*/nullptr,
};

sqlite3_vfs* Base(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags,
         int* out_flags) {
  sqlite3_vfs* base = Base(vfs);
  if ((flags & SQLITE_OPEN_WAL) == 0) {
    // Any other file is the platform's own, in place: no indirection.
    return base->xOpen(base, name, file, flags, out_flags);
  }
  BatchingFile* f = AsBatching(file);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->real->pMethods = nullptr;
  const int rc = base->xOpen(base, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (f->real->pMethods != nullptr) {
      f->real->pMethods->xClose(f->real);
    }
    f->base.pMethods = nullptr;  // SQLite closes nothing it did not open.
    return rc;
  }
  f->batch = new std::string();
  f->batch_offset = 0;
  f->base.pMethods = &kWalMethods;
  return SQLITE_OK;
}

// The rest of the VFS is the platform's, called with the platform's VFS
// (some of its methods read their own pAppData).
int Delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return Base(vfs)->xDelete(Base(vfs), name, sync_dir);
}
int Access(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
  return Base(vfs)->xAccess(Base(vfs), name, flags, result);
}
int FullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return Base(vfs)->xFullPathname(Base(vfs), name, size, out);
}
void* DlOpen(sqlite3_vfs* vfs, const char* name) {
  return Base(vfs)->xDlOpen(Base(vfs), name);
}
void DlError(sqlite3_vfs* vfs, int size, char* out) {
  Base(vfs)->xDlError(Base(vfs), size, out);
}
void (*DlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return Base(vfs)->xDlSym(Base(vfs), handle, symbol);
}
void DlClose(sqlite3_vfs* vfs, void* handle) { Base(vfs)->xDlClose(Base(vfs), handle); }
int Randomness(sqlite3_vfs* vfs, int size, char* out) {
  return Base(vfs)->xRandomness(Base(vfs), size, out);
}
int Sleep(sqlite3_vfs* vfs, int micros) { return Base(vfs)->xSleep(Base(vfs), micros); }
int CurrentTime(sqlite3_vfs* vfs, double* now) {
  return Base(vfs)->xCurrentTime(Base(vfs), now);
}
int GetLastError(sqlite3_vfs* vfs, int size, char* out) {
  return Base(vfs)->xGetLastError(Base(vfs), size, out);
}
int CurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* now) {
  return Base(vfs)->xCurrentTimeInt64(Base(vfs), now);
}

sqlite3_vfs* Register() {
  sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
  static sqlite3_vfs vfs = {};
  vfs.iVersion = 2;  // Up to xCurrentTimeInt64; no system-call overrides.
  vfs.szOsFile = static_cast<int>(sizeof(BatchingFile)) + base->szOsFile;
  vfs.mxPathname = base->mxPathname;
  vfs.zName = kVfsName;
  vfs.pAppData = base;
  vfs.xOpen = Open;
  vfs.xDelete = Delete;
  vfs.xAccess = Access;
  vfs.xFullPathname = FullPathname;
  vfs.xDlOpen = DlOpen;
  vfs.xDlError = DlError;
  vfs.xDlSym = DlSym;
  vfs.xDlClose = DlClose;
  vfs.xRandomness = Randomness;
  vfs.xSleep = Sleep;
  vfs.xCurrentTime = CurrentTime;
  vfs.xGetLastError = GetLastError;
  vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  sqlite3_vfs_register(&vfs, /*makeDflt=*/0);
  return &vfs;
}

}  // namespace

const char* WalWriteBatchingVfs() {
  static const sqlite3_vfs* const vfs = Register();
  return vfs->zName;
}

}  // namespace claimtrack::sqlite
