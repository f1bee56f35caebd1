#ifndef GLN_PYTHON_ARGUMENTS_HPP
#define GLN_PYTHON_ARGUMENTS_HPP

#include <string_view>

#include "values.hpp"

namespace gln_python {

// The arguments of one call, read by the request rules into one request, each with the path
// it has in a request: the profile's keys at the top, "purpose", "oversight", "regimen.*",
// "policy.*". Each reader raises gln.InputError for a value the rules refuse; require() then
// checks what must be given, as gln-check does once the whole request is read.
class call_arguments {
 public:
  // None: the empty profile (no age or weight known; no conditions or medications).
  void profile(py::handle value);
  // A name (required).
  void purpose(py::handle value);
  // A name; None: self_directed.
  void oversight(py::handle value);
  // {"grams_per_dose": ..., "doses_per_day": ..., "weeks": ...} (required where it is read).
  void regimen(py::handle value);
  // {"<knob id>": number, ...}; None: the default policy.
  // `every_knob_applies` false: a knob gln::effective() would not apply is read as given.
  void policy(py::handle value, bool every_knob_applies = true);
  // A whole request: a dict in the request format.
  void request(py::handle value);

  // "purpose: is required", then (with `regimen`) "regimen: is required".
  void require(bool regimen = false) const;

  const gln::request& read_request() const noexcept { return request_; }
  gln::request& read_request() noexcept { return request_; }
  const gln::profile& person() const noexcept { return request_.person; }
  gln::purpose purpose() const noexcept { return *request_.purpose; }
  bool has_plan() const noexcept { return request_.plan.has_value(); }
  const gln::regimen& plan() const noexcept { return *request_.plan; }
  // As gln::assess(request) applies it: the default policy itself when no knob was given.
  const gln::policy& rules() const noexcept {
    return request_.policy_given == 0 ? gln::detail::default_policy : request_.rules;
  }

 private:
  // Reads `value` as the request member `key` ({key: value}).
  void member(std::string_view key, py::handle value);
  template <class Read>
  void read(std::string_view prefix, py::handle value, Read read_value);
  void fill(value_tree::index at, std::string_view prefix, py::handle value);
  template <class Read>
  void check(value_tree::index root, std::string_view prefix, Read read_value);

  value_tree tree_;
  gln::request request_;
};

}  // namespace gln_python

#endif  // GLN_PYTHON_ARGUMENTS_HPP
