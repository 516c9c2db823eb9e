#include "store/sqlite.h"

namespace bron::sql {

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::IoError(std::string("SQLite: ") + sqlite3_errmsg(db_));
  sqlite3_reset(stmt_);
  return false;
}

Status Statement::Run() {
  status_ = Status::Ok();
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

Database::~Database() {
  cache_.clear();
  sqlite3_close(db_);
}

Status Database::Open(const std::string& path, bool read_only, std::unique_ptr<Database>* out) {
  auto db = std::unique_ptr<Database>(new Database());
  db->path_ = path;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db->db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db->db_ ? sqlite3_errmsg(db->db_) : "out of memory";
    return Status::IoError(path + ": cannot open the store: " + message);
  }
  sqlite3_busy_timeout(db->db_, 10000);  // another process writing: wait for it rather than fail
  *out = std::move(db);
  return Status::Ok();
}

Status Database::Error(const std::string& what) const {
  return Status::IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status Database::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string m = message ? message : "error";
    sqlite3_free(message);
    return Status::IoError(path_ + ": " + m);
  }
  return Status::Ok();
}

Status Database::Prepare(const std::string& sql, Statement* out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return Error("preparing a query");
  *out = Statement(db_, stmt);
  return Status::Ok();
}

Statement& Database::Cached(const std::string& sql) {
  auto& slot = cache_[sql];
  if (!slot) {
    slot = std::make_unique<Statement>();
    sqlite3_stmt* stmt = nullptr;
    // A query of bron's own that does not compile is a programming error: fail loudly in tests.
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      fprintf(stderr, "bron: SQLite cannot prepare %s: %s\n", sql.c_str(), sqlite3_errmsg(db_));
      abort();
    }
    *slot = Statement(db_, stmt);
  }
  slot->Reset();
  return *slot;
}

}  // namespace bron::sql
