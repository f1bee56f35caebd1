// The ICD-10-CM map against the complete official code list (knowledge.md §2): every code of
// CDC/NCHS FY2026 is read, and for every one
//   - it is well-formed, and its answer does not depend on case, the dot or white space;
//   - no category (header) reads milder than the mildest code under it ("Category codes");
//   - a T code with a seventh character maps only when that character is A;
//   - a puerperium code (O85-O94) is not pregnancy, unless its title says "in pregnancy"
//     (the 11 codes §2 lists), and every other O code is;
// and every code §2's table names exists in the list or in the April 2026 file. Prints how
// many codes map to each condition.
//
// Usage: gzip -dc icd10cm_order_fy2026.tsv.gz | gln_icd10_sweep DATA_DIR
// DATA_DIR is ../shared/data; without its icd10cm/ folder the sweep prints "skipped: ..." and
// exits with skip_code (registered as the test's SKIP_RETURN_CODE).
#include <gln/gln.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int skip_code = 77;

constexpr std::string_view code_list = "icd10cm/icd10cm_order_fy2026.tsv.gz";
constexpr std::string_view april_list = "icd10cm/icd10cm_fy2026apr_relevant_codes.txt";
constexpr std::string_view header_line = "order\tcode\tbillable\tshort_title\tlong_title";
// The size of the FY2026 order file (../shared/data/README.md): a shorter stream means the
// decompression failed part way.
constexpr std::size_t fy2026_entries = 98'186;
constexpr std::size_t fy2026_billable = 74'719;

// Codes §2's table names that are not entries of their own: covered by a range or a shorter
// prefix, but named, so they must exist too.
constexpr std::array<std::string_view, 11> named_inside_entries{
    "C4A", "C7A", "C7B", "R570", "R571", "R578", "R579", "K90821", "K90822", "K90829", "O9041"};

// §2: within O85-O94 the codes whose titles say "in pregnancy" or "associated with pregnancy"
// stay pregnancy. §2 counts 43 billable codes in FY2026; the list holds 42: four trimesters
// under each of the ten 6-character categories, and O92.20 and O92.29.
constexpr std::array<std::string_view, 11> puerperium_in_pregnancy{
    "O8801", "O8811", "O8821", "O8831", "O8881", "O9101",
    "O9111", "O9121", "O9201", "O9211", "O922"};
constexpr std::size_t puerperium_in_pregnancy_billable = 42;

struct code_row {
  std::string code;
  bool billable = false;
};

int failures = 0;

std::ostream& fail() {
  ++failures;
  return std::cout << "FAIL: ";
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string dotted(std::string_view code) {
  std::string out{code.substr(0, 3)};
  if (code.size() > 3) out.append(".").append(code.substr(3));
  return out;
}

std::string lower(std::string text) {
  for (char& ch : text) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  return text;
}

std::string names(gln::condition_set set) {
  std::string out;
  for (gln::condition c : set) out.append(out.empty() ? "" : ", ").append(gln::to_string(c));
  return out.empty() ? "(none)" : out;
}

gln::verdict reading(std::string_view code) {
  return gln::self_directed_verdict_of(gln::conditions_from_icd10(code));
}

bool same(const gln::code_match& a, const gln::code_match& b) {
  return a.status == b.status && a.role == b.role && a.conditions == b.conditions;
}

// The order column: zero-padded row numbers from 1.
bool order_is(std::string_view order, std::size_t number) {
  if (order.empty() || order.size() > 9) return false;
  std::size_t value = 0;
  for (const char ch : order) {
    if (ch < '0' || ch > '9') return false;
    value = value * 10 + static_cast<std::size_t>(ch - '0');
  }
  return value == number;
}

// The order file from standard input: checks its header, order numbers and size.
std::vector<code_row> read_code_list(std::istream& in) {
  std::vector<code_row> rows;
  std::string line;
  if (!std::getline(in, line) || line != header_line) {
    fail() << "the code list does not start with the header '" << header_line << "'\n";
    return rows;
  }
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string order;
    std::string code;
    std::string billable;
    std::getline(fields, order, '\t');
    std::getline(fields, code, '\t');
    std::getline(fields, billable, '\t');
    if (!order_is(order, rows.size() + 1)) {
      fail() << "row " << rows.size() + 1 << " has order '" << order << "'\n";
    }
    if (billable != "0" && billable != "1")
      fail() << code << ": billable is '" << billable << "'\n";
    rows.push_back({code, billable == "1"});
  }
  const auto billable = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const code_row& r) { return r.billable; }));
  if (rows.size() != fy2026_entries || billable != fy2026_billable) {
    fail() << "read " << rows.size() << " codes (" << billable << " billable); FY2026 has "
           << fy2026_entries << " (" << fy2026_billable << ")\n";
  }
  return rows;
}

// Case, the dot and white space do not change the answer; every official code is well-formed.
void check_spellings(const std::vector<code_row>& rows) {
  for (const code_row& row : rows) {
    const gln::code_match answer = gln::icd10_lookup(row.code);
    if (answer.status == gln::lookup_status::malformed) fail() << row.code << " reads malformed\n";
    const std::string dot = dotted(row.code);
    for (const std::string& spelling :
         {lower(row.code), dot, lower(dot), " " + dot, dot + "\t", "\r\n " + lower(dot) + " \n"}) {
      if (!same(gln::icd10_lookup(spelling), answer)) {
        fail() << "'" << spelling << "' does not read as " << row.code << "\n";
      }
    }
  }
}

// §2 "Category codes": a header never reads milder than the mildest billable code under it.
void check_categories(const std::vector<code_row>& rows) {
  std::vector<std::pair<std::string, gln::verdict>> billable;
  for (const code_row& row : rows) {
    if (row.billable) billable.emplace_back(row.code, reading(row.code));
  }
  std::sort(billable.begin(), billable.end());
  std::size_t headers = 0;
  const int failures_before = failures;
  for (const code_row& row : rows) {
    if (row.billable) continue;
    ++headers;
    auto it = std::lower_bound(billable.begin(), billable.end(),
                               std::pair<std::string, gln::verdict>{row.code, {}});
    const std::pair<std::string, gln::verdict>* mildest = nullptr;
    for (; it != billable.end() && starts_with(it->first, row.code); ++it) {
      if (it->first != row.code && (!mildest || it->second < mildest->second)) mildest = &*it;
    }
    if (!mildest) {
      fail() << "header " << row.code << " has no billable code under it\n";
      continue;
    }
    if (reading(row.code) < mildest->second) {
      fail() << "header " << dotted(row.code) << " reads " << gln::to_string(reading(row.code))
             << " (" << names(gln::conditions_from_icd10(row.code)) << "), milder than "
             << dotted(mildest->first) << ", " << gln::to_string(mildest->second) << " ("
             << names(gln::conditions_from_icd10(mildest->first)) << ")\n";
    }
  }
  std::cout << "categories: " << headers << " headers, " << failures - failures_before
            << " milder than the mildest code under them\n";
}

// Every code §2's table names is in FY2026 (as a code or a header) or in the April 2026 file.
void check_named_codes(const std::vector<code_row>& rows, const std::set<std::string>& april) {
  std::set<std::string> fy2026;
  for (const code_row& row : rows) fy2026.insert(row.code);
  std::set<std::string> named;
  for (const gln::icd10_entry& entry : gln::data::icd10_codes) named.emplace(entry.code);
  for (const gln::icd10_range& range : gln::data::icd10_ranges) {
    named.emplace(range.first);
    named.emplace(range.last);
  }
  for (std::string_view code : gln::data::icd10_exclusions) named.emplace(code);
  for (std::string_view code : named_inside_entries) named.emplace(code);
  std::size_t april_only = 0;
  for (const std::string& code : named) {
    if (fy2026.count(code) != 0) continue;
    if (april.count(code) != 0) {
      ++april_only;
      std::cout << "named code " << dotted(code) << " is only in the April 2026 file\n";
      continue;
    }
    fail() << "named code " << dotted(code) << " is in neither code list\n";
  }
  std::cout << "named codes: " << named.size() << " checked, " << april_only
            << " only in the April 2026 file\n";
}

// §2 "Seventh characters": a T code with a seventh character other than A maps to nothing.
void check_seventh_characters(const std::vector<code_row>& rows) {
  std::size_t initial = 0;
  for (const code_row& row : rows) {
    if (row.code[0] != 'T' || row.code.size() != 7) continue;
    const gln::code_match answer = gln::icd10_lookup(row.code);
    if (row.code[6] == 'A') {
      initial += answer.mapped() ? 1U : 0U;
    } else if (answer.status != gln::lookup_status::unmapped) {
      fail() << dotted(row.code) << " maps (" << names(answer.conditions)
             << ") with seventh character " << row.code[6] << "\n";
    }
  }
  std::cout << "T codes: " << initial << " map, all with seventh character A\n";
}

// §2: O85-O94 are not pregnancy but for the "in pregnancy" codes; every other O code is.
void check_puerperium(const std::vector<code_row>& rows) {
  std::size_t in_pregnancy_billable = 0;
  for (const code_row& row : rows) {
    if (row.code[0] != 'O') continue;
    const std::string_view category = std::string_view{row.code}.substr(0, 3);
    const bool puerperium = category >= "O85" && category <= "O94";
    const bool exception =
        std::any_of(puerperium_in_pregnancy.begin(), puerperium_in_pregnancy.end(),
                    [&](std::string_view prefix) { return starts_with(row.code, prefix); });
    const bool expected = !puerperium || exception;
    const gln::condition_set found = gln::conditions_from_icd10(row.code);
    if (found.contains(gln::condition::pregnancy) != expected) {
      fail() << dotted(row.code) << " is " << (expected ? "not " : "") << "pregnancy ("
             << names(found) << ")\n";
    }
    in_pregnancy_billable += puerperium && exception && row.billable ? 1U : 0U;
  }
  if (in_pregnancy_billable != puerperium_in_pregnancy_billable) {
    fail() << in_pregnancy_billable << " billable puerperium codes are pregnancy, not "
           << puerperium_in_pregnancy_billable << "\n";
  }
  std::cout << "puerperium: O85-O94 not pregnancy but " << in_pregnancy_billable
            << " billable \"in pregnancy\" codes\n";
}

void print_counts(const std::vector<code_row>& rows) {
  std::array<std::size_t, gln::enum_count<gln::condition>> billable{};
  std::array<std::size_t, gln::enum_count<gln::condition>> headers{};
  std::map<gln::lookup_status, std::size_t> statuses;
  for (const code_row& row : rows) {
    const gln::code_match answer = gln::icd10_lookup(row.code);
    ++statuses[answer.status];
    for (gln::condition c : answer.conditions)
      ++(row.billable ? billable : headers)[gln::index_of(c)];
  }
  std::cout << "codes: " << statuses[gln::lookup_status::mapped] << " mapped, "
            << statuses[gln::lookup_status::unmapped] << " unmapped, "
            << statuses[gln::lookup_status::malformed] << " malformed\n";
  std::cout << "per condition (billable codes + headers):\n";
  for (std::size_t i = 0; i < gln::enum_count<gln::condition>; ++i) {
    const auto c = static_cast<gln::condition>(i);
    std::cout << "  " << gln::to_string(c) << ": " << billable[i] << " + " << headers[i] << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: gzip -dc " << code_list << " | gln_icd10_sweep DATA_DIR\n";
    return 2;
  }
  const std::string data_dir = argv[1];
  std::ifstream april_file(data_dir + "/" + std::string(april_list));
  if (!std::ifstream(data_dir + "/" + std::string(code_list)) || !april_file) {
    std::cout << "skipped: no " << code_list << " and " << april_list << " under " << data_dir
              << "\n";
    return skip_code;
  }
  std::set<std::string> april;
  for (std::string line; std::getline(april_file, line);) {
    if (!line.empty()) april.insert(line);
  }

  const std::vector<code_row> rows = read_code_list(std::cin);
  if (failures != 0) return 1;
  check_spellings(rows);
  check_categories(rows);
  check_named_codes(rows, april);
  check_seventh_characters(rows);
  check_puerperium(rows);
  print_counts(rows);
  std::cout << (failures == 0 ? "passed" : "FAILED") << ": " << rows.size() << " ICD-10-CM codes, "
            << failures << " failures\n";
  return failures == 0 ? 0 : 1;
}
