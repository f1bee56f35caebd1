#ifndef GLN_CHECK_TEXT_HPP
#define GLN_CHECK_TEXT_HPP

// Small text helpers shared by the parts of gln-check (internal).

#include <string>
#include <string_view>
#include <vector>

#include <gln/json/request.hpp>

namespace gln_check {

// 'text' in quotes, control and non-ASCII bytes escaped as \xNN, cut to 60 characters: safe
// to put in a one-line message whatever the input was.
std::string quote(std::string_view text);

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
