// code_lookup() against knowledge.md §2b and terminology.md: every code of the SNOMED CT,
// RxNorm, ATC, NDC, LOINC and UCUM tables with what it means, the codes §2b leaves out, each
// system's shape rule (malformed against unmapped), and the readings of product displays,
// medication texts and weight units. The expected values are transcribed from the two
// documents, grouped as they group them (the tables are sorted by code instead).
#include <gln/gln.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

using gln::code_role;
using gln::code_system;
using gln::condition;
using gln::condition_set;
using gln::lookup_status;
using gln::medication;
using gln::medication_set;
using gln::purpose;

struct expected_code {
  std::string_view code;
  code_role role;
  condition_set conditions;
};

std::string status_of(const gln::code_match& match) {
  return std::string(gln::to_string(match.status));
}

void check_mapped(code_system system, const expected_code& row) {
  CAPTURE(gln::to_string(system), row.code);
  const gln::code_match match = gln::code_lookup(system, row.code);
  INFO("status " << status_of(match));
  REQUIRE(match.mapped());
  CHECK(match.role == row.role);
  CHECK(match.conditions == row.conditions);
  CHECK(match.medications.empty());
  CHECK_FALSE(match.glutamine);
  CHECK(match.verified);
}

void check_status(code_system system, std::initializer_list<std::string_view> codes,
                  lookup_status expected) {
  for (const std::string_view code : codes) {
    CAPTURE(gln::to_string(system), std::string(code));
    const gln::code_match match = gln::code_lookup(system, code);
    CHECK(status_of(match) == std::string(gln::to_string(expected)));
    CHECK(match.role == code_role::none);
    CHECK(match.conditions.empty());
    CHECK(match.medications.empty());
    CHECK_FALSE(match.glutamine);
  }
}

medication_set classes(code_system system, std::string_view code) {
  return gln::code_lookup(system, code).medications;
}

}  // namespace

// clang-format off
TEST_CASE("every SNOMED CT code knowledge.md 2b maps gives its conditions", "[codes][snomed]") {
  using c = condition;
  constexpr code_role cond = code_role::condition;
  constexpr code_role proc = code_role::procedure;
  constexpr condition severe_kidney = c::severe_kidney_disease;
  const std::vector<expected_code> rows{
      // terminology.md §1a
      {"13920009", cond, {c::hepatic_encephalopathy}},
      {"72836002", cond, {c::hepatic_encephalopathy}},
      {"59927004", cond, {c::hepatic_failure}}, {"197270009", cond, {c::hepatic_failure}},
      {"235886005", cond, {c::hepatic_failure}}, {"235881000", cond, {c::hepatic_failure}},
      {"708248004", cond, {c::hepatic_failure}},
      {"19943007", cond, {c::cirrhosis}}, {"420054005", cond, {c::cirrhosis}},
      {"716203000", cond, {c::cirrhosis}},
      {"235856003", cond, {c::liver_disease}}, {"328383001", cond, {c::liver_disease}},
      {"76783007", cond, {c::liver_disease}}, {"10295004", cond, {c::liver_disease}},
      {"128302006", cond, {c::liver_disease}}, {"61977001", cond, {c::liver_disease}},
      {"197321007", cond, {c::liver_disease}}, {"197315008", cond, {c::liver_disease}},
      {"431857002", cond, {severe_kidney}}, {"433146000", cond, {severe_kidney}},
      {"714152005", cond, {severe_kidney}}, {"46177005", cond, {severe_kidney}},
      {"236435004", cond, {severe_kidney}}, {"105502003", cond, {severe_kidney}},
      {"14669001", cond, {severe_kidney}},
      // §2b: the Synthea kidney-failure codes.
      {"129721000119106", cond, {severe_kidney}},
      {"275408006", cond, {severe_kidney}}, {"236428007", cond, {severe_kidney}},
      {"236429004", cond, {severe_kidney}},
      // §2b: dialysis procedures.
      {"265764009", proc, {severe_kidney}}, {"302497006", proc, {severe_kidney}},
      {"71192002", proc, {severe_kidney}}, {"108241001", proc, {severe_kidney}},
      {"709044004", cond, {c::kidney_disease}}, {"431855005", cond, {c::kidney_disease}},
      {"431856006", cond, {c::kidney_disease}}, {"433144002", cond, {c::kidney_disease}},
      {"700378005", cond, {c::kidney_disease}}, {"700379002", cond, {c::kidney_disease}},
      {"723190009", cond, {c::kidney_disease}}, {"127013003", cond, {c::kidney_disease}},
      {"57653000", cond, {c::multiorgan_failure}},
      // Severe sepsis (UK extension, Medium): as ICD-10-CM's severe sepsis R65.20.
      {"1036671000000106", cond, {c::multiorgan_failure, c::sepsis}},
      // §2b: sepsis, and septic shock.
      {"91302008", cond, {c::sepsis}}, {"770349000", cond, {c::sepsis}},
      {"76571007", cond, {c::shock, c::sepsis}},
      {"27942005", cond, {c::shock}}, {"89138009", cond, {c::shock}},
      {"735173007", cond, {c::shock}}, {"355001", cond, {c::shock}},
      {"74351001", cond, {c::reyes_syndrome}},
      {"363346000", cond, {c::cancer}},
      {"72892002", cond, {c::pregnancy}}, {"77386006", cond, {c::pregnancy}},
      {"47200007", cond, {c::pregnancy}},
      {"866041003", cond, {c::breastfeeding}}, {"69840006", cond, {c::breastfeeding}},
      {"1260078007", cond, {c::breastfeeding}}, {"1258999009", cond, {c::breastfeeding}},
      {"1258998001", cond, {c::breastfeeding}}, {"225604004", cond, {c::breastfeeding}},
      {"84757009", cond, {c::seizure_disorder}}, {"128613002", cond, {c::seizure_disorder}},
      {"313307000", cond, {c::seizure_disorder}},
      {"13746004", cond, {c::bipolar_disorder}},
      {"417357006", cond, {c::sickle_cell_disease}}, {"127040003", cond, {c::sickle_cell_disease}},
      {"35434009", cond, {c::sickle_cell_disease}}, {"36472007", cond, {c::sickle_cell_disease}},
      {"25472008", cond, {c::sickle_cell_disease}}, {"47024008", cond, {c::sickle_cell_disease}},
      {"26629001", cond, {c::short_bowel_syndrome}}, {"235724004", cond, {c::short_bowel_syndrome}},
      // §2b "Allergies" and "Procedures".
      {"75665004", code_role::substance, {c::msg_sensitivity}},
      {"305351004", proc, {c::recent_icu_stay}}, {"397821002", proc, {c::recent_icu_stay}},
      // terminology.md §1b
      {"254837009", cond, {c::cancer}}, {"363406005", cond, {c::cancer}},
      {"93761005", cond, {c::cancer}}, {"109838007", cond, {c::cancer}},
      {"94260004", cond, {c::cancer}}, {"254637007", cond, {c::cancer}},
      {"424132000", cond, {c::cancer}}, {"425048006", cond, {c::cancer}},
      {"422968005", cond, {c::cancer}}, {"423121009", cond, {c::cancer}},
      {"254632001", cond, {c::cancer}}, {"67811000119102", cond, {c::cancer}},
      {"67821000119109", cond, {c::cancer}}, {"67831000119107", cond, {c::cancer}},
      {"67841000119103", cond, {c::cancer}},
      {"126906006", cond, {c::cancer}},  // §2b: Synthea's prostate cancer
      {"94503003", cond, {c::cancer}}, {"314994000", cond, {c::cancer}},
      {"91861009", cond, {c::cancer}}, {"93143009", cond, {c::cancer}},
      {"109989006", cond, {c::cancer}},
      // terminology.md §1c
      {"367336001", proc, {c::cancer_treatment}}, {"716872004", proc, {c::cancer_treatment}},
      {"363688001", proc, {c::cancer_treatment}}, {"703423002", proc, {c::cancer_treatment}},
      {"394894008", proc, {c::cancer_treatment}}, {"1255831008", proc, {c::cancer_treatment}},
      {"897713009", proc, {c::cancer_treatment}}, {"76334006", proc, {c::cancer_treatment}},
      {"1287742003", proc, {c::cancer_treatment}}, {"108290001", proc, {c::cancer_treatment}},
      {"33195004", proc, {c::cancer_treatment}}, {"385798007", proc, {c::cancer_treatment}},
      {"447759004", proc, {c::cancer_treatment}}, {"113120007", proc, {c::cancer_treatment}},
      {"384692006", proc, {c::cancer_treatment}},
  };
  std::set<std::string_view> listed;
  for (const expected_code& row : rows) {
    check_mapped(code_system::snomed_ct, row);
    listed.insert(row.code);
  }
  // No code twice here, and the table holds these and nothing else.
  CHECK(listed.size() == rows.size());
  CHECK(gln::data::snomed_codes.size() == rows.size());
  for (const gln::snomed_entry& entry : gln::data::snomed_codes) {
    CAPTURE(entry.code);
    CHECK(listed.count(std::to_string(entry.code)) == 1);
  }
}
// clang-format on

TEST_CASE("SNOMED CT codes knowledge.md 2b leaves out are unmapped", "[codes][snomed]") {
  check_status(code_system::snomed_ct,
               {
                   "40095003",    // Injury of kidney: an injury, not failure
                   "703151001",   // History of single seizure
                   "1290882004",  // History of seizure
                   "162573006",   // Suspected lung cancer
                   "315268008",   // Suspected prostate cancer
                   "92691004",    // Carcinoma in situ of prostate
                   "61170000",    // Stomatitis: Low-Medium, not encoded
                   "309904001",   // ICU, a location type: gln reads no Encounter
                   "736690008",   // Dialysis care plan
                   "736252007",   // Cancer care plan
                   "395082007",   // Cancer care plan (Synthea up to 3.3)
               },
               lookup_status::unmapped);
}

TEST_CASE("SNOMED CT: trait and 'not pregnant' map to nothing, so they read as unmapped",
          "[codes][snomed]") {
  // §2b: 16402000 sickle cell trait and 60001007 "Not pregnant" map to nothing; as with
  // ICD-10-CM's D57.3, a code that names no condition is unmapped and still reviewed.
  for (const std::string_view code : {"16402000", "60001007"}) {
    CAPTURE(code);
    const gln::code_match match = gln::code_lookup(code_system::snomed_ct, code);
    CHECK(match.status == lookup_status::unmapped);
    CHECK(match.conditions.empty());
  }
  // Pregnant (finding) also answers the pregnancy-status observation.
  CHECK(gln::code_lookup("http://snomed.info/sct", "77386006").conditions ==
        condition_set{condition::pregnancy});
}

TEST_CASE("SNOMED CT is matched exactly: concepts of a real record gln does not list",
          "[codes][snomed]") {
  // Codes of the shared Synthea bundles: a miscarriage, CKD-related findings and situations,
  // acute illnesses. Well-formed, not listed (no hierarchy is followed), so unmapped.
  check_status(code_system::snomed_ct,
               {"195662009", "10509002", "19169002", "90781000119102", "157141000119108",
                "698306007", "161665007"},
               lookup_status::unmapped);
}

TEST_CASE("SNOMED CT shape: a concept's SCTID, 6 to 18 digits with a Verhoeff check digit",
          "[codes][snomed]") {
  // Identifiers of other partitions (a description 01, a relationship 02, their extension
  // forms 11 and 12), given their valid check digit: not a concept, so malformed.
  for (const std::string_view partition : {"01", "02", "11", "12", "03"}) {
    std::string code;
    for (char check = '0'; check <= '9'; ++check) {
      const std::string candidate = "1392000" + std::string(partition) + check;
      if (gln::data::verhoeff_valid(std::stoull(candidate))) code = candidate;
    }
    CAPTURE(code);
    REQUIRE_FALSE(code.empty());
    CHECK(gln::code_lookup(code_system::snomed_ct, code).status == lookup_status::malformed);
  }
  // Spellings of a listed code.
  for (const std::string_view code : {" 13920009", "13920009 ", "\t13920009\n"}) {
    CAPTURE(std::string(code));
    CHECK(gln::code_lookup(code_system::snomed_ct, code).conditions ==
          condition_set{condition::hepatic_encephalopathy});
  }
  check_status(
      code_system::snomed_ct,
      {
          "", " ",
          "13920008",             // check digit off by one
          "13920000",             // another wrong check digit
          "1392009",              // a digit dropped
          "013920009",            // leading zero
          "12345",                // too short
          "1234567890123456789",  // 19 digits
          "13920009a", "1392-0009", "13920009.0", "-13920009", "+13920009", "13 920009", "K76.82",
          "\xEF\xBC\x91"
          "3920009",  // a full-width digit
      },
      lookup_status::malformed);
}

TEST_CASE("every RxNorm ingredient knowledge.md 2b maps gives its class", "[codes][rxnorm]") {
  struct ingredient {
    std::string_view code;
    std::string_view name;
  };
  // terminology.md §2: the 27 antiepileptic ingredients.
  const std::vector<ingredient> antiepileptics{
      {"114477", "levetiracetam"},    {"28439", "lamotrigine"},   {"40254", "valproate"},
      {"2002", "carbamazepine"},      {"32624", "oxcarbazepine"}, {"8183", "phenytoin"},
      {"72236", "fosphenytoin"},      {"38404", "topiramate"},    {"25480", "gabapentin"},
      {"187832", "pregabalin"},       {"623400", "lacosamide"},   {"39998", "zonisamide"},
      {"8134", "phenobarbital"},      {"2598", "clonazepam"},     {"1739745", "brivaracetam"},
      {"1482502", "eslicarbazepine"}, {"1356552", "perampanel"},  {"2265690", "cenobamate"},
      {"4135", "ethosuximide"},       {"8691", "primidone"},      {"21241", "clobazam"},
      {"69036", "rufinamide"},        {"14851", "vigabatrin"},    {"24812", "felbamate"},
      {"31914", "tiagabine"},         {"2045371", "cannabidiol"}, {"2054968", "stiripentol"},
  };
  REQUIRE(antiepileptics.size() == 27);
  for (const ingredient& row : antiepileptics) {
    CAPTURE(row.code, row.name);
    const gln::code_match match = gln::code_lookup(code_system::rxnorm, row.code);
    REQUIRE(match.mapped());
    CHECK(match.role == code_role::medication);
    CHECK(match.medications == medication_set{medication::anticonvulsant});
    CHECK_FALSE(match.glutamine);
    CHECK(match.verified);
    // The ingredient's name finds it in a display.
    const gln::ingredient_match named = gln::ingredient_in_display(row.name);
    CHECK(named.ingredient == row.name);
    CHECK(named.rxcui == std::stoul(std::string(row.code)));
  }
  const gln::code_match lactulose =
      gln::code_lookup("http://www.nlm.nih.gov/research/umls/rxnorm", "6218");
  CHECK(lactulose.medications == medication_set{medication::lactulose});
  CHECK(gln::ingredient_in_display("lactulose 667 MG/ML Oral Solution").medications ==
        medication_set{medication::lactulose});
  // 27 ingredients, lactulose and the glutamine product: nothing else.
  CHECK(gln::data::rxnorm_codes.size() == 29);
}

TEST_CASE("RxNorm 1869684 is a glutamine product, flagged unverified", "[codes][rxnorm]") {
  const gln::code_match match = gln::code_lookup(code_system::rxnorm, "1869684");
  REQUIRE(match.mapped());
  CHECK(match.role == code_role::medication);
  CHECK(match.glutamine);
  CHECK(match.medications.empty());
  CHECK_FALSE(match.verified);
}

TEST_CASE("RxNorm product codes are not listed: their displays name the ingredient",
          "[codes][rxnorm]") {
  // terminology.md §2's Synthea products, diazepam (not N03) and an ordinary product.
  check_status(
      code_system::rxnorm,
      {"308971", "204892", "1153378", "197591", "563026", "483438", "313782", "1736776", "199224"},
      lookup_status::unmapped);
}

TEST_CASE("RxNorm shape: a positive integer of at most 8 digits", "[codes][rxnorm]") {
  CHECK(gln::code_lookup(code_system::rxnorm, " 6218 ").mapped());
  // 8 digits is well-formed, 9 is not.
  check_status(code_system::rxnorm, {"1", "99999999"}, lookup_status::unmapped);
  check_status(code_system::rxnorm,
               {"", "0", "06218", "123456789", "6218a", "62 18", "-6218", "+6218", "6218.0",
                "0x1862", "RX6218"},
               lookup_status::malformed);
}

TEST_CASE("ATC: each listed code maps with every code under it", "[codes][atc]") {
  using m = medication;
  const medication_set anticonvulsant{m::anticonvulsant};
  const medication_set antineoplastic{m::antineoplastic};
  // N03A at every level below it, and the old gabapentinoid codes under it.
  for (const std::string_view code : {"N03A", "N03AA", "N03AA02", "N03AX", "N03AX14", "N03AG01",
                                      "N03AE01", "N03AX12", "N03AX16", "N03AX27"}) {
    CAPTURE(code);
    CHECK(classes(code_system::atc, code) == anticonvulsant);
  }
  for (const std::string_view code : {"N02BF01", "N02BF02", "N05BA09"}) {
    CAPTURE(code);
    CHECK(classes(code_system::atc, code) == anticonvulsant);
  }
  // L01 and L02 at every level, the Synthea antineoplastics of terminology.md §3, and
  // hydroxycarbamide; the three immunomodulatory antineoplastics.
  for (const std::string_view code :
       {"L01",     "L01A",    "L01AA",   "L01AA01", "L01BC02", "L01CD01", "L01CD02", "L01CB01",
        "L01DB01", "L01DB03", "L01E",    "L01EF01", "L01EF02", "L01EF03", "L01EH01", "L01EH02",
        "L01F",    "L01FD01", "L01FD03", "L01X",    "L01XA01", "L01XA02", "L01XA03", "L01XX05",
        "L02",     "L02A",    "L02AE02", "L02B",    "L02BA01", "L02BA02", "L02BA03", "L02BG03",
        "L02BG04", "L02BG06", "L04AX02", "L04AX04", "L04AX06"}) {
    CAPTURE(code);
    CHECK(classes(code_system::atc, code) == antineoplastic);
  }
  for (const std::string_view code : {"H01AC", "H01AC01"}) {
    CAPTURE(code);
    CHECK(classes(code_system::atc, code) == medication_set{m::growth_hormone});
  }
  CHECK(classes(code_system::atc, "A06AD11") == medication_set{m::lactulose});
  const gln::code_match glutamine = gln::code_lookup("http://www.whocc.no/atc", "A16AA03");
  CHECK(glutamine.mapped());
  CHECK(glutamine.glutamine);
  CHECK(glutamine.medications.empty());
  CHECK(glutamine.role == code_role::medication);
  // Letters in any case, white space around.
  CHECK(classes(code_system::atc, "n03ax14") == anticonvulsant);
  CHECK(classes(code_system::atc, " l01xx05 ") == antineoplastic);
  CHECK(gln::data::atc_codes.size() == 12);
}

TEST_CASE("ATC: groups and the drugs knowledge.md 2b excludes map to nothing", "[codes][atc]") {
  const auto unmapped = [](std::initializer_list<std::string_view> codes) {
    check_status(code_system::atc, codes, lookup_status::unmapped);
  };
  unmapped({"N", "N03", "N02", "N02B", "N02BF"});          // above the listed codes
  unmapped({"N05BA01", "N05BA", "N05B"});                  // diazepam, the anxiolytics
  unmapped({"L", "L03AX03"});                              // BCG
  unmapped({"L04", "L04A", "L04AX", "L04AX03"});           // methotrexate
  unmapped({"S01LA08", "S01LA"});                          // ophthalmic bevacizumab
  unmapped({"A", "A06A", "A06AD"});                        // the laxatives around lactulose
  unmapped({"A16A", "A16AA", "A16AA01"});                  // the amino acids around glutamine
  unmapped({"H01", "H01A"});                               // pituitary hormones
  unmapped({"V03AF03", "M05BX04", "M05BA08", "M05BA03"});  // supportive drugs, not antineoplastic
}

TEST_CASE("ATC shape: the 1, 3, 4, 5 and 7-character codes", "[codes][atc]") {
  check_status(code_system::atc,
               {"", "N0", "N03AX1", "N03AX145", "3", "N3A", "NO3", "N0AA", "N03A1", "N03AXA4",
                "N03AX1A", "N03-A", "N03.AX14", "N03 AX14",
                "\xC3\x91"
                "03"},
               lookup_status::malformed);
}

TEST_CASE("NDC: Endari in every accepted form, compared as 5-4-2", "[codes][ndc]") {
  for (const std::string_view code : {
           "42457-420",      // labeler-product (5-3), as the shared requests send it
           "42457-0420",     // labeler-product (5-4)
           "42457-420-01",   // 5-3-2
           "42457-0420-01",  // 5-4-2
           "42457042001",    // 11 digits without hyphens
           "42457042060",
           "42457-0420-1",  // 5-4-1
           " 42457-420-60 ",
       }) {
    CAPTURE(std::string(code));
    const gln::code_match match = gln::code_lookup("http://hl7.org/fhir/sid/ndc", code);
    REQUIRE(match.mapped());
    CHECK(match.glutamine);
    CHECK(match.role == code_role::medication);
    CHECK(match.medications.empty());
    CHECK(match.verified);
  }
  // Another product: the generic L-glutamine powder (not listed), lactulose, and a 4-4-2 code
  // whose padded labeler is 04245, not 42457.
  check_status(code_system::ndc,
               {"31722-483", "0121-4577", "0121-4577-01", "4245-7420-01", "42457-0421",
                "42457-421-01", "42456-0420-01"},
               lookup_status::unmapped);
}

TEST_CASE("NDC shape: hyphenated 10 digits, 11 digits, or labeler-product", "[codes][ndc]") {
  check_status(code_system::ndc,
               {
                   "",
                   "42457",          // labeler only
                   "42457420",       // 8 digits, no hyphens
                   "4245704201",     // 10 digits without hyphens: ambiguous
                   "424570420011",   // 12 digits
                   "42457-42",       // 5-2
                   "4245-420",       // 4-3
                   "424570-420",     // 6-3
                   "42457-420-001",  // 5-3-3
                   "42457-420-1",    // 5-3-1
                   "4245-0420-1",    // 4-4-1
                   "42457-",
                   "-420",
                   "42457--01",
                   "42457-0420-01-1",
                   "4245a-420",
                   "42457 420",
                   "42457.0420.01",
               },
               lookup_status::malformed);
}

TEST_CASE("LOINC: body weight, pregnancy status and its answers", "[codes][loinc]") {
  for (const std::string_view code :
       {"29463-7", "3141-9", "3142-7", "8335-2", "8350-1", "8351-9"}) {
    check_mapped(code_system::loinc, {code, code_role::body_weight, {}});
  }
  check_mapped(code_system::loinc, {"82810-3", code_role::pregnancy_status, {}});
  check_mapped(code_system::loinc,
               {"LA15173-0", code_role::observation_answer, {condition::pregnancy}});
  check_mapped(code_system::loinc, {"LA26683-5", code_role::observation_answer, {}});
  check_mapped(code_system::loinc, {"LA4489-6", code_role::observation_answer, {}});
  CHECK(gln::data::loinc_codes.size() == 10);
  CHECK(gln::code_lookup("http://loinc.org", "la15173-0").conditions ==
        condition_set{condition::pregnancy});
  CHECK(gln::code_lookup("http://loinc.org", " 29463-7 ").role == code_role::body_weight);
}

TEST_CASE("LOINC shape: digits, a hyphen and the mod-10 check digit", "[codes][loinc]") {
  // Body height, a real code gln does not list; and a deprecated code whose check digit LOINC
  // lists as wrong, still well-formed.
  check_status(code_system::loinc, {"8302-2", "6580-7", "11491-6"}, lookup_status::unmapped);
  check_status(code_system::loinc,
               {"", "29463-8", "29463-0", "29463", "294637", "29463-", "-7", "029463-7", "29463-77",
                "29463--7", "2946a-7", "LA15173-1", "LA15173", "LA-0", "LX15173-0", "L15173-0",
                "LA015173-0", "123456789-0", "29463 -7"},
               lookup_status::malformed);
}

TEST_CASE("UCUM: the body-weight units by their exact codes", "[codes][ucum]") {
  struct unit_row {
    std::string_view code;
    double kilograms;
  };
  for (const unit_row& row :
       {unit_row{"kg", 1.0}, unit_row{"g", 0.001}, unit_row{"[lb_av]", 0.45359237}}) {
    CAPTURE(row.code);
    const gln::code_match match = gln::code_lookup("http://unitsofmeasure.org", row.code);
    REQUIRE(match.mapped());
    CHECK(match.role == code_role::weight_unit);
    CHECK(match.kilograms_per_unit == row.kilograms);
  }
  // Case-sensitive codes: other spellings are other (or no) units.
  check_status(code_system::ucum, {"KG", "Kg", "lb", "lbs", "[LB_AV]", "[lb_tr]", "mg", "kg/m2"},
               lookup_status::unmapped);
  check_status(code_system::ucum, {"", " kg", "kg ", "k g", "\xC2\xB5g"}, lookup_status::malformed);
}

TEST_CASE("systems gln does not hold, WHO ICD-10 first, are never guessed", "[codes][systems]") {
  for (const std::string_view uri : {
           "http://hl7.org/fhir/sid/icd-10",
           "http://fhir.de/CodeSystem/bfarm/icd-10-gm",
           "http://hl7.org/fhir/sid/icd-10-ca",
           "http://hl7.org/fhir/sid/icd-9-cm",
           "http://snomed.info/sct/900000000000207008",
           "https://snomed.info/sct",
           "HTTP://SNOMED.INFO/SCT",
           "http://snomed.info/sct ",
           "",
       }) {
    CAPTURE(std::string(uri));
    for (const std::string_view code : {"R65.1", "K72.9", "76571007", "29463-7"}) {
      CHECK(gln::code_lookup(uri, code).status == lookup_status::system_not_held);
    }
  }
  // The same codes through ICD-10-CM.
  CHECK(gln::code_lookup("http://hl7.org/fhir/sid/icd-10-cm", "R65.21")
            .conditions.contains(condition::shock));
  CHECK(gln::code_lookup("http://hl7.org/fhir/sid/icd-10-cm", "E11.9").status ==
        lookup_status::unmapped);
  CHECK(gln::code_lookup("http://hl7.org/fhir/sid/icd-10-cm", "E11.9.9").status ==
        lookup_status::malformed);
  // A value outside gln::code_system.
  const auto not_a_system = static_cast<code_system>(gln::enum_count<code_system>);
  CHECK(gln::code_lookup(not_a_system, "76571007").status == lookup_status::system_not_held);
}

TEST_CASE("the URI and the enum name the same system", "[codes][systems]") {
  const std::vector<std::string_view> codes{
      "76571007", "40095003", "13920008",  "6218",       "1869684", "N03AX14",
      "L04AX03",  "N03AX1",   "42457-420", "4245704201", "29463-7", "29463-8",
      "[lb_av]",  "R65.21",   "K70.41",    "",           "x"};
  for (std::size_t i = 0; i < gln::enum_count<code_system>; ++i) {
    const auto system = static_cast<code_system>(i);
    for (const std::string_view code : codes) {
      CAPTURE(gln::to_string(system), std::string(code));
      const gln::code_match by_enum = gln::code_lookup(system, code);
      const gln::code_match by_uri = gln::code_lookup(gln::to_string(system), code);
      CHECK(by_enum.status == by_uri.status);
      CHECK(by_enum.role == by_uri.role);
      CHECK(by_enum.conditions == by_uri.conditions);
      CHECK(by_enum.medications == by_uri.medications);
      CHECK(by_enum.glutamine == by_uri.glutamine);
    }
  }
}

TEST_CASE("pounds to kilograms, and the weight units a reader accepts", "[codes][units]") {
  CHECK(gln::kilograms::from_pounds(1.0) == gln::kilograms{0.45359237});
  CHECK(gln::kilograms::from_pounds(0.0) == gln::kilograms{0.0});
  // The shared request's weights: 72.5 kg written as 159.8 lb (1 decimal).
  CHECK(gln::kilograms::from_pounds(159.8).value() == Approx(72.484).margin(0.001));
  CHECK(gln::kilograms::from_pounds(100.0).value() == Approx(45.359237));

  // By UCUM code.
  CHECK(gln::weight_in_kilograms(70.0, "kg") == gln::kilograms{70.0});
  CHECK(gln::weight_in_kilograms(159.8, "[lb_av]") == gln::kilograms::from_pounds(159.8));
  const auto grams = gln::weight_in_kilograms(70000.0, "g");
  REQUIRE(grams.has_value());
  CHECK(grams->value() == Approx(70.0));
  // The code decides when there is one.
  CHECK(gln::weight_in_kilograms(159.8, "[lb_av]", "lb") == gln::kilograms::from_pounds(159.8));
  CHECK_FALSE(gln::weight_in_kilograms(70.0, "mg", "kg").has_value());
  CHECK_FALSE(gln::weight_in_kilograms(70.0, "lb", "lb").has_value());  // lb is no UCUM code
  // Without a code, the unit text only when it is exactly kg, g, lb or [lb_av].
  CHECK(gln::weight_in_kilograms(70.0, "", "kg") == gln::kilograms{70.0});
  CHECK(gln::weight_in_kilograms(154.0, "", "lb") == gln::kilograms::from_pounds(154.0));
  CHECK(gln::weight_in_kilograms(154.0, "", "[lb_av]") == gln::kilograms::from_pounds(154.0));
  CHECK(gln::weight_in_kilograms(70000.0, "", "g").has_value());
  for (const std::string_view text :
       {"", "Kg", "KG", "kgs", "kilograms", "lbs", "LB", "pounds", " kg", "kg ", "st", "oz"}) {
    CAPTURE(std::string(text));
    CHECK_FALSE(gln::weight_in_kilograms(70.0, "", text).has_value());
  }
}

TEST_CASE("RxNorm displays: ingredient names as whole words, any case", "[codes][display]") {
  struct display_case {
    std::string_view display;
    std::string_view ingredient;  // empty: none
    std::uint32_t rxcui;
  };
  const std::vector<display_case> cases{
      {"clonazePAM 0.25 MG Oral Tablet", "clonazepam", 2598},
      {"Carbamazepine[Tegretol]", "carbamazepine", 2002},
      {"carbamazepine 20 MG/ML Oral Suspension [Tegretol]", "carbamazepine", 2002},
      {"pregabalin 100 MG Oral Capsule", "pregabalin", 187832},
      {"levetiracetam 500 MG Oral Tablet", "levetiracetam", 114477},
      {"divalproex sodium 500 MG Delayed Release Oral Tablet", "divalproex", 40254},
      {"Valproic Acid 250 MG Oral Capsule", "valproic acid", 40254},
      {"valproate sodium 100 MG/ML Injectable Solution", "valproate", 40254},
      {"24 HR LamoTRIgine 25 MG Extended Release Oral Tablet", "lamotrigine", 28439},
      {"fosphenytoin sodium 50 MG/ML Injectable Solution", "fosphenytoin", 72236},
      {"Phenytoin 50 MG Chewable Tablet", "phenytoin", 8183},
      {"lactulose 667 MG/ML Oral Solution", "lactulose", 6218},
      // Not an antiepileptic of the list, or not a whole word.
      {"Diazepam 5 MG Oral Tablet", "", 0},
      {"Diazepam [Valium]", "", 0},
      {"Acetaminophen 325 MG Oral Tablet", "", 0},
      {"10 ML oxaliplatin 5 MG/ML Injection", "", 0},
      {"xphenytoin", "", 0},
      {"phenytoins", "", 0},
      {"valproic", "", 0},
      {"valproic  acid", "", 0},
      {"Endari", "", 0},
      {"", "", 0},
  };
  for (const display_case& k : cases) {
    CAPTURE(std::string(k.display));
    const gln::ingredient_match found = gln::ingredient_in_display(k.display);
    CHECK(found.ingredient == k.ingredient);
    CHECK(found.rxcui == k.rxcui);
    CHECK(found.matched() == !k.ingredient.empty());
    if (k.ingredient.empty()) {
      CHECK(found.medications.empty());
    } else if (k.ingredient == "lactulose") {
      CHECK(found.medications == medication_set{medication::lactulose});
    } else {
      CHECK(found.medications == medication_set{medication::anticonvulsant});
    }
  }
  // Two ingredients: the first is reported, both classes are given.
  const gln::ingredient_match both = gln::ingredient_in_display("lactulose / levetiracetam");
  CHECK(both.ingredient == "lactulose");
  CHECK(both.medications == medication_set{medication::lactulose, medication::anticonvulsant});
}

TEST_CASE("medication texts that name glutamine", "[codes][display]") {
  for (const std::string_view text :
       {"L-glutamine oral powder", "L-glutamine oral powder 5 g per packet", "Glutamine",
        "GLUTAMINE 500 MG Oral Capsule", "N(2)-L-alanyl-L-glutamine", "glutamine/whey blend"}) {
    CAPTURE(std::string(text));
    CHECK(gln::names_glutamine(text));
  }
  for (const std::string_view text :
       {"", "glutamate", "monosodium glutamate", "glutaminase", "Lglutamine", "glutamines",
        "glut amine", "Endarin", "nutre store"}) {
    CAPTURE(std::string(text));
    CHECK_FALSE(gln::names_glutamine(text));
    CHECK_FALSE(gln::glutamine_brand_in(text).matched());
  }
}

TEST_CASE("the brands of prescription L-glutamine, each with its label's purpose",
          "[codes][display]") {
  // knowledge.md §1: endari_label (Endari), nutrestore_label (NutreStore); §5: their purposes.
  const gln::brand_match endari = gln::glutamine_brand_in("ENDARI 5 g oral powder packet");
  REQUIRE(endari.matched());
  CHECK(endari.brand == "Endari");
  CHECK(endari.labelled_for == purpose::sickle_cell_disease);
  CHECK(endari.label == gln::source::endari_label);
  const gln::brand_match nutrestore =
      gln::glutamine_brand_in("nutrestore powder for oral solution");
  REQUIRE(nutrestore.matched());
  CHECK(nutrestore.brand == "NutreStore");
  CHECK(nutrestore.labelled_for == purpose::short_bowel_syndrome);
  CHECK(nutrestore.label == gln::source::nutrestore_label);
  // A text that names only a brand names glutamine: an order for "Endari" is a glutamine order.
  CHECK(gln::names_glutamine("Endari"));
  CHECK(gln::names_glutamine("NutreStore 5 g"));
  // The first brand named is the one reported.
  CHECK(gln::glutamine_brand_in("NutreStore or Endari").brand == "NutreStore");
  static_assert(gln::glutamine_brand_in("Endari").labelled_for == purpose::sickle_cell_disease);
}

// ---- Properties over many generated inputs ----

namespace {

std::string trimmed(std::string_view text) {
  const std::string_view space = " \t\n\r\f\v";
  const std::size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(space) - first + 1));
}

std::string upper_ascii(std::string text) {
  for (char& ch : text) ch = ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
  return text;
}

std::string lower_ascii(std::string text) {
  for (char& ch : text) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  return text;
}

// A necessary shape of a well-formed code, written as each system's documentation states it
// (the check digits are tested separately, by mutation).
bool has_shape(code_system system, std::string_view raw) {
  const std::string text = system == code_system::ucum ? std::string(raw) : trimmed(raw);
  static const std::regex sctid("[1-9][0-9]{2,14}(00|10)[0-9]");  // a concept's partition
  static const std::regex rxcui("[1-9][0-9]{0,7}");
  static const std::regex atc("[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?");
  static const std::regex loinc("[1-9][0-9]{0,7}-[0-9]|LA[1-9][0-9]{0,5}-[0-9]");
  static const std::regex ndc(
      "[0-9]{4}-[0-9]{4}(-[0-9]{2})?|[0-9]{5}-[0-9]{3}(-[0-9]{2})?|[0-9]{5}-[0-9]{4}(-[0-9]{1,2})?"
      "|[0-9]{11}");
  static const std::regex ucum("[!-~]+");
  switch (system) {
    case code_system::snomed_ct: return std::regex_match(text, sctid);
    case code_system::rxnorm: return std::regex_match(text, rxcui);
    case code_system::atc: return std::regex_match(upper_ascii(text), atc);
    case code_system::loinc: return std::regex_match(upper_ascii(text), loinc);
    case code_system::ndc: return std::regex_match(text, ndc);
    case code_system::ucum: return std::regex_match(text, ucum);
    case code_system::icd10_cm: return true;
  }
  return false;
}

// What every answer must satisfy, whatever the input.
void check_consistent(code_system system, std::string_view text) {
  const gln::code_match match = gln::code_lookup(system, text);
  CHECK(gln::is_valid(match.status));
  CHECK(match.status != lookup_status::system_not_held);
  CHECK_FALSE(match.conditions.has_out_of_range());
  CHECK_FALSE(match.medications.has_out_of_range());
  if (!match.mapped()) {
    CHECK(match.role == code_role::none);
    CHECK(match.conditions.empty());
    CHECK(match.medications.empty());
    CHECK_FALSE(match.glutamine);
    CHECK(match.verified);
    CHECK(match.kilograms_per_unit == 0.0);
  } else {
    CHECK(match.role != code_role::none);
    CHECK((match.role == code_role::weight_unit) == (match.kilograms_per_unit > 0.0));
    if (match.role == code_role::medication) {
      CHECK((match.glutamine || !match.medications.empty()));
      CHECK(match.conditions.empty());
    } else {
      CHECK(match.medications.empty());
      CHECK_FALSE(match.glutamine);
    }
  }
  if (system == code_system::icd10_cm) return;
  // Malformed is the shape rule's answer; a well-formed shape may still fail a check digit.
  if (match.status != lookup_status::malformed) CHECK(has_shape(system, text));
  const bool digit_checked = system == code_system::snomed_ct || system == code_system::loinc;
  if (!digit_checked) CHECK((match.status == lookup_status::malformed) == !has_shape(system, text));
  // White space around a code and the case of ATC and LOINC letters do not change it.
  if (system != code_system::ucum) {
    const std::string padded = " \t" + std::string(text) + "\n";
    CHECK(gln::code_lookup(system, padded).status == match.status);
  }
  if (system == code_system::atc || system == code_system::loinc) {
    const gln::code_match lower = gln::code_lookup(system, lower_ascii(std::string(text)));
    CHECK(lower.status == match.status);
    CHECK(lower.conditions == match.conditions);
    CHECK(lower.medications == match.medications);
  }
}

// The whole-word, any-case reading of a name, by a plain search.
bool names_word(std::string_view text, std::string_view name) {
  const std::string lower = lower_ascii(std::string(text));
  const auto word_char = [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  };
  for (std::size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    const bool starts = at == 0 || !word_char(lower[at - 1]);
    const std::size_t end = at + name.size();
    if (starts && (end == lower.size() || !word_char(lower[end]))) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("code_lookup on generated text: never crashes, answers consistent with the shapes",
          "[codes][property]") {
  std::mt19937_64 random{20261130};
  const std::string alphabet = "0123456789-LAXNabgk []_";
  const auto any_text = [&](std::size_t max_size, bool bytes) {
    std::string text(random() % (max_size + 1), ' ');
    for (char& ch : text) {
      ch = bytes ? static_cast<char>(random() % 256) : alphabet[random() % alphabet.size()];
    }
    return text;
  };
  for (std::size_t i = 0; i < gln::enum_count<code_system>; ++i) {
    const auto system = static_cast<code_system>(i);
    CAPTURE(gln::to_string(system));
    for (int n = 0; n < 3000; ++n) {
      const std::string text = any_text(n % 2 == 0 ? 12 : 24, n % 3 == 0);
      CAPTURE(text);
      check_consistent(system, text);
      // Digit strings are the common case of four systems.
      std::string digits(1 + random() % 19, '0');
      for (char& ch : digits) ch = static_cast<char>('0' + random() % 10);
      CAPTURE(digits);
      check_consistent(system, digits);
    }
  }
}

TEST_CASE("check digits catch every single-digit error and adjacent transposition",
          "[codes][property]") {
  // Verhoeff (SNOMED CT) catches both always; LOINC's mod 10 catches every single-digit error
  // and every transposition but 09/90.
  const auto mutations = [](const std::string& code, bool transpose_09) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (code[i] < '0' || code[i] > '9') continue;
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == code[i] || (i == 0 && digit == '0')) continue;
        std::string changed = code;
        changed[i] = digit;
        out.push_back(changed);
      }
      const bool next_is_digit = i + 1 < code.size() && code[i + 1] >= '0' && code[i + 1] <= '9';
      if (next_is_digit && code[i] != code[i + 1] && !(i == 0 && code[i + 1] == '0')) {
        const bool nine_zero =
            (code[i] == '0' && code[i + 1] == '9') || (code[i] == '9' && code[i + 1] == '0');
        if (transpose_09 || !nine_zero) {
          std::string swapped = code;
          std::swap(swapped[i], swapped[i + 1]);
          out.push_back(swapped);
        }
      }
    }
    return out;
  };
  for (const gln::snomed_entry& entry : gln::data::snomed_codes) {
    for (const std::string& changed : mutations(std::to_string(entry.code), true)) {
      CAPTURE(entry.code, changed);
      CHECK(gln::code_lookup(code_system::snomed_ct, changed).status == lookup_status::malformed);
    }
  }
  const auto& wrong_check = gln::data::loinc_codes_with_wrong_check_digit;
  for (const gln::loinc_entry& entry : gln::data::loinc_codes) {
    for (const std::string& changed : mutations(std::string(entry.code), false)) {
      CAPTURE(entry.code, changed);
      const bool listed_exception =
          std::find(wrong_check.begin(), wrong_check.end(), changed) != wrong_check.end();
      CHECK((gln::code_lookup(code_system::loinc, changed).status == lookup_status::malformed) ==
            !listed_exception);
    }
  }
}

TEST_CASE("display and text readings on generated text agree with a plain word search",
          "[codes][property]") {
  std::mt19937_64 random{20261130};
  std::vector<std::string_view> names;
  for (const gln::rxnorm_name& entry : gln::data::rxnorm_names) names.push_back(entry.name);
  names.push_back("glutamine");
  names.push_back("Endari");
  names.push_back("NutreStore");
  const std::vector<std::string_view> fillers{" ", "-", "/", "[", "]", "x", "L", "MG", "10", ""};
  for (int n = 0; n < 5000; ++n) {
    // A few names and fillers, in random case.
    std::string text;
    for (std::size_t part = random() % 5; part > 0; --part) {
      text += random() % 2 == 0 ? std::string(names[random() % names.size()])
                                : std::string(fillers[random() % fillers.size()]);
    }
    for (char& ch : text) {
      if (random() % 3 == 0) ch = upper_ascii(std::string(1, ch))[0];
    }
    CAPTURE(text);
    const bool brand = names_word(text, "endari") || names_word(text, "nutrestore");
    CHECK(gln::glutamine_brand_in(text).matched() == brand);
    CHECK(gln::names_glutamine(text) == (names_word(text, "glutamine") || brand));
    const gln::ingredient_match found = gln::ingredient_in_display(text);
    bool any = false;
    for (const gln::rxnorm_name& entry : gln::data::rxnorm_names) {
      const bool here = names_word(text, entry.name);
      any = any || here;
      const gln::code_match code =
          gln::code_lookup(code_system::rxnorm, std::to_string(entry.code));
      if (here) CHECK(found.medications.intersects(code.medications));
    }
    CHECK(found.matched() == any);
    if (found.matched()) CHECK(names_word(text, found.ingredient));
  }
}
