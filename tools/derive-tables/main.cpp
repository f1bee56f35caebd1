// gln_derive_tables: writes gln's derived look-up tables (detail/derive.hpp) into the headers
// that hold them, between the lines "// derived NAME" and "// end of derived NAME".
//
//   gln_derive_tables INCLUDE_DIR           rewrites the tables that differ
//   gln_derive_tables INCLUDE_DIR --check   changes nothing; exit 1 when a table differs
//
// Run by scripts/derive-tables.sh after an edit of a knowledge table; the test
// gln.derived_tables runs --check.
#include <gln/detail/derive.hpp>

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace derive = gln::detail::derive;

struct table {
  std::string file;  // under include/gln/
  std::string name;
  std::vector<std::string> lines;  // the initializer, one element a line
};

std::string hex(std::uint64_t value) {
  char out[24];
  std::snprintf(out, sizeof out, "0x%016" PRIx64, value);
  return out;
}

std::string with_comment(std::string element, std::string_view comment) {
  return element + ",  // " + std::string(comment);
}

// The enumerator's identifier, from the enum's list (for code the table is written in).
#define GLN_IDENTIFIER(enumerator, ...) #enumerator,
constexpr std::string_view condition_identifiers[] = {GLN_CONDITIONS(GLN_IDENTIFIER)};
constexpr std::string_view match_identifiers[] = {GLN_ICD10_MATCHES(GLN_IDENTIFIER)};
#undef GLN_IDENTIFIER

std::string condition_code(gln::condition c) {
  return "gln::condition::" + std::string(condition_identifiers[gln::index_of(c)]);
}

std::string match_code(gln::icd10_match m) {
  return "icd10_match::" + std::string(match_identifiers[gln::index_of(m)]);
}

// The text a key stands for: its bytes from the top down, up to the first zero.
std::string key_text(std::uint64_t key) {
  std::string out;
  for (int shift = 56; shift >= 0 && ((key >> shift) & 0xFFU) != 0; shift -= 8) {
    out.push_back(static_cast<char>((key >> shift) & 0xFFU));
  }
  return out;
}

template <class E, std::size_t N>
std::vector<std::string> masks_by(const std::array<std::uint64_t, N>& masks) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < N; ++i) {
    out.push_back(with_comment(hex(masks[i]), gln::to_string(static_cast<E>(i))));
  }
  return out;
}

// The rules of a mask, by name: "caution.cancer, contra.cirrhosis", or "no rule".
std::string rule_names(std::uint64_t mask) {
  std::string out;
  for (std::size_t i = 0; i < gln::enum_count<gln::rule>; ++i) {
    if (((mask >> i) & 1U) == 0) continue;
    out += (out.empty() ? "" : ", ") + std::string(gln::to_string(static_cast<gln::rule>(i)));
  }
  return out.empty() ? "no rule" : out;
}

// One row of sixteen entries per four members; each entry says which members it stands for and
// the rules they fire, so that a diff of the table reads without counting bits. An entry for a
// member past the last one is never read.
template <class E, std::size_t Groups>
std::vector<std::string> masks_by_nibble(
    const std::array<std::array<std::uint64_t, 16>, Groups>& masks) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < Groups; ++k) {
    std::string group;
    for (std::size_t b = 0; b < 4 && 4 * k + b < gln::enum_count<E>; ++b) {
      group += (b == 0 ? "" : ", ") + std::string(gln::to_string(static_cast<E>(4 * k + b)));
    }
    out.push_back("{");
    for (std::size_t n = 0; n < 16; ++n) {
      std::string members;
      bool past_last = false;
      for (std::size_t b = 0; b < 4; ++b) {
        if (((n >> b) & 1U) == 0) continue;
        const std::size_t member = 4 * k + b;
        if (member >= gln::enum_count<E>) {
          past_last = true;
          continue;
        }
        members +=
            (members.empty() ? "" : " + ") + std::string(gln::to_string(static_cast<E>(member)));
      }
      const std::string comment = past_last ? "a member past the last (no set holds it): never read"
                                  : members.empty() ? "none of " + group + ": no rule"
                                                    : members + ": " + rule_names(masks[k][n]);
      out.push_back(with_comment("    " + hex(masks[k][n]), comment));
    }
    out.push_back("},");
  }
  return out;
}

std::vector<table> derived_tables() {
  std::vector<table> out;
  out.push_back({"rules/screen.hpp", "condition_rules_by_nibble",
                 masks_by_nibble<gln::condition>(derive::condition_rules_by_nibble())});
  out.push_back({"rules/screen.hpp", "medication_rules_by_nibble",
                 masks_by_nibble<gln::medication>(derive::medication_rules_by_nibble())});
  out.push_back({"rules/screen.hpp", "fact_rules_by_nibble",
                 masks_by_nibble<gln::trigger_extra>(derive::fact_rules_by_nibble())});
  {
    table t{"rules/screen.hpp", "compound_trigger_rows", {}};
    for (std::uint8_t row : derive::compound_trigger_rows()) {
      t.lines.push_back(
          with_comment(std::to_string(row), gln::to_string(gln::data::screening_triggers[row].id)));
    }
    out.push_back(t);
  }
  {
    table t{"rules/screen.hpp", "screen_by_purpose", {}};
    const auto rows = derive::screen_by_purpose();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string_view name = i < gln::enum_count<gln::purpose>
                                        ? gln::to_string(static_cast<gln::purpose>(i))
                                        : std::string_view{"a value outside the enum"};
      t.lines.push_back(with_comment("{" + hex(rows[i].fires) + ", " + hex(rows[i].fact_rules) +
                                         ", " + hex(rows[i].checks) + "}",
                                     name));
    }
    out.push_back(t);
  }
  {
    table t{"rules/findings.hpp", "rules_by_level", {}};
    const auto levels = derive::rules_by_level();
    const std::string_view names[] = {"self-directed", "under supervision"};
    for (std::size_t i = 0; i < levels.size(); ++i) {
      t.lines.push_back("{{  // " + std::string(names[i]));
      for (std::size_t level = 0; level < levels[i].size(); ++level) {
        t.lines.push_back(with_comment("    " + hex(levels[i][level]),
                                       gln::to_string(static_cast<gln::verdict>(level))));
      }
      t.lines.push_back("}},");
    }
    out.push_back(t);
  }
  out.push_back(
      {"rules/dose.hpp", "self_directed_only_rules", {hex(derive::self_directed_only_rules())}});
  {
    table t{"rules/codes.hpp", "code_characters", {}};
    const auto characters = derive::code_characters();
    for (std::size_t row = 0; row < characters.size(); row += 16) {
      std::string line = "\"";
      for (std::size_t i = row; i < row + 16; ++i) {
        // A three-digit octal escape ends where it is, whatever follows.
        line += characters[i] != 0 ? std::string(1, static_cast<char>(characters[i])) : "\\000";
      }
      const char digits[] = "0123456789abcdef";
      t.lines.push_back(line + "\"  // bytes from 0x" + digits[row / 16] + "0");
    }
    out.push_back(t);
  }
  {
    table t{"rules/codes.hpp", "icd10_keyed_codes", {}};
    for (const gln::detail::keyed_entry& e : derive::icd10_keyed_codes()) {
      t.lines.push_back(with_comment("{" + hex(e.key) + ", " + std::to_string(e.size) + ", " +
                                         condition_code(e.condition) + ", " + match_code(e.match) +
                                         "}",
                                     key_text(e.key)));
    }
    out.push_back(t);
  }
  {
    table t{"rules/codes.hpp", "icd10_keyed_ranges", {}};
    for (const gln::detail::keyed_range& r : derive::icd10_keyed_ranges()) {
      t.lines.push_back(with_comment("{" + hex(r.first) + ", " + hex(r.last) + ", " +
                                         condition_code(r.condition) + ", " +
                                         (r.not_puerperal ? "true" : "false") + "}",
                                     key_text(r.first) + "-" + key_text(r.last)));
    }
    out.push_back(t);
  }
  {
    table t{"data/terminology.hpp", "rxnorm_names_by_letter", {}};
    const auto first = derive::rxnorm_names_by_letter();
    for (std::size_t letter = 0; letter < first.size(); ++letter) {
      const std::string name =
          letter < 26 ? std::string(1, static_cast<char>('a' + letter)) : "the end";
      t.lines.push_back(with_comment(std::to_string(first[letter]), name));
    }
    out.push_back(t);
  }
  {
    table t{"data/terminology.hpp", "atc_keys", {}};
    const auto keys = derive::atc_keys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      t.lines.push_back(with_comment(hex(keys[i]), gln::data::atc_codes[i].code));
    }
    out.push_back(t);
  }
  {
    table t{"data/terminology.hpp", "loinc_keys", {}};
    const auto keys = derive::loinc_keys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      t.lines.push_back(with_comment(hex(keys[i]), gln::data::loinc_codes[i].code));
    }
    out.push_back(t);
  }
  return out;
}

bool read(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Replaces the lines between the table's markers; false when a marker is missing.
bool splice(std::string& text, const table& t) {
  const std::string begin = "// derived " + t.name + "\n";
  const std::string end = "// end of derived " + t.name + "\n";
  const std::size_t b = text.find(begin);
  if (b == std::string::npos) return false;
  const std::size_t content = b + begin.size();
  const std::size_t e = text.find(end, content);
  if (e == std::string::npos) return false;
  const std::size_t line_start = text.rfind('\n', b) + 1;
  const std::string indent = text.substr(line_start, b - line_start);
  const std::size_t end_line = text.rfind('\n', e) + 1;
  // clang-format would align the rows' comments with the markers' and re-pack the rows.
  std::string lines = indent + "// clang-format off\n";
  for (const std::string& line : t.lines) lines += indent + line + "\n";
  lines += indent + "// clang-format on\n";
  text.replace(content, end_line - content, lines);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string_view(argv[2]) != "--check")) {
    std::fprintf(stderr, "usage: gln_derive_tables INCLUDE_DIR [--check]\n");
    return 2;
  }
  const std::string root = std::string(argv[1]) + "/gln/";
  const bool check = argc == 3;
  int differing = 0;
  for (const table& t : derived_tables()) {
    const std::string path = root + t.file;
    std::string text;
    if (!read(path, text)) {
      std::fprintf(stderr, "gln_derive_tables: cannot read %s\n", path.c_str());
      return 2;
    }
    std::string written = text;
    if (!splice(written, t)) {
      std::fprintf(stderr, "gln_derive_tables: %s has no markers for %s\n", path.c_str(),
                   t.name.c_str());
      return 2;
    }
    if (written == text) continue;
    ++differing;
    std::fprintf(stderr, "%s: %s %s\n", path.c_str(), t.name.c_str(),
                 check ? "differs from its derivation" : "written");
    if (!check) {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << written;
      if (!out) {
        std::fprintf(stderr, "gln_derive_tables: cannot write %s\n", path.c_str());
        return 2;
      }
    }
  }
  if (check && differing > 0) {
    std::fprintf(stderr, "run scripts/derive-tables.sh to write them\n");
    return 1;
  }
  return 0;
}
