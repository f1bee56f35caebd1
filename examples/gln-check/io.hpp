#ifndef GLN_CHECK_IO_HPP
#define GLN_CHECK_IO_HPP

// Standard input and output as gln-check uses them (POSIX): every failure is kept, so the tool
// can say what went wrong, and an output line is written whole or not at all.

#include <cerrno>
#include <cstddef>
#include <streambuf>
#include <string>

namespace gln_check {

// An input whose end may be a read error rather than the end of the data.
class checked_input : public std::streambuf {
 public:
  // The errno of the read that failed, or 0.
  virtual int error() const noexcept = 0;
};

// Reads a file descriptor; a read error ends the input and is kept (error()).
class fd_input : public checked_input {
 public:
  explicit fd_input(int fd) noexcept : fd_(fd) {}
  int error() const noexcept override { return error_; }

 protected:
  int_type underflow() override;

 private:
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// Writes a file descriptor. What is put is held until the stream is flushed, then written
// with as few write() calls as the kernel allows; if writing fails part-way, a regular file is
// cut back to where the flush started, so a flushed line is in the file whole or not at all.
// The failure is kept (error()); the stream reports it as a failed flush.
class fd_output : public std::streambuf {
 public:
  explicit fd_output(int fd);
  int error() const noexcept { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  int fd_;
  int error_ = 0;
  std::string pending_;
};

}  // namespace gln_check

#endif  // GLN_CHECK_IO_HPP
