#include "io.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <cerrno>

namespace gln_check {

fd_input::int_type fd_input::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (error_ != 0) return traits_type::eof();
  for (;;) {
    const ssize_t got = ::read(fd_, buffer_, sizeof buffer_);
    if (got > 0) {
      setg(buffer_, buffer_, buffer_ + got);
      return traits_type::to_int_type(*gptr());
    }
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) error_ = errno;
    return traits_type::eof();
  }
}

// Room for a few answers: a line written after running out of memory needs no allocation.
fd_output::fd_output(int fd) : fd_(fd) { pending_.reserve(std::size_t{1} << 16); }

fd_output::int_type fd_output::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  pending_.push_back(traits_type::to_char_type(ch));
  return ch;
}

std::streamsize fd_output::xsputn(const char* text, std::streamsize count) {
  pending_.append(text, static_cast<std::size_t>(count));
  return count;
}

int fd_output::sync() {
  if (pending_.empty()) return error_ == 0 ? 0 : -1;
  if (error_ != 0) {
    pending_.clear();
    return -1;
  }
  const off_t start = ::lseek(fd_, 0, SEEK_CUR);  // -1 for a pipe or a terminal
  std::size_t done = 0;
  while (done < pending_.size()) {
    const ssize_t wrote = ::write(fd_, pending_.data() + done, pending_.size() - done);
    if (wrote > 0) {
      done += static_cast<std::size_t>(wrote);
      continue;
    }
    if (wrote < 0 && errno == EINTR) continue;
    error_ = wrote < 0 ? errno : EIO;
    break;
  }
  pending_.clear();
  if (error_ == 0) return 0;
  if (done > 0 && start >= 0 && ::ftruncate(fd_, start) == 0) {
    ::lseek(fd_, start, SEEK_SET);
  }
  errno = error_;
  return -1;
}

}  // namespace gln_check
