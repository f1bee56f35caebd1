#ifndef GLN_CHECK_TEXT_HPP
#define GLN_CHECK_TEXT_HPP

// Small text helpers shared by the parts of gln-check (internal).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <gln/json/request.hpp>

namespace gln_check {

// 'text' in quotes, control and non-ASCII bytes escaped as \xNN, cut to `max_shown`
// characters: safe to put in a one-line message whatever the input was.
std::string quote(std::string_view text, std::size_t max_shown = 60);

// A file's path the user gave, quoted as quote() does but whole: cut, it would hide which file
// (the name is at its end) in a deep directory.
inline std::string quote_path(std::string_view path) { return quote(path, path.size()); }

// The text with every line break replaced by a space.
std::string one_line(std::string_view text);

// "unknown condition 'x' (gln-check --list conditions prints the names)"
std::string unknown_name_message(std::string_view what, std::string_view name);

// A number as a person writes it: at most two decimals, no trailing zeros ("5", "0.65").
std::string format_number(double value);

// Every source the assessment and its trial plan cite, once each, in gln::source order. The
// plan's rule, forms, timing, product and context advice count only with all_advice.
std::vector<gln::source> cited_sources(const gln::assessment& a, const gln::trial_plan& plan,
                                       bool all_advice);

}  // namespace gln_check

#endif  // GLN_CHECK_TEXT_HPP
