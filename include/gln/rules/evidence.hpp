#ifndef GLN_RULES_EVIDENCE_HPP
#define GLN_RULES_EVIDENCE_HPP

#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "../core/precondition.hpp"
#include "../data/evidence.hpp"

GLN_BEGIN_NAMESPACE

// How well the evidence supports a purpose (docs/knowledge.md §7).
struct evidence {
  gln::purpose purpose = gln::purpose::general_recovery;
  evidence_grade grade = evidence_grade::insufficient;
  bool sources_disagree = false;  // the summary says how they conflict
  std::string_view summary;
  citation_list sources;
  input_field invalid_input = input_field::none;  // purpose, for a value outside the enum

  constexpr bool valid() const noexcept { return detail::same(invalid_input, input_field::none); }
};

// The evidence row of a purpose; a value outside the enum gives an invalid result graded
// insufficient, with no summary and no sources, holding the value as given (as every result
// does: its name is then empty, never another purpose's).
constexpr evidence evidence_for(gln::purpose p) noexcept {
  evidence out{};
  detail::assign(out.purpose, p);
  if (!is_valid(p)) {
    detail::assign(out.invalid_input, input_field::purpose);
    return out;
  }
  const evidence_row& row = detail::row_at(data::evidence, index_of(p));
  detail::assign(out.grade, row.grade);
  out.sources_disagree = row.sources_disagree;
  out.summary = row.summary;
  out.sources = row.sources;
  return out;
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_EVIDENCE_HPP
