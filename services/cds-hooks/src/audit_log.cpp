#include "audit_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gln_cds {

audit_log::audit_log(const std::string& path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) error_ = "cannot open the audit file '" + path + "': " + std::strerror(errno);
}

audit_log::~audit_log() {
  if (fd_ >= 0) ::close(fd_);
}

bool audit_log::append(const std::string& line) {
  const std::string data = line + "\n";
  const std::lock_guard<std::mutex> lock(mutex_);
  if (fd_ < 0) return false;
  const ssize_t written = ::write(fd_, data.data(), data.size());
  return written == static_cast<ssize_t>(data.size()) && ::fsync(fd_) == 0;
}

}  // namespace gln_cds
