// condition_from_icd10() and conditions_from_icd10() against knowledge.md §2: every mapped
// code, the accepted spellings, the most specific prefix winning, and malformed input.
#include <gln/gln.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

using gln::condition;

struct code_case {
  std::string_view code;
  condition expected;
};

std::string name_of(std::optional<condition> c) {
  return c ? std::string(gln::to_string(*c)) : std::string("(none)");
}

}  // namespace

TEST_CASE("every code of the section 2 map gives its condition", "[codes]") {
  using c = condition;
  const std::vector<code_case> cases{
      {"K76.82", c::hepatic_encephalopathy},
      {"K72.01", c::hepatic_encephalopathy},
      {"K72.11", c::hepatic_encephalopathy},
      {"K72.91", c::hepatic_encephalopathy},
      {"K70.41", c::hepatic_encephalopathy},
      {"K71.11", c::hepatic_encephalopathy},
      {"K72.00", c::hepatic_failure},
      {"K72.10", c::hepatic_failure},
      {"K72.90", c::hepatic_failure},
      {"K70.40", c::hepatic_failure},
      {"K71.10", c::hepatic_failure},
      {"K74.6", c::cirrhosis},
      {"K74.60", c::cirrhosis},
      {"K74.69", c::cirrhosis},
      {"K70.3", c::cirrhosis},
      {"K70.30", c::cirrhosis},
      {"K70.31", c::cirrhosis},
      // K70-K77 not matched above.
      {"K70", c::liver_disease},
      {"K70.0", c::liver_disease},
      {"K71.6", c::liver_disease},
      {"K72.0", c::liver_disease},
      {"K73.9", c::liver_disease},
      {"K74.0", c::liver_disease},
      {"K75.81", c::liver_disease},
      {"K76.0", c::liver_disease},
      {"K76.89", c::liver_disease},
      {"K77", c::liver_disease},
      {"N18.4", c::severe_kidney_disease},
      {"N18.5", c::severe_kidney_disease},
      {"N18.6", c::severe_kidney_disease},
      {"Z99.2", c::severe_kidney_disease},
      {"N17", c::severe_kidney_disease},
      {"N17.9", c::severe_kidney_disease},
      {"N19", c::severe_kidney_disease},
      {"N18.1", c::kidney_disease},
      {"N18.2", c::kidney_disease},
      {"N18.3", c::kidney_disease},
      {"N18.30", c::kidney_disease},
      {"N18.32", c::kidney_disease},
      {"N18.9", c::kidney_disease},
      {"R65.11", c::multiorgan_failure},
      {"R65.20", c::multiorgan_failure},
      {"R57", c::shock},
      {"R57.0", c::shock},
      {"R57.1", c::shock},
      {"R57.8", c::shock},
      {"R57.9", c::shock},
      {"G93.7", c::reyes_syndrome},
      {"C00", c::cancer},
      {"C00.0", c::cancer},
      {"C34.90", c::cancer},
      {"C50.911", c::cancer},
      {"C96", c::cancer},
      {"C96.9", c::cancer},
      {"C4A.9", c::cancer},
      {"C7A.00", c::cancer},
      {"C7B.8", c::cancer},
      {"Z51.0", c::cancer_treatment},
      {"Z51.11", c::cancer_treatment},
      {"Z51.12", c::cancer_treatment},
      {"Z33.1", c::pregnancy},
      {"O00", c::pregnancy},
      {"O00.0", c::pregnancy},
      {"O26.9", c::pregnancy},
      {"O80", c::pregnancy},
      {"O99.89", c::pregnancy},
      {"O9A", c::pregnancy},
      {"O9A.119", c::pregnancy},
      {"Z39.1", c::breastfeeding},
      {"G40", c::seizure_disorder},
      {"G40.909", c::seizure_disorder},
      {"R56.1", c::seizure_disorder},
      {"R56.9", c::seizure_disorder},
      {"F31", c::bipolar_disorder},
      {"F31.9", c::bipolar_disorder},
      {"F30", c::bipolar_disorder},
      {"F30.10", c::bipolar_disorder},
      {"D57.0", c::sickle_cell_disease},
      {"D57.00", c::sickle_cell_disease},
      {"D57.1", c::sickle_cell_disease},
      {"D57.2", c::sickle_cell_disease},
      {"D57.20", c::sickle_cell_disease},
      {"D57.4", c::sickle_cell_disease},
      {"D57.40", c::sickle_cell_disease},
      {"D57.8", c::sickle_cell_disease},
      {"K90.821", c::short_bowel_syndrome},
      {"K90.822", c::short_bowel_syndrome},
      {"K90.829", c::short_bowel_syndrome},
      {"K12.3", c::oral_mucositis},
      {"K12.31", c::oral_mucositis},
  };
  for (const code_case& k : cases) {
    CAPTURE(k.code);
    const std::optional<condition> got = gln::condition_from_icd10(k.code);
    INFO("got " << name_of(got));
    CHECK(got == k.expected);
    const gln::condition_set all = gln::conditions_from_icd10(k.code);
    CHECK(all.size() == 1);
    CHECK(all.contains(k.expected));
  }
}

TEST_CASE("codes are accepted with or without the dot, any case, padded", "[codes]") {
  for (const std::string_view spelling :
       {"K76.82", "K7682", "k76.82", "k7682", "K76.82 ", " K76.82", "  k76.82  ", "\tK7682\n"}) {
    CAPTURE(spelling);
    CHECK(gln::condition_from_icd10(spelling) == condition::hepatic_encephalopathy);
  }
  CHECK(gln::condition_from_icd10("c4a.9") == condition::cancer);
  CHECK(gln::condition_from_icd10("o9a119") == condition::pregnancy);
  CHECK(gln::condition_from_icd10(" z99.2") == condition::severe_kidney_disease);
}

TEST_CASE("the most specific prefix wins", "[codes]") {
  // K76.82 is inside K70-K77 but is hepatic encephalopathy.
  CHECK(gln::condition_from_icd10("K76.82") == condition::hepatic_encephalopathy);
  CHECK(gln::condition_from_icd10("K76.8") == condition::liver_disease);
  // Cirrhosis inside the liver range.
  CHECK(gln::condition_from_icd10("K74.60") == condition::cirrhosis);
  CHECK(gln::condition_from_icd10("K74.5") == condition::liver_disease);
  // Failure without coma, and with coma.
  CHECK(gln::condition_from_icd10("K72.00") == condition::hepatic_failure);
  CHECK(gln::condition_from_icd10("K72.01") == condition::hepatic_encephalopathy);
  CHECK(gln::condition_from_icd10("K70.40") == condition::hepatic_failure);
  CHECK(gln::condition_from_icd10("K70.41") == condition::hepatic_encephalopathy);
  // Severe CKD stages next to the others.
  CHECK(gln::condition_from_icd10("N18.4") == condition::severe_kidney_disease);
  CHECK(gln::condition_from_icd10("N18.3") == condition::kidney_disease);
  // Each set holds one condition: the specific one replaces the range.
  const gln::condition_set he = gln::conditions_from_icd10("K76.82");
  CHECK(he.size() == 1);
  CHECK_FALSE(he.contains(condition::liver_disease));
}

TEST_CASE("R65.21 is both multiorgan failure and shock", "[codes]") {
  const gln::condition_set both = gln::conditions_from_icd10("R65.21");
  CHECK(both.size() == 2);
  CHECK(both.contains(condition::multiorgan_failure));
  CHECK(both.contains(condition::shock));
  const std::optional<condition> one = gln::condition_from_icd10("R65.21");
  REQUIRE(one.has_value());
  CHECK((*one == condition::multiorgan_failure || *one == condition::shock));
  // Screening the mapped set fires both contraindications.
  gln::profile p{};
  p.age_years = 50.0;
  p.conditions = both;
  const gln::screening s = gln::screen(p, gln::purpose::critical_illness);
  CHECK(s.findings.contains(gln::rule::contra_multiorgan_failure));
  CHECK(s.findings.contains(gln::rule::contra_shock));
  CHECK(s.findings.contains(gln::rule::purpose_critical_with_organ_failure));
  CHECK(s.overall == gln::verdict::avoid);
}

TEST_CASE("sickle-cell trait D57.3 maps to nothing", "[codes]") {
  for (const std::string_view trait : {"D57.3", "D573", "d57.3", " D57.3 "}) {
    CAPTURE(trait);
    CHECK_FALSE(gln::condition_from_icd10(trait).has_value());
    CHECK(gln::conditions_from_icd10(trait).empty());
  }
}

TEST_CASE("codes outside the map give no value", "[codes]") {
  for (const std::string_view code :
       {"K69",   "K69.9", "K78",   "K80.20", "N18",   "N20.0", "R65.10", "R56.00", "C97",
        "D00.0", "D57",   "Z51.8", "Z33.2",  "Z39.2", "G93.6", "F32.9",  "F29",    "K90.81",
        "K12.2", "A00",   "E11.9", "I10",    "P07.3", "Q21.0", "U07.1"}) {
    CAPTURE(code);
    CHECK_FALSE(gln::condition_from_icd10(code).has_value());
    CHECK(gln::conditions_from_icd10(code).empty());
  }
}

TEST_CASE("malformed codes give no value", "[codes]") {
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
      "KK682",
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
  for (const std::string_view code : malformed) {
    CAPTURE(std::string(code));
    CHECK_FALSE(gln::condition_from_icd10(code).has_value());
    CHECK(gln::conditions_from_icd10(code).empty());
  }
  // A null view with no data is just empty.
  CHECK_FALSE(gln::condition_from_icd10(std::string_view{}).has_value());
}
