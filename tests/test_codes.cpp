// icd10_lookup(), conditions_from_icd10() and condition_from_icd10() against knowledge.md §2:
// every code of the table with the conditions it means, the examples of "Matching", the exact
// category entries, seventh characters, the puerperium, the named exclusions, and malformed
// against unmapped against mapped.
#include <gln/gln.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

using gln::condition;
using gln::condition_set;
using gln::lookup_status;

struct code_case {
  std::string_view code;
  condition_set expected;
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  return out;
}

std::string names(condition_set set) {
  std::string out;
  for (condition c : set) out.append(out.empty() ? "" : ", ").append(gln::to_string(c));
  return out.empty() ? "(none)" : out;
}

// Mapped, as a condition, to exactly `expected`.
void check_reads(const code_case& k) {
  CAPTURE(k.code);
  const gln::code_match found = gln::icd10_lookup(k.code);
  INFO("got " << gln::to_string(found.status) << ": " << names(found.conditions));
  CHECK(found.status == lookup_status::mapped);
  CHECK(found.role == gln::code_role::condition);
  CHECK(found.conditions == k.expected);
  CHECK(gln::conditions_from_icd10(k.code) == k.expected);
  CHECK(found.medications.empty());
  CHECK_FALSE(found.glutamine);
  CHECK(found.verified);
}

void check_status(std::string_view code, lookup_status expected) {
  CAPTURE(std::string(code));
  const gln::code_match found = gln::icd10_lookup(code);
  INFO("got " << gln::to_string(found.status) << ": " << names(found.conditions));
  CHECK(found.status == expected);
  CHECK(found.role == gln::code_role::none);
  CHECK(found.conditions.empty());
  CHECK(gln::conditions_from_icd10(code).empty());
  CHECK_FALSE(gln::condition_from_icd10(code).has_value());
}

}  // namespace

TEST_CASE("every code of the section 2 table reads as its rows say", "[codes]") {
  using c = condition;
  const condition_set he_and_failure{c::hepatic_encephalopathy, c::hepatic_failure};
  const std::vector<code_case> cases{
      // hepatic_encephalopathy; the five "with coma" codes are hepatic_failure too.
      {"K76.82", {c::hepatic_encephalopathy}},
      {"K72.01", he_and_failure},
      {"K72.11", he_and_failure},
      {"K72.91", he_and_failure},
      {"K70.41", he_and_failure},
      {"K71.11", he_and_failure},
      {"B15.0", {c::hepatic_encephalopathy}},
      {"B16.0", {c::hepatic_encephalopathy}},
      {"B16.2", {c::hepatic_encephalopathy}},
      {"B17.11", {c::hepatic_encephalopathy}},
      {"B19.0", {c::hepatic_encephalopathy}},
      {"B19.11", {c::hepatic_encephalopathy}},
      {"B19.21", {c::hepatic_encephalopathy}},
      // hepatic_failure
      {"K72.00", {c::hepatic_failure}},
      {"K72.10", {c::hepatic_failure}},
      {"K72.90", {c::hepatic_failure}},
      {"K70.40", {c::hepatic_failure}},
      {"K71.10", {c::hepatic_failure}},
      {"K91.82", {c::hepatic_failure}},
      {"T86.42", {c::hepatic_failure}},
      // cirrhosis
      {"K74.6", {c::cirrhosis}},
      {"K74.60", {c::cirrhosis}},
      {"K74.69", {c::cirrhosis}},
      {"K70.3", {c::cirrhosis}},
      {"K70.30", {c::cirrhosis}},
      {"K70.31", {c::cirrhosis}},
      {"K71.7", {c::cirrhosis}},
      {"K74.3", {c::cirrhosis}},
      {"K74.4", {c::cirrhosis}},
      {"K74.5", {c::cirrhosis}},
      {"P78.81", {c::cirrhosis}},
      // liver_disease: K70-K77 not matched above, and B18.
      {"K70", {c::liver_disease}},
      {"K70.0", {c::liver_disease}},
      {"K71.6", {c::liver_disease}},
      {"K73.9", {c::liver_disease}},
      {"K74", {c::liver_disease}},
      {"K74.0", {c::liver_disease}},
      {"K75.81", {c::liver_disease}},
      {"K76.0", {c::liver_disease}},
      {"K76.8", {c::liver_disease}},
      {"K76.89", {c::liver_disease}},
      {"K77", {c::liver_disease}},
      {"B18", {c::liver_disease}},
      {"B18.2", {c::liver_disease}},
      // severe_kidney_disease; K76.7 (hepatorenal) is also inside K70-K77.
      {"N18.4", {c::severe_kidney_disease}},
      {"N18.5", {c::severe_kidney_disease}},
      {"N18.6", {c::severe_kidney_disease}},
      {"Z99.2", {c::severe_kidney_disease}},
      {"N17", {c::severe_kidney_disease}},
      {"N17.9", {c::severe_kidney_disease}},
      {"N19", {c::severe_kidney_disease}},
      {"I12.0", {c::severe_kidney_disease}},
      {"I13.11", {c::severe_kidney_disease}},
      {"I13.2", {c::severe_kidney_disease}},
      {"K76.7", {c::liver_disease, c::severe_kidney_disease}},
      {"K91.83", {c::severe_kidney_disease}},
      {"N99.0", {c::severe_kidney_disease}},
      {"O90.4", {c::severe_kidney_disease}},
      {"O90.41", {c::severe_kidney_disease}},
      {"O90.49", {c::severe_kidney_disease}},
      {"O03.32", {c::pregnancy, c::severe_kidney_disease}},
      {"O03.82", {c::pregnancy, c::severe_kidney_disease}},
      {"O04.82", {c::pregnancy, c::severe_kidney_disease}},
      {"O07.32", {c::pregnancy, c::severe_kidney_disease}},
      {"O08.4", {c::pregnancy, c::severe_kidney_disease}},
      {"P96.0", {c::severe_kidney_disease}},
      {"T86.12", {c::severe_kidney_disease}},
      {"Z49", {c::severe_kidney_disease}},
      {"Z49.01", {c::severe_kidney_disease}},
      {"Z49.32", {c::severe_kidney_disease}},
      {"Z91.15", {c::severe_kidney_disease}},
      {"Z91.158", {c::severe_kidney_disease}},
      {"Z91.A5", {c::severe_kidney_disease}},
      {"Z91.A51", {c::severe_kidney_disease}},
      // kidney_disease
      {"N18.1", {c::kidney_disease}},
      {"N18.2", {c::kidney_disease}},
      {"N18.3", {c::kidney_disease}},
      {"N18.30", {c::kidney_disease}},
      {"N18.32", {c::kidney_disease}},
      {"N18.9", {c::kidney_disease}},
      {"E08.22", {c::kidney_disease}},
      {"E09.22", {c::kidney_disease}},
      {"E10.22", {c::kidney_disease}},
      {"E11.22", {c::kidney_disease}},
      {"E13.22", {c::kidney_disease}},
      {"I12.9", {c::kidney_disease}},
      {"I13.0", {c::kidney_disease}},
      {"I13.10", {c::kidney_disease}},
      // multiorgan_failure, sepsis and shock
      {"R65.11", {c::multiorgan_failure}},
      {"R65.20", {c::multiorgan_failure, c::sepsis}},
      {"R65.21", {c::multiorgan_failure, c::sepsis, c::shock}},
      {"A40", {c::sepsis}},
      {"A40.0", {c::sepsis}},
      {"A41", {c::sepsis}},
      {"A41.9", {c::sepsis}},
      {"A41.51", {c::sepsis}},
      {"A02.1", {c::sepsis}},
      {"A22.7", {c::sepsis}},
      {"A26.7", {c::sepsis}},
      {"A32.7", {c::sepsis}},
      {"A42.7", {c::sepsis}},
      {"A54.86", {c::sepsis}},
      {"B37.7", {c::sepsis}},
      {"O03.37", {c::sepsis, c::pregnancy}},
      {"O03.87", {c::sepsis, c::pregnancy}},
      {"O04.87", {c::sepsis, c::pregnancy}},
      {"O07.37", {c::sepsis, c::pregnancy}},
      {"O08.82", {c::sepsis, c::pregnancy}},
      {"O85", {c::sepsis}},
      {"O86.04", {c::sepsis}},
      {"P36", {c::sepsis}},
      {"P36.0", {c::sepsis}},
      {"T81.44", {c::sepsis}},
      {"T81.44XA", {c::sepsis}},
      {"E87.20", {c::metabolic_acidosis}},
      {"E87.21", {c::metabolic_acidosis}},
      {"E87.22", {c::metabolic_acidosis}},
      {"R57", {c::shock}},
      {"R57.0", {c::shock}},
      {"R57.1", {c::shock}},
      {"R57.8", {c::shock}},
      {"R57.9", {c::shock}},
      {"A48.3", {c::shock}},
      {"O75.1", {c::shock, c::pregnancy}},
      {"O03.31", {c::shock, c::pregnancy}},
      {"O03.81", {c::shock, c::pregnancy}},
      {"O04.81", {c::shock, c::pregnancy}},
      {"O07.31", {c::shock, c::pregnancy}},
      {"O08.3", {c::shock, c::pregnancy}},
      {"T78.2XXA", {c::shock}},
      {"T79.4XXA", {c::shock}},
      {"T81.10XA", {c::shock}},
      {"T81.11XA", {c::shock}},
      {"T81.12XA", {c::shock}},
      {"T81.19XA", {c::shock}},
      {"T88.2XXA", {c::shock}},
      {"G93.7", {c::reyes_syndrome}},
      // cancer: C00-C96 compared as text holds the letter categories.
      {"C00", {c::cancer}},
      {"C00.0", {c::cancer}},
      {"C34.90", {c::cancer}},
      {"C50.911", {c::cancer}},
      {"C96", {c::cancer}},
      {"C96.9", {c::cancer}},
      {"C4A.9", {c::cancer}},
      {"C7A.00", {c::cancer}},
      {"C7B.8", {c::cancer}},
      {"Z51.0", {c::cancer_treatment}},
      {"Z51.11", {c::cancer_treatment}},
      {"Z51.12", {c::cancer_treatment}},
      {"Z79.63", {c::cancer_treatment}},
      {"Z79.631", {c::cancer_treatment}},
      // pregnancy
      {"Z33.1", {c::pregnancy}},
      {"Z33.3", {c::pregnancy}},
      {"Z34", {c::pregnancy}},
      {"Z34.00", {c::pregnancy}},
      {"Z36", {c::pregnancy}},
      {"Z36.8A", {c::pregnancy}},
      {"Z3A", {c::pregnancy}},
      {"Z3A.20", {c::pregnancy}},
      {"O00", {c::pregnancy}},
      {"O00.0", {c::pregnancy}},
      {"O26.9", {c::pregnancy}},
      {"O80", {c::pregnancy}},
      {"O84", {c::pregnancy}},
      {"O99.89", {c::pregnancy}},
      {"O9A", {c::pregnancy}},
      {"O9A.119", {c::pregnancy}},
      // breastfeeding
      {"Z39.1", {c::breastfeeding}},
      {"O91.03", {c::breastfeeding}},
      {"O91.13", {c::breastfeeding}},
      {"O91.23", {c::breastfeeding}},
      {"O92.03", {c::breastfeeding}},
      {"O92.13", {c::breastfeeding}},
      {"O92.7", {c::breastfeeding}},
      {"O92.70", {c::breastfeeding}},
      {"O92.79", {c::breastfeeding}},
      // the rest
      {"G40", {c::seizure_disorder}},
      {"G40.909", {c::seizure_disorder}},
      {"R56.1", {c::seizure_disorder}},
      {"R56.9", {c::seizure_disorder}},
      {"F31", {c::bipolar_disorder}},
      {"F31.9", {c::bipolar_disorder}},
      {"F30", {c::bipolar_disorder}},
      {"F30.10", {c::bipolar_disorder}},
      {"D57.0", {c::sickle_cell_disease}},
      {"D57.00", {c::sickle_cell_disease}},
      {"D57.1", {c::sickle_cell_disease}},
      {"D57.2", {c::sickle_cell_disease}},
      {"D57.20", {c::sickle_cell_disease}},
      {"D57.4", {c::sickle_cell_disease}},
      {"D57.40", {c::sickle_cell_disease}},
      {"D57.8", {c::sickle_cell_disease}},
      {"K90.82", {c::short_bowel_syndrome}},
      {"K90.821", {c::short_bowel_syndrome}},
      {"K90.822", {c::short_bowel_syndrome}},
      {"K90.829", {c::short_bowel_syndrome}},
      {"K12.3", {c::oral_mucositis}},
      {"K12.31", {c::oral_mucositis}},
  };
  for (const code_case& k : cases) check_reads(k);
}

TEST_CASE("every entry of the table maps its own code to its condition", "[codes]") {
  for (const gln::icd10_entry& entry : gln::data::icd10_codes) {
    CAPTURE(entry.code, gln::to_string(entry.condition));
    CHECK(gln::icd10_lookup(entry.code).conditions.contains(entry.condition));
  }
}

TEST_CASE("the examples of section 2 Matching", "[codes]") {
  using c = condition;
  check_reads({"K74.60", {c::cirrhosis}});
  check_reads({"O90.49", {c::severe_kidney_disease}});
  check_reads({"O03.32", {c::pregnancy, c::severe_kidney_disease}});
  check_reads({"R65.21", {c::multiorgan_failure, c::shock, c::sepsis}});
}

TEST_CASE("a broad liver condition gives way to a specific one", "[codes]") {
  using c = condition;
  // Each is inside K70-K77 (liver_disease).
  check_reads({"K76.82", {c::hepatic_encephalopathy}});
  check_reads({"K74.60", {c::cirrhosis}});
  check_reads({"K72.00", {c::hepatic_failure}});
  check_reads({"K70.41", {c::hepatic_encephalopathy, c::hepatic_failure}});
  // Not liver-specific: hepatorenal syndrome stays liver_disease too.
  check_reads({"K76.7", {c::liver_disease, c::severe_kidney_disease}});
}

TEST_CASE("category codes read as the mildest code under them", "[codes]") {
  using c = condition;
  // Exact entries (§2 "Category codes").
  for (const std::string_view code : {"K70.4", "K71.1", "K72", "K72.0", "K72.1", "K72.9"}) {
    check_reads({code, {c::hepatic_failure}});
  }
  for (const std::string_view code : {"N18", "I12", "I13", "I13.1"}) {
    check_reads({code, {c::kidney_disease}});
  }
  check_reads({"R65.2", {c::multiorgan_failure, c::sepsis}});
  check_reads({"Z51.1", {c::cancer_treatment}});
  // Categories prefix matching already reads right.
  check_reads({"O03", {c::pregnancy}});
  check_reads({"K70", {c::liver_disease}});
  check_reads({"K74", {c::liver_disease}});
  // Exact means the category only: a longer code is not under the entry.
  check_status("R65.29", lookup_status::unmapped);
  check_status("Z51.19", lookup_status::unmapped);
}

TEST_CASE("T codes map with seventh character A or none, other chapters keep theirs", "[codes]") {
  using c = condition;
  for (const std::string_view code : {"T78.2", "T78.2XXA", "T79.4", "T79.4XXA", "T81.1", "T81.10",
                                      "T81.12XA", "T88.2", "T88.2XXA"}) {
    check_reads({code, {c::shock}});
  }
  check_reads({"T81.44XA", {c::sepsis}});
  for (const std::string_view code : {"T78.2XXD", "T78.2XXS", "T79.4XXD", "T81.10XS", "T81.12XD",
                                      "T81.44XD", "T81.44XS", "T88.2XXS"}) {
    check_status(code, lookup_status::unmapped);
  }
  // Transplant failures take no seventh character.
  check_reads({"T86.12", {c::severe_kidney_disease}});
  check_reads({"T86.42", {c::hepatic_failure}});
  // O-chapter seventh characters are fetus numbers.
  check_reads({"O32.1XX0", {c::pregnancy}});
  check_reads({"O64.0XX1", {c::pregnancy}});
  check_reads({"O36.5931", {c::pregnancy}});
}

TEST_CASE("the puerperium is not pregnancy, but for the codes that say in pregnancy", "[codes]") {
  using c = condition;
  for (const std::string_view code :
       {"O86.00", "O86.4", "O87.0", "O88.02", "O88.03", "O88.13", "O89.01", "O90.0", "O90.3",
        "O90.89", "O91.02", "O91.22", "O92.12", "O92.4", "O92.6", "O94"}) {
    check_status(code, lookup_status::unmapped);
  }
  // The listed "in pregnancy" codes, as categories and with their trimesters.
  for (const std::string_view code :
       {"O88.01", "O88.011", "O88.11", "O88.112", "O88.21", "O88.213", "O88.31", "O88.319",
        "O88.81", "O88.811", "O91.01", "O91.011", "O91.11", "O91.112", "O91.21", "O91.213",
        "O92.01", "O92.019", "O92.11", "O92.111", "O92.2",  "O92.20",  "O92.29"}) {
    check_reads({code, {c::pregnancy}});
  }
  // What their own entries say.
  check_reads({"O85", {c::sepsis}});
  check_reads({"O86.04", {c::sepsis}});
  check_reads({"O90.41", {c::severe_kidney_disease}});
  check_reads({"O91.13", {c::breastfeeding}});
  check_reads({"O92.79", {c::breastfeeding}});
  // Either side of the range is pregnancy.
  check_reads({"O84", {c::pregnancy}});
  check_reads({"O98.0", {c::pregnancy}});
}

TEST_CASE("the codes section 2 excludes map to nothing", "[codes]") {
  const std::vector<std::string_view> excluded{"D57.3", "Z33.2", "R65.1", "Z51.A", "E87.29",
                                               "T75.0", "T75.4", "R45.7", "O92.3", "O92.5"};
  for (const std::string_view code : excluded) {
    for (const std::string& spelling :
         {std::string(code), lower(code), " " + std::string(code) + " "}) {
      check_status(spelling, lookup_status::unmapped);
    }
  }
  // Electric shock and lightning under T75.0 and T75.4, initial encounter.
  check_status("T75.4XXA", lookup_status::unmapped);
  check_status("T75.01XA", lookup_status::unmapped);
  // The table lists the same ten, undotted.
  REQUIRE(gln::data::icd10_exclusions.size() == excluded.size());
  for (std::size_t i = 0; i < excluded.size(); ++i) {
    std::string undotted(excluded[i]);
    undotted.erase(undotted.find('.'), 1);
    CHECK(gln::data::icd10_exclusions[i] == undotted);
  }
}

TEST_CASE("condition_from_icd10 gives the worst condition, ties the first in order", "[codes]") {
  using c = condition;
  // Hepatic encephalopathy and failure are both avoid: the first.
  CHECK(gln::condition_from_icd10("K72.01") == c::hepatic_encephalopathy);
  // Multiorgan failure avoid, sepsis clinician_only.
  CHECK(gln::condition_from_icd10("R65.20") == c::multiorgan_failure);
  // Severe kidney disease avoid, pregnancy clinician_only.
  CHECK(gln::condition_from_icd10("O04.82") == c::severe_kidney_disease);
  // Shock avoid, pregnancy clinician_only.
  CHECK(gln::condition_from_icd10("O08.3") == c::shock);
  // Sepsis and pregnancy both clinician_only: sepsis comes first in §2.
  CHECK(gln::condition_from_icd10("O08.82") == c::sepsis);
  // For every code of the table: no other condition of its set reads worse, none before it
  // reads as bad.
  for (const gln::icd10_entry& entry : gln::data::icd10_codes) {
    CAPTURE(entry.code);
    const gln::optional<condition> one = gln::condition_from_icd10(entry.code);
    REQUIRE(one.has_value());
    const gln::verdict worst = gln::self_directed_verdict_of(condition_set{*one});
    for (condition other : gln::conditions_from_icd10(entry.code)) {
      const gln::verdict v = gln::self_directed_verdict_of(condition_set{other});
      CHECK(v <= worst);
      if (gln::index_of(other) < gln::index_of(*one)) CHECK(v < worst);
    }
  }
}

TEST_CASE("R65.21 screens as multiorgan failure and shock", "[codes]") {
  gln::profile p{};
  p.age_years = 50.0;
  p.conditions = gln::conditions_from_icd10("R65.21");
  const gln::screening s = gln::screen(p, gln::purpose::critical_illness);
  CHECK(s.findings.contains(gln::rule::contra_multiorgan_failure));
  CHECK(s.findings.contains(gln::rule::contra_shock));
  CHECK(s.findings.contains(gln::rule::purpose_critical_with_organ_failure));
  CHECK(s.overall == gln::verdict::avoid);
}

TEST_CASE("codes are accepted with or without the dot, any case, padded", "[codes]") {
  for (const std::string_view spelling :
       {"K76.82", "K7682", "k76.82", "k7682", "K76.82 ", " K76.82", "  k76.82  ", "\tK7682\n"}) {
    check_reads({spelling, {condition::hepatic_encephalopathy}});
  }
  check_reads({"c4a.9", {condition::cancer}});
  check_reads({"o9a119", {condition::pregnancy}});
  check_reads({" z99.2", {condition::severe_kidney_disease}});
  check_reads({"t81.44xa", {condition::sepsis}});
  check_status("t81.44xd", lookup_status::unmapped);
}

TEST_CASE("well-formed codes outside the map are unmapped", "[codes]") {
  for (const std::string_view code :
       {"K69",   "K69.9", "K78",   "K80.20", "N20.0", "R65.10", "R56.00", "C97",
        "D00.0", "D57",   "Z51.8", "Z39.2",  "G93.6", "F32.9",  "F29",    "K90.81",
        "K12.2", "A00",   "E11.9", "I10",    "P07.3", "Q21.0",  "U07.1",  "J45.909"}) {
    check_status(code, lookup_status::unmapped);
  }
  // The shape, not the list: a letter, then letters or digits (placeholder X is a letter).
  for (const std::string_view code : {"KK682", "ZZZ", "A0X.XXXA", "X99.9", "Q123456"}) {
    check_status(code, lookup_status::unmapped);
  }
}

TEST_CASE("text that is not an ICD-10-CM code is malformed", "[codes]") {
  const std::string with_nul_inside("K76\0.82", 7);
  const std::string with_nul_after("K76.82\0", 7);
  const std::string nul_only(1, '\0');
  const std::vector<std::string_view> malformed{
      "",
      " ",
      "   \t ",
      "K",
      "K7",
      "K7.",
      "K76.",
      ".K7682",
      "K76..82",
      "K7.682",
      "K768.2",
      "K76-82",
      "K76 82",
      "K76.82.",
      "1234",
      "7K682",
      "K76.82X9999",
      "K76829999",
      "K76.82\xC3\xA9",
      "\xEF\xBC\xAB"
      "76.82",  // full-width K
      "K\xC2\xA0"
      "76.82",  // no-break space
      "K76.8\xFF",
      std::string_view(with_nul_inside),
      std::string_view(with_nul_after),
      std::string_view(nul_only),
  };
  for (const std::string_view code : malformed) check_status(code, lookup_status::malformed);
  // A null view with no data is just empty.
  check_status(std::string_view{}, lookup_status::malformed);
}
