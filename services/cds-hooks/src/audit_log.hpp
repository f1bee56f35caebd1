#ifndef GLN_CDS_AUDIT_LOG_HPP
#define GLN_CDS_AUDIT_LOG_HPP

// An append-only JSON Lines file: each line written by one write(2) to a file opened with
// O_APPEND, so lines from concurrent requests (or processes) never interleave.

#include <mutex>
#include <string>

namespace gln_cds {

class audit_log {
 public:
  // Opens (creates, mode 0600) `path` for appending; ok() is false when it cannot.
  explicit audit_log(const std::string& path);
  ~audit_log();
  audit_log(const audit_log&) = delete;
  audit_log& operator=(const audit_log&) = delete;

  bool ok() const { return fd_ >= 0; }
  const std::string& error() const { return error_; }
  // Appends `line` and a newline; false when the write failed.
  bool append(const std::string& line);

 private:
  int fd_ = -1;
  std::string error_;
  std::mutex mutex_;
};

}  // namespace gln_cds

#endif  // GLN_CDS_AUDIT_LOG_HPP
