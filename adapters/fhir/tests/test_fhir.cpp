// The FHIR adapter on the shared Synthea records and on resources made by hand: what it reads,
// what it leaves unknown, and what it writes. Every DetectedIssue made here is also written to
// GLN_FHIR_ISSUES_DIR for the schema validation test (fhir.schema_validation).
#include <gln/fhir.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "fhir_test_support.hpp"

// A Bundle entry's urn as FHIR writes one (its uuid type), told apart by its last two hex
// digits: ENTRY_URN("01") is "urn:uuid:a0000000-0000-4000-8000-000000000001".
#define ENTRY_URN(last) "urn:uuid:a0000000-0000-4000-8000-0000000000" last

namespace {

using gln::condition;
using gln::medication;
using gln::fhir::section;
using gln::fhir::section_state;
using gln_fhir_test::coding;
using gln_fhir_test::json;

constexpr const char* snomed = "http://snomed.info/sct";
constexpr const char* rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

gln::fhir::read_options on(int year, int month, int day) {
  gln::fhir::read_options o;
  o.screening_date = gln::fhir::date{year, month, day};
  return o;
}

// Reading for Patient/p1 (born 1980-01-01, 46 on the screening date 2026-11-30), from the FHIR
// server `server`.
gln::fhir::read_options for_p1_from(const std::string& server) {
  gln::fhir::read_options o = on(2026, 11, 30);
  o.patient_id = "p1";
  o.fhir_server = server;
  return o;
}
const json p1_patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};

// Writes a DetectedIssue for the schema validation test.
void keep(const nlohmann::ordered_json& issue, const std::string& name) {
  std::ofstream(std::string(GLN_FHIR_ISSUES_DIR) + "/" + name + ".json") << issue.dump(2) << "\n";
}

const gln::fhir::condition_fact* fact_for(const gln::fhir::record& r, condition c) {
  for (const auto& fact : r.conditions) {
    if (fact.condition == c) return &fact;
  }
  return nullptr;
}

}  // namespace

// What each Synthea record says, from its MANIFEST line and knowledge.md §2b (screening date
// 2026-11-30): age, deceased, the conditions gln maps, the weight, and what stays unknown.
TEST_CASE("fhir: the Synthea records, read as of 2026-11-30") {
  struct expected {
    const char* patient;
    double age;
    bool deceased;
    gln::condition_set conditions;
    gln::medication_set medications;
    double weight_kg;  // 0: none
    long weight_age_days;
    bool medications_known;
  };
  const expected table[] = {
      // CKD stage 4 (431857002) and diabetic kidney disorder (127013003) active; ESRD resolved;
      // dialysis in 1990, outside the 90-day window; no weight in the source.
      {"test01",
       99,
       true,
       {condition::severe_kidney_disease, condition::kidney_disease},
       {medication::other_prescription},
       0,
       0,
       true},
      // Septic shock (76571007) and viral sepsis (770349000) active; "Injury of kidney" not mapped;
      // hemodialysis in 2020, outside the window.
      {"test02",
       79,
       true,
       {condition::sepsis, condition::shock},
       {medication::other_prescription},
       85.4,
       2457,
       true},
      // Sepsis resolved in 2020.
      {"test03", 39, false, {}, {medication::other_prescription}, 76.3, 2076, true},
      {"test04", 31, false, {condition::pregnancy}, {}, 72.47499863528267, 3095, true},
      // Colon cancer; oxaliplatin is an RxNorm product, not classed (knowledge.md §2b); the 2021
      // chemoradiation is outside the window.
      {"test05",
       78,
       false,
       {condition::cancer},
       {medication::other_prescription},
       78.39431668559237,
       2118,
       true},
      {"test06",
       68,
       false,
       {condition::cancer},
       {medication::other_prescription},
       67.1,
       2282,
       true},
      // Epilepsy and seizure disorder; diazepam is not one of the antiepileptic ingredients.
      {"test07",
       16,
       false,
       {condition::seizure_disorder},
       {medication::other_prescription},
       38.25569568983688,
       2282,
       true},
      {"test09", 9, false, {}, {}, 15.8, 2050, true},
      // Weighed 2018-07-31T01:48:40+02:00, which is 2018-07-30 in UTC: as old as that day.
      {"test10", 27, false, {}, {}, 50.5, 3045, true},
      // No MedicationRequest in the bundle: medications unknown, not none.
      {"test11", 45, false, {}, {}, 91.9942085944497, 2103, false},
  };
  for (const expected& e : table) {
    const auto path =
        gln_fhir_test::shared_file(std::string("fhir/synthea/") + e.patient + ".json");
    if (!path) return;
    INFO(e.patient);
    const gln::fhir::record r =
        gln::fhir::read_bundle(gln_fhir_test::read_json(*path), on(2026, 11, 30));
    CHECK(r.patient == std::string("Patient/") + e.patient);
    REQUIRE(r.profile.age_years);
    CHECK(*r.profile.age_years == e.age);
    CHECK(r.deceased == e.deceased);
    CHECK(r.profile.conditions == e.conditions);
    CHECK(r.profile.medications == e.medications);
    CHECK(r.profile.conditions_known);
    CHECK(r.profile.medications_known == e.medications_known);
    if (e.weight_kg > 0) {
      REQUIRE(r.weight);
      CHECK(r.weight->kilograms == Approx(e.weight_kg));
      CHECK(r.weight->age_days == e.weight_age_days);
      CHECK(r.profile.weight_age_days == e.weight_age_days);
    } else {
      CHECK_FALSE(r.weight);
    }
    CHECK(r.profile.unmapped_conditions == r.unmapped_conditions.size());
    // Procedures and allergies: the bundles hold no AllergyIntolerance.
    CHECK_FALSE(r.known(section::allergies));
  }
}

TEST_CASE("fhir: provenance names the resource and the coding") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test01.json");
  if (!path) return;
  const gln::fhir::record r =
      gln::fhir::read_bundle(gln_fhir_test::read_json(*path), on(2026, 11, 30));
  const auto* ckd4 = fact_for(r, condition::severe_kidney_disease);
  REQUIRE(ckd4 != nullptr);
  CHECK(ckd4->from.resource.rfind("Condition/", 0) == 0);
  CHECK(ckd4->from.by.system == snomed);
  CHECK(ckd4->from.by.code == "431857002");
  CHECK(ckd4->from.text == "Chronic kidney disease stage 4 (disorder)");
  // "History of renal transplant" and the social findings are active and unmapped: listed.
  const bool transplant_listed = std::any_of(
      r.unmapped_conditions.begin(), r.unmapped_conditions.end(),
      [](const auto& u) { return u.text == "History of renal transplant (situation)"; });
  CHECK(transplant_listed);
  // Every active medication is unmapped, each listed with its words.
  CHECK(r.unmapped_medications.size() == r.active_medications);
  CHECK(r.active_medications == 7);
}

TEST_CASE("fhir: Medication references resolve in the bundle") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test02.json");
  if (!path) return;
  const gln::fhir::record r =
      gln::fhir::read_bundle(gln_fhir_test::read_json(*path), on(2026, 11, 30));
  const bool norepinephrine =
      std::any_of(r.unmapped_medications.begin(), r.unmapped_medications.end(),
                  [](const auto& u) { return u.text == "4 ML Norepinephrine 1 MG/ML Injection"; });
  CHECK(norepinephrine);
  CHECK(std::none_of(r.skipped.begin(), r.skipped.end(), [](const auto& s) {
    return s.why == "its medication is not in the data sent";
  }));
}

// Two Medications under one id: both are read, so the second cannot hide the class of the
// first (or the first of the second), in the record or contained in the order.
TEST_CASE("fhir: a Medication sent twice under one id is read in both copies") {
  const json acetaminophen = {
      {"resourceType", "Medication"},
      {"id", "med9"},
      {"code", {{"coding", json::array({coding(rxnorm, "161", "Acetaminophen")})}}}};
  const json carbamazepine = {
      {"resourceType", "Medication"},
      {"id", "med9"},
      {"code", {{"coding", json::array({coding("http://www.whocc.no/atc", "N03AF01")})}}}};
  json order = gln_fhir_test::medication_request("m", coding(rxnorm, "1"));
  order.erase("medicationCodeableConcept");
  order["medicationReference"] = {{"reference", "Medication/med9"}};
  for (const json& copies : {json::array({acetaminophen, carbamazepine, order}),
                             json::array({carbamazepine, acetaminophen, order})}) {
    const gln::fhir::record r =
        gln::fhir::read_bundle(gln_fhir_test::collection(copies), on(2026, 11, 30));
    CHECK(r.profile.medications.contains(medication::anticonvulsant));
  }
  json contained = order;
  contained["medicationReference"] = {{"reference", "#med9"}};
  contained["contained"] = json::array({acetaminophen, carbamazepine});
  CHECK(
      gln::fhir::read_bundle(gln_fhir_test::collection(json::array({contained})), on(2026, 11, 30))
          .profile.medications.contains(medication::anticonvulsant));
  // A null medicationCodeableConcept beside the reference is absent (it hid the Medication), and
  // a concept sent beside a reference (invalid FHIR) is read with it: either may name the class.
  for (const json& beside : {json(nullptr), json::object(), json{{"text", "Oral tablet"}}}) {
    INFO(beside.dump());
    json both = contained;
    both["medicationCodeableConcept"] = beside;
    CHECK(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({both})), on(2026, 11, 30))
              .profile.medications.contains(medication::anticonvulsant));
  }
}

// Copies of one Medication: identical ones are one (thousands of them beside thousands of
// orders took a minute), and more than reader::max_medication_copies different ones under one
// reference leave the medications incomplete, since the rest are not read.
TEST_CASE("fhir: copies of one Medication, identical or too many") {
  const auto copy = [](const json& code_concept) {
    return json{{"resourceType", "Medication"}, {"id", "med9"}, {"code", code_concept}};
  };
  const json carbamazepine =
      copy({{"coding", json::array({coding("http://www.whocc.no/atc", "N03AF01")})}});
  json order = gln_fhir_test::medication_request("m", coding(rxnorm, "1"));
  order.erase("medicationCodeableConcept");
  order["medicationReference"] = {{"reference", "Medication/med9"}};
  const auto anticonvulsant_orders = [](const gln::fhir::record& r) {
    return std::count_if(r.medications.begin(), r.medications.end(), [](const auto& fact) {
      return fact.medication == medication::anticonvulsant;
    });
  };
  json identical = gln_fhir_test::collection(json::array());
  for (int i = 0; i < 2000; ++i) {
    identical["entry"].push_back({{"resource", carbamazepine}});
    json numbered = order;
    numbered["id"] = "m" + std::to_string(i);
    identical["entry"].push_back({{"resource", numbered}});
  }
  const gln::fhir::record same = gln::fhir::read_bundle(identical, on(2026, 11, 30));
  CHECK(anticonvulsant_orders(same) == 2000);
  CHECK(same.status(section::medications).state != gln::fhir::section_state::incomplete);

  const std::size_t most = gln::fhir::reader::max_medication_copies;
  for (const std::size_t copies : {most, most + 1}) {
    INFO(copies);
    json bundle = gln_fhir_test::collection(json::array({order}));
    // Different texts, and the class in the last copy only.
    for (std::size_t i = 1; i < copies; ++i) {
      bundle["entry"].push_back(
          {{"resource", copy({{"text", "acetaminophen, copy " + std::to_string(i)}})}});
    }
    bundle["entry"].push_back({{"resource", carbamazepine}});
    const gln::fhir::record r = gln::fhir::read_bundle(bundle, on(2026, 11, 30));
    const gln::fhir::section_status& status = r.status(section::medications);
    if (copies == most) {
      CHECK(anticonvulsant_orders(r) == 1);
      CHECK(status.state != gln::fhir::section_state::incomplete);
    } else {
      CHECK(status.state == gln::fhir::section_state::incomplete);
      CHECK(status.why == "Medication/med9: more than " + std::to_string(most) +
                              " different copies under one reference; the rest were not read");
    }
  }
}

// A reference names a Medication by its type/id, by its entry's fullUrl, or as an absolute URL
// ending in its type/id; nothing else. Thousands of orders naming one Medication are each read
// (they are looked up, not searched for: such a record once took minutes).
TEST_CASE("fhir: a medicationReference by type/id, fullUrl or absolute URL, for every order") {
  const json carbamazepine = {
      {"resourceType", "Medication"},
      {"id", "med9"},
      {"code", {{"coding", json::array({coding("http://www.whocc.no/atc", "N03AF01")})}}}};
  json bundle = gln_fhir_test::collection(json::array({carbamazepine}));
  bundle["entry"][0]["fullUrl"] = "urn:uuid:2b0e7c4e-6a41-4c8e-9d1f-0c5c1f3a9e77";
  const std::vector<std::string> names = {
      "Medication/med9", "urn:uuid:2b0e7c4e-6a41-4c8e-9d1f-0c5c1f3a9e77",
      "https://ehr.example/fhir/Medication/med9", "x/Medication/med9"};
  const std::size_t orders = 3000;
  for (std::size_t i = 0; i < orders; ++i) {
    json order = gln_fhir_test::medication_request("m" + std::to_string(i), coding(rxnorm, "1"));
    order.erase("medicationCodeableConcept");
    order["medicationReference"] = {{"reference", names[i % names.size()]}};
    bundle["entry"].push_back({{"resource", order}});
  }
  const gln::fhir::record r = gln::fhir::read_bundle(bundle, on(2026, 11, 30));
  CHECK(std::count_if(r.medications.begin(), r.medications.end(), [](const auto& fact) {
          return fact.medication == medication::anticonvulsant;
        }) == static_cast<std::ptrdiff_t>(orders));
  // Lookalikes name no Medication sent: the orders are of no known class.
  for (const char* other : {"Medication/med", "Medication/med99", "/Medication/med9",
                            "XMedication/med9", "Medication/med9/", "med9", "#med9"}) {
    INFO(other);
    json alone = gln_fhir_test::collection(json::array({carbamazepine}));
    json order = gln_fhir_test::medication_request("m", coding(rxnorm, "1"));
    order.erase("medicationCodeableConcept");
    order["medicationReference"] = {{"reference", other}};
    alone["entry"].push_back({{"resource", order}});
    CHECK_FALSE(gln::fhir::read_bundle(alone, on(2026, 11, 30))
                    .profile.medications.contains(medication::anticonvulsant));
  }
}

TEST_CASE("fhir: procedure windows count back from the screening date") {
  const auto path02 = gln_fhir_test::shared_file("fhir/synthea/test02.json");
  const auto path05 = gln_fhir_test::shared_file("fhir/synthea/test05.json");
  if (!path02 || !path05) return;
  // Hemodialysis on 2020-03-06..09: within 90 days of 2020-03-20, not of 2026-11-30.
  const gln::fhir::record then =
      gln::fhir::read_bundle(gln_fhir_test::read_json(*path02), on(2020, 3, 20));
  const auto* dialysis = fact_for(then, condition::severe_kidney_disease);
  REQUIRE(dialysis != nullptr);
  CHECK(dialysis->from.resource.rfind("Procedure/", 0) == 0);
  CHECK(dialysis->from.by.code == "302497006");
  // Combined chemotherapy and radiation on 2021-03-18: cancer_treatment 14 days later.
  const gln::fhir::record chemo =
      gln::fhir::read_bundle(gln_fhir_test::read_json(*path05), on(2021, 4, 1));
  CHECK(chemo.profile.conditions.contains(condition::cancer_treatment));
  const gln::fhir::record later =
      gln::fhir::read_bundle(gln_fhir_test::read_json(*path05), on(2021, 6, 17));
  CHECK_FALSE(later.profile.conditions.contains(condition::cancer_treatment));  // 91 days
  // A stricter policy (a longer window) keeps it.
  auto strict = on(2021, 6, 17);
  strict.policy.recent_procedure_days = 120;
  CHECK(gln::fhir::read_bundle(gln_fhir_test::read_json(*path05), strict)
            .profile.conditions.contains(condition::cancer_treatment));
}

TEST_CASE("fhir: weights: the latest usable one, pounds converted, other units skipped") {
  // The shared order-select for test04 carries its weights in [lb_av].
  if (const auto path =
          gln_fhir_test::shared_file("cds-hooks/order-select_test04_ndc_weight-lb.json")) {
    const json request = gln_fhir_test::read_json(*path);
    const gln::fhir::record r = gln::fhir::read_prefetch(request["prefetch"], on(2026, 11, 30));
    REQUIRE(r.weight);
    CHECK(r.weight->unit == "[lb_av]");
    CHECK(r.weight->value == 159.8);
    CHECK(r.weight->kilograms == Approx(159.8 * 0.45359237));
    CHECK(to_string(r.weight->measured) == "2018-06-10");
  }
  const json bundle = gln_fhir_test::collection(json::array({
      gln_fhir_test::weight("old", 70.0, "kg", "2026-01-10"),
      gln_fhir_test::weight("stone", 11.0, "[stone_av]", "2026-11-01"),
      gln_fhir_test::weight("grams", 71500.0, "g", "2026-10-01"),
      gln_fhir_test::weight("prelim", 90.0, "kg", "2026-11-20", "preliminary"),
      gln_fhir_test::weight("future", 90.0, "kg", "2026-12-20"),
  }));
  const gln::fhir::record r = gln::fhir::read_bundle(bundle, on(2026, 11, 30));
  REQUIRE(r.weight);
  CHECK(r.weight->resource == "Observation/grams");
  CHECK(r.weight->kilograms == Approx(71.5));
  CHECK(r.weight->age_days == 60);
  std::set<std::string> skipped;
  for (const auto& s : r.skipped) skipped.insert(s.resource + ": " + s.why);
  CHECK(skipped ==
        std::set<std::string>{"Observation/stone: weight unit '[stone_av]' is not kg, g or [lb_av]",
                              "Observation/prelim: status preliminary",
                              "Observation/future: dated after the screening date"});
  // Weights not used that may be newer than the one used: the weight in force is not known (the
  // per-kg checks took the older weight as current, and the card named nothing as unchecked).
  CHECK(r.status(section::weight).state == section_state::incomplete);
  CHECK(r.status(section::weight).why ==
        "Observation/stone: weight unit '[stone_av]' is not kg, g or [lb_av], and it may be newer "
        "than the weight used");
  json undated = gln_fhir_test::weight("undated", 20.0, "kg", "2026-11-25");
  undated.erase("effectiveDateTime");
  json withdrawn = gln_fhir_test::weight("withdrawn", 20.0, "kg", "2026-11-25");
  withdrawn["status"] = "entered-in-error";
  const json used = gln_fhir_test::weight("used", 40.0, "kg", "2026-11-01");
  for (const auto& [other, known] : std::vector<std::pair<json, bool>>{
           {undated, false},
           {withdrawn, true},
           {gln_fhir_test::weight("older", 20.0, "kg", "2026-10-01", "preliminary"), true},
           {gln_fhir_test::weight("later", 20.0, "kg", "2026-11-25", "preliminary"), false}}) {
    INFO(other.dump());
    const gln::fhir::record two = gln::fhir::read_prefetch(
        {{"weight", gln_fhir_test::searchset(json::array({used, other}))}}, on(2026, 11, 30));
    REQUIRE(two.weight);
    CHECK(two.weight->resource == "Observation/used");
    CHECK((two.status(section::weight).state == section_state::read) == known);
  }

  // A unit text that names another weight unit than the UCUM code: which one was meant is not
  // known (26.5 lb is 12 kg), so neither is read; a unit text that agrees, or names none, is.
  auto weight_with = [](const std::string& unit_text, const std::string& code) {
    json w = gln_fhir_test::weight("w", 26.5, code, "2026-11-01");
    w["valueQuantity"]["unit"] = unit_text;
    return gln::fhir::read_bundle(gln_fhir_test::collection(json::array({w})), on(2026, 11, 30));
  };
  for (const auto& [text, code] :
       std::vector<std::pair<std::string, std::string>>{{"lb", "kg"},
                                                        {"kg", "[lb_av]"},
                                                        {"pounds", "kg"},
                                                        {"Kilograms", "g"},
                                                        {"g", "kg"},
                                                        {"lb.", "kg"},
                                                        {" lb", "kg"},
                                                        {"lb_av", "kg"},
                                                        {"#", "kg"},
                                                        {"lbs (pounds)", "kg"},
                                                        {"pound (avoirdupois)", "kg"},
                                                        {"st", "kg"},
                                                        {"oz", "kg"}}) {
    INFO(text << " / " << code);
    const gln::fhir::record clash = weight_with(text, code);
    CHECK_FALSE(clash.weight);
    REQUIRE(clash.skipped.size() == 1);
    CHECK(clash.skipped[0].why ==
          "weight unit '" + text + "' and UCUM code '" + code + "' disagree");
  }
  for (const auto& [text, code] :
       std::vector<std::pair<std::string, std::string>>{{"kilograms", "kg"},
                                                        {"lbs", "[lb_av]"},
                                                        {"body weight", "kg"},
                                                        {"", "kg"},
                                                        {"kg (kilograms)", "kg"},
                                                        {"KG.", "kg"}}) {
    INFO(text << " / " << code);
    CHECK(weight_with(text, code).weight);
  }
}

// What a weight is when the record is unsure of it: two of the same day that differ, a bound
// ("<40 kg") rather than a value, a date of a month.
TEST_CASE("fhir: weights: the lower of one day's two, no bound read as a value, a month's first") {
  const json high = gln_fhir_test::weight("high", 40.0, "kg", "2026-11-01");
  const json low = gln_fhir_test::weight("low", 10.0, "kg", "2026-11-01");
  for (const json& both : {json::array({high, low}), json::array({low, high})}) {
    const gln::fhir::record r =
        gln::fhir::read_bundle(gln_fhir_test::collection(both), on(2026, 11, 30));
    REQUIRE(r.weight);
    CHECK(r.weight->resource == "Observation/low");
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].resource == "Observation/high");
    CHECK(r.skipped[0].why == "another weight of the same day is lower, and the lower is used");
  }
  json bound = gln_fhir_test::weight("bound", 40.0, "kg", "2026-11-20");
  bound["valueQuantity"]["comparator"] = "<";
  const gln::fhir::record bounded = gln::fhir::read_bundle(
      gln_fhir_test::collection(
          json::array({bound, gln_fhir_test::weight("older", 30.0, "kg", "2026-06-01")})),
      on(2026, 11, 30));
  REQUIRE(bounded.weight);
  CHECK(bounded.weight->resource == "Observation/older");
  REQUIRE(bounded.skipped.size() == 1);
  CHECK(bounded.skipped[0].why == "a weight given as '<' a value is not a measured weight");
  // Any comparator, even one FHIR does not define, makes it no measured weight.
  for (const json& odd : {json(""), json(7)}) {
    json oddly = bound;
    oddly["valueQuantity"]["comparator"] = odd;
    CHECK_FALSE(
        gln::fhir::read_bundle(gln_fhir_test::collection(json::array({oddly})), on(2026, 11, 30))
            .weight);
  }

  const gln::fhir::record month = gln::fhir::read_bundle(
      gln_fhir_test::collection(json::array({gln_fhir_test::weight("m", 30.0, "kg", "2026-10")})),
      on(2026, 11, 30));
  REQUIRE(month.weight);
  CHECK(to_string(month.weight->measured) == "2026-10-01");
  CHECK(month.weight->age_days == 60);
}

TEST_CASE("fhir: birthDate: a partial date gives the youngest age") {
  auto age_for = [](const std::string& born) {
    const json patient = {{"resourceType", "Patient"}, {"id", "p"}, {"birthDate", born}};
    return gln::fhir::read_bundle(gln_fhir_test::collection(json::array({patient})),
                                  on(2026, 11, 30))
        .profile.age_years;
  };
  CHECK(*age_for("2008-11-30") == 18);
  CHECK(*age_for("2008-12-01") == 17);
  CHECK(*age_for("2008") == 17);     // may be 2008-12-31
  CHECK(*age_for("2008-11") == 18);  // at the latest 2008-11-30
  CHECK(*age_for("2008-12") == 17);
  CHECK_FALSE(age_for("30/11/2008"));
  CHECK(*age_for("2026-11-30") == 0);
}

TEST_CASE("fhir: which conditions count as active") {
  // Each says it is over in one way only: a clinicalStatus of active beside it would contradict
  // it (see the next test).
  json refuted = gln_fhir_test::condition("refuted", coding(snomed, "19943007"), "");
  refuted["verificationStatus"] =
      gln_fhir_test::status("refuted", gln_fhir_test::condition_verification);
  json error = gln_fhir_test::condition("error", coding(snomed, "59927004"), "");
  error["verificationStatus"] =
      gln_fhir_test::status("entered-in-error", gln_fhir_test::condition_verification);
  json abated = gln_fhir_test::condition("abated", coding(snomed, "13920009"), "");
  abated["abatementDateTime"] = "2026-01-01";
  json abating = gln_fhir_test::condition("abating", coding(snomed, "91302008"));
  abating["abatementDateTime"] = "2027-01-01";
  // "Inactive", yet abating only next year: the two disagree, so it counts (it was ruled out).
  json inactive_until_later =
      gln_fhir_test::condition("later", coding(snomed, "19943007"), "inactive");
  inactive_until_later["abatementDateTime"] = "2027-06-01";
  const json bundle = gln_fhir_test::collection(json::array({
      refuted,
      error,
      abated,
      abating,
      inactive_until_later,
      gln_fhir_test::condition("resolved", coding(snomed, "74351001"), "resolved"),
      gln_fhir_test::condition("relapse", coding(snomed, "84757009"), "relapse"),
      gln_fhir_test::condition("recurrence", coding(snomed, "13746004"), "recurrence"),
      gln_fhir_test::condition("unstated", coding(snomed, "27942005"), ""),
  }));
  const gln::fhir::record r = gln::fhir::read_bundle(bundle, on(2026, 11, 30));
  CHECK(r.profile.conditions == gln::condition_set{condition::sepsis, condition::seizure_disorder,
                                                   condition::bipolar_disorder, condition::shock,
                                                   condition::cirrhosis});
}

// An abatement given as an age (abatementAge, abatementRange) is placed by the birth date; one
// after the screening date, or one that cannot be placed, leaves a resolved condition active.
TEST_CASE("fhir: an abatement age is a day by the birth date, else it may be later") {
  const json born = {{"resourceType", "Patient"}, {"id", "p"}, {"birthDate", "1999-05-10"}};
  const auto age = [](double value, const char* code) {
    return json{
        {"value", value}, {"unit", code}, {"system", "http://unitsofmeasure.org"}, {"code", code}};
  };
  // Whether a resolved cirrhosis with this abatement counts on 2026-11-30 (age 27).
  const auto counts = [&](const char* key, const json& abatement, const json& patients) {
    json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"), "resolved");
    cirrhosis[key] = abatement;
    json resources = patients;
    resources.push_back(cirrhosis);
    return gln::fhir::read_bundle(gln_fhir_test::collection(resources), on(2026, 11, 30))
        .profile.conditions.contains(condition::cirrhosis);
  };
  const json one = json::array({born});
  CHECK(counts("abatementAge", age(90, "a"), one));
  CHECK(counts("abatementAge", age(27, "a"), one));  // until 2027-05-09: maybe later
  CHECK_FALSE(counts("abatementAge", age(26, "a"), one));
  CHECK_FALSE(counts("abatementAge", age(10, "a"), one));
  CHECK_FALSE(counts("abatementAge", age(300, "mo"), one));  // 25 years
  CHECK(counts("abatementAge", age(330, "mo"), one));        // 27 and a half
  CHECK_FALSE(counts("abatementAge", age(52, "wk"), one));
  // 2026-11-30 is day 10066 of life: an age of 10064 days was over by the end of 2026-11-30,
  // one of 10066 days may run into 2026-12-01.
  CHECK_FALSE(counts("abatementAge", age(10064, "d"), one));
  CHECK(counts("abatementAge", age(10066, "d"), one));
  CHECK_FALSE(counts("abatementRange", json{{"low", age(5, "a")}, {"high", age(10, "a")}}, one));
  CHECK(counts("abatementRange", json{{"low", age(80, "a")}, {"high", age(90, "a")}}, one));
  // What cannot be placed: no high end, no unit, another unit or system, a comparator, a text,
  // no birth date, two copies of the patient that disagree on it.
  CHECK(counts("abatementRange", json{{"low", age(5, "a")}}, one));
  json no_code = age(10, "a");
  no_code.erase("code");
  CHECK(counts("abatementAge", no_code, one));
  CHECK(counts("abatementAge", age(10, "kg"), one));
  json other_system = age(10, "a");
  other_system["system"] = "http://example.org/units";
  CHECK(counts("abatementAge", other_system, one));
  json below = age(10, "a");
  below["comparator"] = ">";
  CHECK(counts("abatementAge", below, one));
  CHECK(counts("abatementAge", json{{"value", "10"}, {"code", "a"}}, one));
  CHECK(counts("abatementAge", age(10, "a"), json::array()));
  json older = born;
  older["birthDate"] = "1950-01-01";
  CHECK(counts("abatementAge", age(10, "a"), json::array({born, older})));
  // A null is no abatement: resolved, ruled out.
  CHECK_FALSE(counts("abatementAge", json(nullptr), one));
  // A unit text that names another unit than the code: which one is meant is not known.
  json disagreeing = age(56, "mo");
  disagreeing["unit"] = "a";
  CHECK(counts("abatementAge", disagreeing, one));
  disagreeing["unit"] = "years";
  CHECK(counts("abatementAge", disagreeing, one));
  json agreeing = age(10, "a");
  for (const char* unit : {"years", "Year", "yr", "a"}) {
    agreeing["unit"] = unit;
    CHECK_FALSE(counts("abatementAge", agreeing, one));
  }
  // A range whose low end is above its high end says two things, however little above.
  CHECK(counts("abatementRange", json{{"low", age(60, "a")}, {"high", age(10, "a")}}, one));
  CHECK(counts("abatementRange", json{{"low", age(10.9, "a")}, {"high", age(10, "a")}}, one));
  CHECK(counts("abatementRange", json{{"low", age(5, "wk")}, {"high", age(1, "mo")}}, one));
  CHECK_FALSE(counts("abatementRange", json{{"low", age(10, "a")}, {"high", age(10, "a")}}, one));
}

// An abatementDateTime or abatementPeriod that gives no day it can read (not a FHIR date, a
// period with no end) may be after the screening date: a resolved condition counts.
TEST_CASE("fhir: an abatement date it cannot read leaves a resolved condition active") {
  const auto counts = [&](const char* key, const json& abatement) {
    json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"), "resolved");
    cirrhosis[key] = abatement;
    return gln::fhir::read_bundle(gln_fhir_test::collection(json::array({cirrhosis})),
                                  on(2026, 11, 30))
        .profile.conditions.contains(condition::cirrhosis);
  };
  // A time that is not one, or one without its zone (FHIR requires it with a time).
  for (const char* text :
       {"garbage", "2026-02-30", "20261130", "2026-11-30 ", "", "0000-01-01", "2020-01-01Tgarbage",
        "2020-01-01T", "2020-01-01T20:00:00", "2020-01-01T20:00-12:00", "2020-01-01T20:00:00-1200",
        "2020-01-01T20:00:00-15:00", "2020-01-01T25:00:00Z", "2020-01-01T10:61:00Z",
        "2020-01-01T10:00:00.Z"}) {
    INFO(text);
    CHECK(counts("abatementDateTime", text));
    CHECK(counts("abatementPeriod", json{{"end", text}}));
  }
  CHECK(counts("abatementDateTime", 20261130));
  CHECK(counts("abatementPeriod", json{{"start", "2020-01-01"}}));
  CHECK(counts("abatementPeriod", json::object()));
  CHECK(counts("abatementPeriod", "2020-01-01"));
  // Read: on or before the screening date rules out; null is no abatement.
  CHECK_FALSE(counts("abatementDateTime", "2026-11-30"));
  CHECK_FALSE(counts("abatementDateTime", "2026-11"));
  CHECK_FALSE(counts("abatementDateTime", "2026-11-29T20:00:00.123+14:00"));
  CHECK_FALSE(counts("abatementPeriod", json{{"end", "2020-01-01T10:00:00Z"}}));
  CHECK_FALSE(counts("abatementPeriod", json{{"start", "2020-01-01"}, {"end", "2021-01-01"}}));
  CHECK_FALSE(counts("abatementDateTime", json(nullptr)));
  CHECK_FALSE(counts("abatementPeriod", json(nullptr)));
}

// Only a status FHIR defines, in FHIR's own code system, rules a resource out; one it does not
// define ("Active", a plain string, an empty coding list, "resolved" in another system) is
// unknown, and so is one that contradicts itself: unknown is not none, so the resource counts.
TEST_CASE("fhir: a status FHIR does not define counts as active") {
  using gln_fhir_test::status;
  // Each clinicalStatus in the clinical system of its resource: a Condition's, an allergy's.
  const std::pair<std::function<json(const std::string&)>, bool> clinical[] = {
      {[](const std::string& in) { return status("Active", in); }, true},
      {[](const std::string& in) { return status("foo", in); }, true},
      {[](const std::string&) { return json("active"); }, true},
      {[](const std::string&) { return json("resolved"); }, true},
      {[](const std::string&) {
         return json{{"coding", json::array()}};
       },
       true},
      {[](const std::string&) { return status("resolved", "http://example.org/other"); }, true},
      {[](const std::string&) { return status("resolved", ""); }, true},
      {[](const std::string& in) {
         json both = status("resolved", in);
         both["coding"].push_back({{"code", "active"}});
         return both;
       },
       true},
      {[](const std::string& in) { return status("inactive", in); }, false},
      {[](const std::string& in) { return status("resolved", in); }, false},
  };
  for (const auto& [make, counts] : clinical) {
    INFO(make(gln_fhir_test::condition_clinical).dump());
    json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"), "");
    cirrhosis["clinicalStatus"] = make(gln_fhir_test::condition_clinical);
    const gln::fhir::record r = gln::fhir::read_bundle(
        gln_fhir_test::collection(json::array({cirrhosis})), on(2026, 11, 30));
    CHECK(r.profile.conditions.contains(condition::cirrhosis) == counts);
    CHECK(r.active_conditions == (counts ? 1U : 0U));
    json msg = {{"resourceType", "AllergyIntolerance"},
                {"id", "msg"},
                {"clinicalStatus", make(gln_fhir_test::allergy_clinical)},
                {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};
    CHECK(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({msg})), on(2026, 11, 30))
              .profile.conditions.contains(condition::msg_sensitivity) == counts);
  }
  json remission = gln_fhir_test::condition("c", coding(snomed, "19943007"), "remission");
  CHECK_FALSE(
      gln::fhir::read_bundle(gln_fhir_test::collection(json::array({remission})), on(2026, 11, 30))
          .profile.conditions.contains(condition::cirrhosis));
  // An allergy has no "remission" in FHIR's own system: saying so says nothing known.
  // An MSG allergy with `status` as its `key`, and whether it is read as this patient's.
  const auto msg_read = [&](const char* key, const json& given) {
    const json allergy = {{"resourceType", "AllergyIntolerance"},
                          {"id", "msg"},
                          {key, given},
                          {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};
    return gln::fhir::read_bundle(gln_fhir_test::collection(json::array({allergy})),
                                  on(2026, 11, 30))
        .profile.conditions.contains(condition::msg_sensitivity);
  };
  CHECK(msg_read("clinicalStatus", status("remission", gln_fhir_test::allergy_clinical)));

  // verificationStatus: refuted or entered-in-error in FHIR's system, and nothing that says
  // otherwise.
  const std::pair<json, bool> verification[] = {
      {status("refuted", gln_fhir_test::condition_verification), false},
      {status("entered-in-error", gln_fhir_test::condition_verification), false},
      {status("refuted", ""), true},
      {status("entered-in-error", "http://example.org/other"), true},
      {json{{"coding",
             json::array(
                 {{{"system", gln_fhir_test::condition_verification}, {"code", "refuted"}},
                  {{"system", gln_fhir_test::condition_verification}, {"code", "confirmed"}}})}},
       true},
  };
  for (const auto& [given, counts] : verification) {
    INFO(given.dump());
    json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"), "");
    cirrhosis["verificationStatus"] = given;
    CHECK(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({cirrhosis})),
                                 on(2026, 11, 30))
              .profile.conditions.contains(condition::cirrhosis) == counts);
  }
  // A status that contradicts the rest of the resource: active, whatever else it says.
  json refuted_active = gln_fhir_test::condition("c", coding(snomed, "19943007"), "Active");
  refuted_active["verificationStatus"] = status("refuted", gln_fhir_test::condition_verification);
  json abated_active = gln_fhir_test::condition("c", coding(snomed, "19943007"), "active");
  abated_active["abatementDateTime"] = "2020-01-01";
  json text_active = gln_fhir_test::condition("c", coding(snomed, "19943007"), "resolved");
  text_active["clinicalStatus"]["text"] = "Active";
  json snomed_active = gln_fhir_test::condition("c", coding(snomed, "19943007"), "resolved");
  snomed_active["clinicalStatus"]["coding"].push_back(coding(snomed, "55561003", "Active"));
  for (const json& contradicted : {refuted_active, abated_active, text_active, snomed_active}) {
    INFO(contradicted.dump());
    CHECK(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({contradicted})),
                                 on(2026, 11, 30))
              .profile.conditions.contains(condition::cirrhosis));
  }
  CHECK_FALSE(
      msg_read("verificationStatus", status("refuted", gln_fhir_test::allergy_verification)));

  const std::pair<const char*, bool> medication_statuses[] = {
      {"active", true},     {"on-hold", true},    {"unknown", true},  {"draft", true},
      {"intended", true},   {"Active", true},     {"foo", true},      {"", true},
      {"completed", false}, {"cancelled", false}, {"stopped", false}, {"entered-in-error", false},
      {"not-taken", false}};
  for (const auto& [status, counts] : medication_statuses) {
    INFO("status '" << status << "'");
    json order = gln_fhir_test::medication_request(
        "m", coding("http://www.whocc.no/atc", "N03AX14"), status);
    if (std::string_view(status).empty()) order.erase("status");
    const gln::fhir::record r =
        gln::fhir::read_bundle(gln_fhir_test::collection(json::array({order})), on(2026, 11, 30));
    CHECK(r.profile.medications.contains(medication::anticonvulsant) == counts);
    CHECK(r.active_medications == (counts ? 1U : 0U));
  }
}

TEST_CASE("fhir: code systems: ICD-10-CM through its table, WHO ICD-10 not held") {
  const json bundle = gln_fhir_test::collection(json::array({
      gln_fhir_test::condition("cm", coding("http://hl7.org/fhir/sid/icd-10-cm", "K74.60")),
      gln_fhir_test::condition("who", coding("http://hl7.org/fhir/sid/icd-10", "R65.1")),
      gln_fhir_test::condition("bad", coding(snomed, "12345")),
      gln_fhir_test::condition("trait", coding(snomed, "16402000")),
  }));
  const gln::fhir::record r = gln::fhir::read_bundle(bundle, on(2026, 11, 30));
  CHECK(r.profile.conditions == gln::condition_set{condition::cirrhosis});
  REQUIRE(r.unmapped_conditions.size() == 3);
  CHECK(r.unmapped_conditions[0].codings.front().status == gln::lookup_status::system_not_held);
  CHECK(r.unmapped_conditions[1].codings.front().status == gln::lookup_status::malformed);
  CHECK(r.unmapped_conditions[2].codings.front().status == gln::lookup_status::unmapped);
  CHECK(r.profile.unmapped_conditions == 3);
  // The card reports the WHO code as not held, the bad SNOMED CT code as malformed, and lists
  // the sickle cell trait (no entry: knowledge.md §2b maps it to nothing) for review.
  gln::fhir::record supervised = r;
  supervised.profile.oversight = gln::oversight::clinician_supervised;
  const gln::assessment a = gln::assess(supervised.profile, gln::purpose::general_recovery);
  CHECK(a.findings.contains(gln::rule::input_conditions_unmapped));
  const std::string detail = gln::fhir::cds_cards(a, supervised, nullptr)[0]["detail"];
  CHECK(detail.find("Condition/who (http://hl7.org/fhir/sid/icd-10 R65.1: a code system gln does "
                    "not hold)") != std::string::npos);
  CHECK(detail.find("Condition/bad (http://snomed.info/sct 12345: not a well-formed code of its "
                    "system)") != std::string::npos);
  CHECK(detail.find("Condition/trait.") != std::string::npos);
}

TEST_CASE("fhir: medication classes, glutamine already taken, the checked order") {
  json statement =
      gln_fhir_test::medication_request("statement", coding("http://www.whocc.no/atc", "A06AD11"));
  statement["resourceType"] = "MedicationStatement";
  const json bundle = gln_fhir_test::collection(json::array({
      gln_fhir_test::medication_request("atc", coding("http://www.whocc.no/atc", "N03AX14")),
      gln_fhir_test::medication_request(
          "display", coding(rxnorm, "311289", "levETIRAcetam 500 MG Oral Tablet")),
      gln_fhir_test::medication_request("stopped", coding("http://www.whocc.no/atc", "L01XX05"),
                                        "stopped"),
      gln_fhir_test::medication_request("endari",
                                        coding("http://hl7.org/fhir/sid/ndc", "42457-0420-01")),
      gln_fhir_test::medication_request("text", coding(rxnorm, "999999"), "active",
                                        "L-Glutamine 500 mg capsule"),
      statement,
  }));
  const gln::fhir::record r = gln::fhir::read_bundle(bundle, on(2026, 11, 30));
  CHECK(r.profile.medications == gln::medication_set{medication::anticonvulsant,
                                                     medication::lactulose,
                                                     medication::supplement_stack});
  CHECK(r.glutamine.size() == 2);
  const auto by_display = std::find_if(
      r.medications.begin(), r.medications.end(),
      [](const auto& m) { return m.from.how == gln::fhir::matched_by::rxnorm_display; });
  REQUIRE(by_display != r.medications.end());
  CHECK(by_display->from.resource == "MedicationRequest/display");
  // Checking the Endari order itself: the other glutamine product is still a stack.
  gln::fhir::reader reader(on(2026, 11, 30));
  reader.add_bundle(bundle);
  const gln::fhir::record checked = reader.read("MedicationRequest/endari");
  CHECK(checked.profile.medications.contains(medication::supplement_stack));
  const bool endari_is_stack =
      std::any_of(checked.medications.begin(), checked.medications.end(), [](const auto& m) {
        return m.medication == medication::supplement_stack &&
               m.from.resource == "MedicationRequest/endari";
      });
  CHECK_FALSE(endari_is_stack);
}

TEST_CASE("fhir: the deployer's look-up adds, never replaces") {
  gln::fhir::read_options options = on(2026, 11, 30);
  std::vector<std::string> asked;
  options.lookup = [&](std::string_view system, std::string_view code) {
    asked.push_back(std::string(system) + "|" + std::string(code));
    gln::code_match m{};
    if (code == "local-ckd5") {
      m.status = gln::lookup_status::mapped;
      m.role = gln::code_role::condition;
      m.conditions = {condition::severe_kidney_disease};
    }
    return m;
  };
  const json bundle = gln_fhir_test::collection(json::array({
      gln_fhir_test::condition("local", coding("http://example.org/codes", "local-ckd5")),
      gln_fhir_test::condition("known", coding(snomed, "19943007")),
  }));
  const gln::fhir::record r = gln::fhir::read_bundle(bundle, options);
  CHECK(r.profile.conditions ==
        gln::condition_set{condition::severe_kidney_disease, condition::cirrhosis});
  CHECK(asked == std::vector<std::string>{
                     "http://example.org/codes|local-ckd5"});  // not asked for a mapped code
  REQUIRE(fact_for(r, condition::severe_kidney_disease) != nullptr);
  CHECK(fact_for(r, condition::severe_kidney_disease)->from.how ==
        gln::fhir::matched_by::lookup_hook);
  CHECK(r.unmapped_conditions.empty());
}

TEST_CASE(
    "fhir: a prefetch: absent is unknown, null and an empty search are none, a partial one is "
    "not") {
  const json empty = gln_fhir_test::searchset(json::array());
  CHECK_FALSE(gln::fhir::read_prefetch(json::object(), on(2026, 11, 30)).profile.conditions_known);
  CHECK(
      gln::fhir::read_prefetch({{"conditions", nullptr}, {"medications", empty}}, on(2026, 11, 30))
          .profile.conditions_known);
  const gln::fhir::record none =
      gln::fhir::read_prefetch({{"conditions", empty}, {"medications", empty}}, on(2026, 11, 30));
  CHECK(none.profile.conditions_known);
  CHECK(none.profile.medications_known);

  json paged = gln_fhir_test::searchset(
      json::array({gln_fhir_test::condition("c", coding(snomed, "19943007"))}));
  paged["link"] = json::array({{{"relation", "next"}, {"url", "https://example.org/fhir?page=2"}}});
  const gln::fhir::record partial =
      gln::fhir::read_prefetch({{"conditions", paged}}, on(2026, 11, 30));
  CHECK_FALSE(partial.profile.conditions_known);
  CHECK(partial.profile.conditions.contains(condition::cirrhosis));  // what was there still counts
  CHECK(partial.status(section::conditions).why == "the search result has more pages");
  // Link relations are case-insensitive (RFC 8288): "Next" is a next page too.
  paged["link"][0]["relation"] = "Next";
  CHECK_FALSE(
      gln::fhir::read_prefetch({{"conditions", paged}}, on(2026, 11, 30)).profile.conditions_known);
  // A next page with no URL, or one that is no text, is still a page not read.
  for (const json& url : {json(nullptr), json(""), json(5)}) {
    INFO(url.dump());
    json no_url = paged;
    no_url["link"][0]["url"] = url;
    if (url.is_null()) no_url["link"][0].erase("url");
    const gln::fhir::record unread =
        gln::fhir::read_prefetch({{"conditions", no_url}}, on(2026, 11, 30));
    CHECK_FALSE(unread.profile.conditions_known);
    CHECK(unread.status(section::conditions).why == "the search result has more pages");
  }

  json outcome = gln_fhir_test::searchset(json::array());
  outcome["entry"].push_back({{"resource",
                               {{"resourceType", "OperationOutcome"},
                                {"issue", json::array({{{"severity", "error"},
                                                        {"code", "timeout"},
                                                        {"diagnostics", "query timed out"}}})}}},
                              {"search", {{"mode", "outcome"}}}});
  const gln::fhir::record failed =
      gln::fhir::read_prefetch({{"medications", outcome}}, on(2026, 11, 30));
  CHECK_FALSE(failed.profile.medications_known);
  CHECK(failed.status(section::medications).why == "the sender reported: query timed out");
  // A warning that the search was cut short ("too-costly") leaves it incomplete too; one that
  // does not (an informational note) does not.
  json cut_short = outcome;
  cut_short["entry"][0]["resource"]["issue"] = json::array(
      {{{"severity", "warning"}, {"code", "too-costly"}, {"diagnostics", "results truncated"}}});
  const gln::fhir::record truncated =
      gln::fhir::read_prefetch({{"medications", cut_short}}, on(2026, 11, 30));
  CHECK_FALSE(truncated.profile.medications_known);
  CHECK(truncated.status(section::medications).why == "the sender reported: results truncated");
  json note = outcome;
  note["entry"][0]["resource"]["issue"] = json::array(
      {{{"severity", "information"}, {"code", "informational"}, {"diagnostics", "all found"}}});
  CHECK(gln::fhir::read_prefetch({{"medications", note}}, on(2026, 11, 30))
            .profile.medications_known);

  json short_total = gln_fhir_test::searchset(json::array());
  short_total["total"] = 4;
  CHECK_FALSE(gln::fhir::read_prefetch({{"conditions", short_total}}, on(2026, 11, 30))
                  .profile.conditions_known);

  json text_total = gln_fhir_test::searchset(json::array());
  text_total["total"] = "9";
  json link_object = gln_fhir_test::searchset(json::array());
  link_object["link"] = {{"relation", "next"}, {"url", "https://example.org/fhir?page=2"}};
  for (const json& odd : {text_total, link_object}) {
    CHECK_FALSE(
        gln::fhir::read_prefetch({{"conditions", odd}}, on(2026, 11, 30)).profile.conditions_known);
  }
  CHECK(gln::fhir::read_prefetch({{"conditions", text_total}}, on(2026, 11, 30))
            .status(section::conditions)
            .why == "its total is not a number");

  // The MedicationStatements alone do not make the medications known: the orders are not in
  // them. With the MedicationRequest search, they add to it.
  for (const json& statements : {json(nullptr), empty}) {
    CHECK_FALSE(gln::fhir::read_prefetch({{"medicationStatements", statements}}, on(2026, 11, 30))
                    .profile.medications_known);
    CHECK(gln::fhir::read_prefetch({{"medicationStatements", statements}, {"medications", empty}},
                                   on(2026, 11, 30))
              .profile.medications_known);
  }
}

// A search result that is not one, or that holds what a search for the section cannot return,
// leaves the section unknown rather than read as holding nothing.
TEST_CASE("fhir: a malformed search result leaves its section unknown") {
  const json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"));
  const json good = gln_fhir_test::searchset(json::array({cirrhosis}));
  auto conditions = [](const json& value) {
    return gln::fhir::read_prefetch({{"conditions", value}}, on(2026, 11, 30));
  };
  REQUIRE(conditions(good).profile.conditions_known);
  REQUIRE(conditions(cirrhosis).profile.conditions.contains(condition::cirrhosis));

  json misspelt = good;
  misspelt["resourceType"] = "Bundl";
  json untyped = good;
  untyped.erase("resourceType");
  json null_entry = good;
  null_entry["entry"] = nullptr;
  json object_entry = good;
  object_entry["entry"] = json::object();
  json holds_null = good;
  holds_null["entry"].push_back(nullptr);
  json holds_empty = good;
  holds_empty["entry"].push_back(json::object());
  json null_resource = good;
  null_resource["entry"].push_back({{"resource", nullptr}});
  json wrong_case = gln_fhir_test::searchset(json::array({cirrhosis}));
  wrong_case["entry"][0]["resource"]["resourceType"] = "condition";
  json typo = gln_fhir_test::searchset(json::array({cirrhosis}));
  typo["entry"][0]["resource"]["resourceType"] = "Conditon";
  json other_kind = gln_fhir_test::searchset(json::array({cirrhosis}));
  other_kind["entry"].push_back(
      {{"resource", gln_fhir_test::medication_request("m", coding(rxnorm, "2598"))},
       {"search", {{"mode", "match"}}}});
  for (const json& bad : {misspelt, untyped, null_entry, object_entry, holds_null, holds_empty,
                          null_resource, wrong_case, typo, other_kind}) {
    INFO(bad.dump());
    const gln::fhir::record r = conditions(bad);
    CHECK_FALSE(r.profile.conditions_known);
    CHECK(r.status(section::conditions).state == gln::fhir::section_state::incomplete);
  }
  CHECK(conditions(typo).status(section::conditions).why ==
        "entry[0] is a 'Conditon', not a resource of this kind");
  // Each medication search holds its own kind: a statement in the MedicationRequest search (it
  // made that search complete), or an order in the statements' search, is another kind.
  json statement = gln_fhir_test::medication_request("s", coding(rxnorm, "2598"), "active");
  statement["resourceType"] = "MedicationStatement";
  const json order = gln_fhir_test::medication_request("m", coding(rxnorm, "2598"), "active");
  for (const auto& [key, resource] : std::vector<std::pair<std::string, json>>{
           {"medications", statement}, {"medicationStatements", order}}) {
    INFO(key);
    json prefetch = {{"medications", gln_fhir_test::searchset(json::array())}};
    prefetch[key] = gln_fhir_test::searchset(json::array({resource}));
    const gln::fhir::record r = gln::fhir::read_prefetch(prefetch, on(2026, 11, 30));
    CHECK_FALSE(r.profile.medications_known);
    CHECK(r.status(section::medications).why == "entry[0] is a '" +
                                                    resource["resourceType"].get<std::string>() +
                                                    "', not a resource of this kind");
  }
  // A Medication is what a medication search includes, never a match: a search that found only
  // Medications found no order (it read as no medications).
  json powder = {{"resourceType", "Medication"},
                 {"id", "med"},
                 {"code", {{"coding", json::array({coding(rxnorm, "1869684")})}}}};
  json found_medication = gln_fhir_test::searchset(json::array({powder}));
  const gln::fhir::record matched =
      gln::fhir::read_prefetch({{"medications", found_medication}}, on(2026, 11, 30));
  CHECK_FALSE(matched.profile.medications_known);
  CHECK(matched.status(section::medications).why ==
        "entry[0] is a 'Medication', not a resource of this kind");
  found_medication["entry"][0]["search"]["mode"] = "include";
  found_medication["total"] = 0;
  CHECK(gln::fhir::read_prefetch({{"medications", found_medication}}, on(2026, 11, 30))
            .profile.medications_known);
  // Each in its own search is read.
  CHECK(gln::fhir::read_prefetch(
            {{"medications", gln_fhir_test::searchset(json::array({order}))},
             {"medicationStatements", gln_fhir_test::searchset(json::array({statement}))}},
            on(2026, 11, 30))
            .profile.medications_known);
  CHECK(conditions(misspelt).status(section::conditions).why ==
        "the data sent is a 'Bundl', not a Bundle or a resource of this kind");
  CHECK(conditions(null_entry).status(section::conditions).why == "its entry is not a list");
  CHECK(conditions(holds_null).status(section::conditions).why == "entry[1] holds no resource");
  // FHIR's total is an unsignedInt, and counts the matches: a negative or fractional one, or
  // fewer than the entries marked as matches, cannot be trusted.
  for (const json& total : {json(-1), json(1.5), json(0)}) {
    INFO(total.dump());
    json counted = good;
    counted["total"] = total;
    const gln::fhir::record r = conditions(counted);
    CHECK_FALSE(r.profile.conditions_known);
    CHECK(r.status(section::conditions).why ==
          (total == 0 ? "the search result holds more matches than its total"
                      : "its total is not a whole number of entries"));
  }

  // What a search may carry besides its matches: included resources, a Medication with the
  // orders that reference it.
  json included = good;
  included["entry"].push_back({{"resource", {{"resourceType", "Patient"}, {"id", "p"}}},
                               {"search", {{"mode", "include"}}}});
  CHECK(conditions(included).profile.conditions_known);
  json orders = gln_fhir_test::searchset(
      json::array({gln_fhir_test::medication_request("m", coding(rxnorm, "2598"))}));
  orders["entry"].push_back({{"resource", {{"resourceType", "Medication"}, {"id", "med"}}}});
  CHECK(gln::fhir::read_prefetch({{"medications", orders}}, on(2026, 11, 30))
            .profile.medications_known);
}

// A CDS Hooks request is about one patient: data about another is not used, and what it would
// have said of this one is unknown.
TEST_CASE("fhir: data about another patient is not used, and leaves its section unknown") {
  gln::fhir::read_options options = on(2026, 11, 30);
  options.patient_id = "p1";
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};
  json other_patient = patient;
  other_patient["id"] = "zzz";
  auto about = [](json resource, const std::string& reference) {
    resource[resource["resourceType"] == "AllergyIntolerance" ? "patient" : "subject"] = {
        {"reference", reference}};
    return resource;
  };
  const json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"));
  const json order =
      gln_fhir_test::medication_request("m", coding("http://www.whocc.no/atc", "N03AX14"));
  const json msg = {{"resourceType", "AllergyIntolerance"},
                    {"id", "msg"},
                    {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};

  // This patient's data, however its references are written, or with none, is read.
  for (const char* reference : {"Patient/p1", "https://ehr.example/fhir/Patient/p1",
                                "Patient/p1/_history/3", ENTRY_URN("02"), "urn:oid:1.2.3"}) {
    INFO(reference);
    // A reference to an entry names the Patient entry of that fullUrl.
    json patient_entry = gln_fhir_test::searchset(json::array({patient}));
    patient_entry["entry"][0]["fullUrl"] =
        std::string(reference).rfind("urn:", 0) == 0 ? reference : ENTRY_URN("0b");
    const gln::fhir::record r = gln::fhir::read_prefetch(
        {{"patient", patient_entry},
         {"conditions", gln_fhir_test::searchset(json::array({about(cirrhosis, reference)}))},
         {"medications", gln_fhir_test::searchset(json::array({about(order, reference)}))},
         {"allergies", gln_fhir_test::searchset(json::array({about(msg, reference)}))}},
        options);
    CHECK(r.profile.age_years == gln::optional<double>{46.0});
    CHECK(r.profile.conditions_known);
    CHECK(r.profile.conditions ==
          gln::condition_set{condition::cirrhosis, condition::msg_sensitivity});
    CHECK(r.profile.medications == gln::medication_set{medication::anticonvulsant});
    CHECK(r.skipped.empty());
  }

  const gln::fhir::record r = gln::fhir::read_prefetch(
      {{"patient", other_patient},
       {"conditions", gln_fhir_test::searchset(json::array({about(cirrhosis, "Patient/p2")}))},
       {"medications", gln_fhir_test::searchset(
                           json::array({about(order, "https://ehr.example/fhir/Patient/p2")}))},
       {"allergies", gln_fhir_test::searchset(json::array({about(msg, "Patient/p2")}))}},
      options);
  CHECK_FALSE(r.profile.age_years);
  CHECK(r.patient.empty());
  CHECK(r.status(section::patient).state == gln::fhir::section_state::incomplete);
  CHECK(r.status(section::patient).why == "Patient/zzz: it is about Patient/zzz, not Patient/p1");
  CHECK_FALSE(r.profile.conditions_known);
  CHECK_FALSE(r.profile.medications_known);
  CHECK(r.status(section::allergies).state == gln::fhir::section_state::incomplete);
  CHECK(r.profile.conditions.empty());
  CHECK(r.profile.medications.empty());
  CHECK(r.skipped.size() == 4);
  CHECK(r.status(section::conditions).why == "Condition/c: it is about Patient/p2, not Patient/p1");

  // A subject that names another kind of resource (a Group, a RelatedPerson: a mother's weight
  // filed in her child's record) is not this patient either; a urn:uuid names none, and is read.
  for (const char* reference : {"Group/g1", "RelatedPerson/r1", "https://ehr.example/fhir/Device/d",
                                "Group/g1/_history/2"}) {
    INFO(reference);
    const gln::fhir::record group = gln::fhir::read_prefetch(
        {{"patient", patient},
         {"conditions", gln_fhir_test::searchset(json::array({about(cirrhosis, reference)}))}},
        options);
    CHECK_FALSE(group.profile.conditions_known);
    CHECK_FALSE(group.profile.conditions.contains(condition::cirrhosis));
    REQUIRE(group.skipped.size() == 1);
    CHECK(group.skipped[0].why == std::string("it is about ") + reference + ", not Patient/p1");
  }
  // The same said otherwise: a type that is not Patient, a lower-case type, an Observation's
  // focus (FHIR: what it is about when that is not its subject, a mother's weight).
  json typed = cirrhosis;
  typed["subject"] = {{"reference", ENTRY_URN("02")}, {"type", "RelatedPerson"}};
  json lower = cirrhosis;
  lower["subject"] = {{"reference", "relatedperson/r1"}};
  json focus = gln_fhir_test::weight("mother", 60.0, "kg", "2026-11-20");
  focus["subject"] = {{"reference", "Patient/p1"}};
  focus["focus"] = json::array({{{"reference", "RelatedPerson/r1"}}});
  // The patient named again as the focus still says it is about something other than itself.
  json self_focus = focus;
  self_focus["focus"] = json::array({{{"reference", "Patient/p1"}}});
  for (const auto& [section_key, resource, why] :
       std::vector<std::tuple<std::string, json, std::string>>{
           {"conditions", typed,
            "it is about a RelatedPerson (" ENTRY_URN("02") "), not Patient/p1"},
           {"conditions", lower, "it is about relatedperson/r1, not Patient/p1"},
           {"weight", focus, "it is about its focus RelatedPerson/r1 rather than its subject"},
           {"weight", self_focus, "it is about its focus Patient/p1 rather than its subject"}}) {
    INFO(why);
    const gln::fhir::record other = gln::fhir::read_prefetch(
        {{"patient", patient}, {section_key, gln_fhir_test::searchset(json::array({resource}))}},
        options);
    CHECK_FALSE(other.weight);
    CHECK_FALSE(other.profile.conditions.contains(condition::cirrhosis));
    REQUIRE(other.skipped.size() == 1);
    CHECK(other.skipped[0].why == why);
  }

  // Without a patient id, the first Patient's holds the data to it (a Bundle read on its own).
  CHECK(gln::fhir::read_prefetch({{"patient", other_patient}}, on(2026, 11, 30)).profile.age_years);
  const gln::fhir::record two = gln::fhir::read_bundle(
      gln_fhir_test::collection(json::array({patient, about(cirrhosis, "Patient/zzz")})),
      on(2026, 11, 30));
  CHECK(two.profile.age_years == gln::optional<double>{46.0});
  CHECK_FALSE(two.profile.conditions.contains(condition::cirrhosis));
  CHECK_FALSE(two.profile.conditions_known);

  // Two copies of the patient that disagree: neither age is believed. Copies that agree on
  // what is read are one patient.
  json younger = patient;
  younger["birthDate"] = "2018-01-01";
  for (const json& copies : {json::array({patient, younger}), json::array({younger, patient})}) {
    const gln::fhir::record r2 =
        gln::fhir::read_prefetch({{"patient", gln_fhir_test::searchset(copies)}}, options);
    CHECK_FALSE(r2.profile.age_years);
    CHECK(r2.status(section::patient).state == gln::fhir::section_state::incomplete);
    CHECK(r2.skipped.size() == 1);
  }
  json dead = patient;
  dead["deceasedBoolean"] = true;
  CHECK_FALSE(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({patient, dead})),
                                     on(2026, 11, 30))
                  .profile.age_years);
  // With a patient id to hold the data to, a Patient with no id (or one that is no string) is
  // not known to be that patient.
  for (const json& id : {json(nullptr), json(7)}) {
    json unnamed = other_patient;
    if (id.is_null()) {
      unnamed.erase("id");
    } else {
      unnamed["id"] = id;
    }
    const gln::fhir::record r3 = gln::fhir::read_prefetch({{"patient", unnamed}}, options);
    CHECK_FALSE(r3.profile.age_years);
    CHECK(r3.status(section::patient).why ==
          "Patient (no id): a Patient without an id, so not known to be Patient/p1");
  }
  // deceasedBoolean false says what no deceased[x] says: the copies agree.
  json alive = patient;
  alive["deceasedBoolean"] = false;
  CHECK(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({patient, alive})),
                               on(2026, 11, 30))
            .profile.age_years == gln::optional<double>{46.0});
  json unreadable = patient;
  unreadable["deceasedBoolean"] = "yes";
  const gln::fhir::record flagged = gln::fhir::read_bundle(
      gln_fhir_test::collection(json::array({unreadable})), on(2026, 11, 30));
  REQUIRE(flagged.skipped.size() == 1);
  CHECK(flagged.skipped[0].why == "deceasedBoolean is not true or false");
  json relabelled = patient;
  relabelled["meta"] = {{"versionId", "2"}};
  const gln::fhir::record agree = gln::fhir::read_bundle(
      gln_fhir_test::collection(json::array({patient, relabelled})), on(2026, 11, 30));
  CHECK(agree.profile.age_years == gln::optional<double>{46.0});
  CHECK(agree.skipped.empty());
}

// Two ways of writing one server's base URL are one; anything that could be read as another
// path, or names no plain http(s) base, is none.
TEST_CASE("fhir: base URLs compare as one server's") {
  using gln::fhir::base_url_key;
  using gln::fhir::on_server;
  using gln::fhir::server_base_key;
  CHECK(base_url_key("HTTPS://EHR.Example:443/fhir/R4") == "https://ehr.example/fhir/R4");
  CHECK(base_url_key("http://ehr.example:80") == "http://ehr.example");
  CHECK(base_url_key("http://ehr.example:/fhir") == "http://ehr.example/fhir");
  CHECK(base_url_key("https://ehr.example:8443/fhir") == "https://ehr.example:8443/fhir");
  CHECK(base_url_key("https://[::1]:8080/fhir") == "https://[::1]:8080/fhir");
  for (const char* none :
       {"", "ehr.example/fhir", "ftp://ehr.example/fhir", "https:///fhir", "https://u@ehr/fhir",
        "https://ehr.example/fhir/", "https://ehr.example/fhir//x", "https://ehr.example/../x",
        "https://ehr.example/%2e%2e/x", "https://ehr.example/fhir?x=1", "https://ehr.example/#x",
        "https://ehr.example:0/fhir", "https://ehr.example:65536/fhir", "https://ehr:8o/fhir",
        "https://[::1/fhir", "https://[::1]x/fhir"}) {
    INFO(none);
    CHECK_FALSE(base_url_key(none));
  }
  CHECK(server_base_key("https://ehr.example/fhir//") == "https://ehr.example/fhir");
  CHECK(on_server("https://EHR.example/fhir", "https://ehr.example:443/fhir/"));
  CHECK_FALSE(on_server("https://ehr.example/fhir/", "https://ehr.example/fhir"));
  CHECK_FALSE(on_server("https://ehr.example/FHIR", "https://ehr.example/fhir"));
  CHECK_FALSE(on_server("https://ehr.example/fhir", ""));
}

// An absolute reference names a server: with the server the data came from known (a CDS Hooks
// fhirServer), a subject on another server is another patient, whatever its id.
TEST_CASE("fhir: a subject on another FHIR server than the data's is another patient") {
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};
  const json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"));
  auto read_with = [&](const std::optional<std::string>& server, const std::string& reference) {
    gln::fhir::read_options options = on(2026, 11, 30);
    options.patient_id = "p1";
    options.fhir_server = server;
    json condition = cirrhosis;
    condition["subject"] = {{"reference", reference}};
    json patient_entry = gln_fhir_test::searchset(json::array({patient}));
    patient_entry["entry"][0]["fullUrl"] = ENTRY_URN("02");
    return gln::fhir::read_prefetch(
        {{"patient", patient_entry},
         {"conditions", gln_fhir_test::searchset(json::array({condition}))}},
        options);
  };
  const std::string server = "https://ehr.example/fhir";

  // This server's patient, however the server is written.
  for (const char* reference :
       {"Patient/p1", "https://ehr.example/fhir/Patient/p1",
        "HTTPS://EHR.Example:443/fhir/Patient/p1/_history/2", ENTRY_URN("02")}) {
    INFO(reference);
    const gln::fhir::record r = read_with(server, reference);
    CHECK(r.profile.conditions_known);
    CHECK(r.profile.conditions == gln::condition_set{condition::cirrhosis});
    CHECK(r.skipped.empty());
  }
  // Another server's patient of the same id: not used, and the conditions are unknown.
  for (const char* reference :
       {"https://other.example/fhir/Patient/p1", "https://ehr.example/other/Patient/p1",
        "https://ehr.example:8443/fhir/Patient/p1", "http://ehr.example/fhir/Patient/p1",
        "https://ehr.example/fhir/R4/Patient/p1"}) {
    INFO(reference);
    const gln::fhir::record r = read_with(server, reference);
    CHECK_FALSE(r.profile.conditions_known);
    CHECK(r.profile.conditions.empty());
    REQUIRE(r.skipped.size() == 1);
    const std::string base(
        std::string_view(reference).substr(0, std::string_view(reference).rfind("/Patient/")));
    CHECK(r.skipped[0].why ==
          "it is about a patient of " + base + ", not of https://ehr.example/fhir");
  }
  // Data from no named server: an absolute reference cannot be shown to be this patient's.
  const gln::fhir::record unnamed = read_with(std::string(), "https://ehr.example/fhir/Patient/p1");
  CHECK_FALSE(unnamed.profile.conditions_known);
  REQUIRE(unnamed.skipped.size() == 1);
  CHECK(unnamed.skipped[0].why ==
        "it is about a patient of https://ehr.example/fhir, and the data names no server");
  CHECK(read_with(std::string(), "Patient/p1").profile.conditions_known);
  // Not checked (the default, a Bundle read on its own): the id alone decides.
  CHECK(read_with(std::nullopt, "https://other.example/fhir/Patient/p1").profile.conditions_known);
  // Another patient on the same server is still another patient.
  const gln::fhir::record other = read_with(server, "https://ehr.example/fhir/Patient/p2");
  REQUIRE(other.skipped.size() == 1);
  CHECK(other.skipped[0].why == "it is about Patient/p2, not Patient/p1");
}

// Only a reference that can be shown to name the patient is read as naming it: another case of
// "Patient", a contained resource, a path that is no base URL, a segment after the id, a
// subject that is no Reference; each of these was read as the patient's, whatever it named.
TEST_CASE("fhir: a subject that is no reference to the patient is not read as the patient's") {
  gln::fhir::read_options options = on(2026, 11, 30);
  options.patient_id = "p1";
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};
  const json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"));
  const json msg = {{"resourceType", "AllergyIntolerance"},
                    {"id", "msg"},
                    {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};
  auto whys = [](const gln::fhir::record& r) {
    std::set<std::string> out;
    for (const auto& skipped : r.skipped) out.insert(skipped.why);
    CHECK(out.size() == r.skipped.size());
    return out;
  };
  auto read_about = [&](const json& subject) {
    json condition = cirrhosis;
    condition["subject"] = subject;
    json allergy = msg;
    allergy["patient"] = subject;
    return gln::fhir::read_prefetch(
        {{"patient", patient},
         {"conditions", gln_fhir_test::searchset(json::array({condition}))},
         {"allergies", gln_fhir_test::searchset(json::array({allergy}))}},
        options);
  };
  for (const char* reference : {"patient/p1",
                                "PATIENT/p1",
                                "https://ehr.example/fhir/patient/p1",
                                "%50atient/p1",
                                "Patient_/p1",
                                "//other.example/fhir/Patient/p1",
                                "/other/Patient/p1",
                                "x/Patient/p1",
                                "../Patient/p1",
                                "./Patient/p1",
                                "https://ehr.example/fhir//Patient/p1",
                                "urn:x:ehr/Patient/p1",
                                "#p1",
                                "#",
                                "https:\\\\other.example\\fhir\\Patient\\p1",
                                "https://other.example/",
                                "mailto:x@y",
                                "data:,x",
                                "Patient/p1/extra",
                                "Patient/p1/_history/2/extra",
                                "Patient/p1/$everything",
                                "Patient/p1/_history/",
                                "Patient/",
                                "Patient/p 1",
                                ""}) {
    INFO(reference);
    const gln::fhir::record r = read_about({{"reference", reference}});
    CHECK_FALSE(r.profile.conditions_known);
    CHECK(r.profile.conditions.empty());
    CHECK(whys(r) ==
          std::set<std::string>{
              "its subject '" + std::string(reference) + "' is no reference to Patient/p1",
              "its patient '" + std::string(reference) + "' is no reference to Patient/p1"});
  }
  for (const json& subject :
       {json::array({{{"reference", "Patient/p1"}}}), json("Patient/p1"), json{{"reference", 5}},
        json::object(), json{{"identifier", {{"value", "p1"}}}}, json{{"display", "p1"}}}) {
    INFO(subject.dump());
    const gln::fhir::record r = read_about(subject);
    CHECK_FALSE(r.profile.conditions_known);
    CHECK(whys(r) == std::set<std::string>{"its subject is no reference to Patient/p1",
                                           "its patient is no reference to Patient/p1"});
  }
  // No subject at all: the patient's, as the search for this patient returned it.
  json unsaid = cirrhosis;
  unsaid.erase("subject");
  const gln::fhir::record none = gln::fhir::read_prefetch(
      {{"patient", patient}, {"conditions", gln_fhir_test::searchset(json::array({unsaid}))}},
      options);
  CHECK(none.profile.conditions_known);
  CHECK(none.profile.conditions == gln::condition_set{condition::cirrhosis});
  // A long reference is shown cut to its first 100 bytes.
  const std::string long_reference = std::string(300, 'x') + "/Patient/p1";
  const gln::fhir::record cut = read_about({{"reference", long_reference}});
  CHECK(whys(cut).count("its subject '" + long_reference.substr(0, 100) +
                        "...' is no reference to Patient/p1") == 1);
  // Cut before a character, never inside its UTF-8 bytes ("é" is two bytes: 99 + 2 > 100).
  const std::string accented = std::string(99, 'x') + "\xc3\xa9" + "/Patient/p1";
  const gln::fhir::record whole_characters = read_about({{"reference", accented}});
  CHECK(whys(whole_characters)
            .count("its subject '" + std::string(99, 'x') + "...' is no reference to Patient/p1") ==
        1);
}

// A reference to another entry (urn:uuid:, urn:oid:) names what that entry holds: a mother's
// RelatedPerson or a Group is not the patient, and a urn that names no entry, or two, names no
// one known.
TEST_CASE("fhir: a subject that is a urn is the entry of that fullUrl") {
  gln::fhir::read_options options = on(2026, 11, 30);
  options.patient_id = "p1";
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};
  json entries =
      gln_fhir_test::collection(json::array({patient,
                                             {{"resourceType", "RelatedPerson"}, {"id", "mom"}},
                                             {{"resourceType", "Group"}, {"id", "g"}},
                                             {{"resourceType", "Patient"}, {"id", "zzz"}}}));
  const char* urls[] = {ENTRY_URN("01"), ENTRY_URN("03"), ENTRY_URN("04"), ENTRY_URN("05")};
  for (std::size_t i = 0; i < 4; ++i) entries["entry"][i]["fullUrl"] = urls[i];
  auto weight_about = [&](const char* reference) {
    json bundle = entries;
    json weight = gln_fhir_test::weight("w", 90.0, "kg", "2026-11-20");
    weight["subject"] = {{"reference", reference}};
    bundle["entry"].push_back({{"fullUrl", ENTRY_URN("0a")}, {"resource", weight}});
    return gln::fhir::read_bundle(bundle, options);
  };
  const gln::fhir::record own = weight_about(ENTRY_URN("01"));
  REQUIRE(own.weight);
  CHECK(own.weight->kilograms == Approx(90.0));
  const std::pair<const char*, std::string> others[] = {
      {ENTRY_URN("03"), "it is about a RelatedPerson (" ENTRY_URN("03") "), not Patient/p1"},
      {ENTRY_URN("04"), "it is about a Group (" ENTRY_URN("04") "), not Patient/p1"},
      {ENTRY_URN("05"), "it is about Patient/zzz, not Patient/p1"},
      {ENTRY_URN("06"), "its subject '" ENTRY_URN("06") "' names no entry of the data"},
      {"urn:uuid:", "its subject 'urn:uuid:' is no reference to Patient/p1"},
      {"urn:oid:1.2.3", "its subject 'urn:oid:1.2.3' names no entry of the data"},
      // Only FHIR's uuid and oid spellings name an entry: not the patient's urn in capitals,
      // nor one that is no UUID or OID.
      {"URN:UUID:a0000000-0000-4000-8000-000000000001",
       "its subject 'URN:UUID:a0000000-0000-4000-8000-000000000001' is no reference to "
       "Patient/p1"},
      {"urn:uuid:A0000000-0000-4000-8000-000000000001",
       "its subject 'urn:uuid:A0000000-0000-4000-8000-000000000001' is no reference to "
       "Patient/p1"},
      {"urn:uuid:abc", "its subject 'urn:uuid:abc' is no reference to Patient/p1"},
      {"urn:uuid:a0000000-0000-4000-8000-0000000000011",
       "its subject 'urn:uuid:a0000000-0000-4000-8000-0000000000011' is no reference to "
       "Patient/p1"},
      {"urn:uuid:a0000000+0000-4000-8000-000000000001",
       "its subject 'urn:uuid:a0000000+0000-4000-8000-000000000001' is no reference to "
       "Patient/p1"},
      {"urn:oid:1.02", "its subject 'urn:oid:1.02' is no reference to Patient/p1"},
      {"urn:oid:3.1", "its subject 'urn:oid:3.1' is no reference to Patient/p1"},
      {"urn:oid:1.2.", "its subject 'urn:oid:1.2.' is no reference to Patient/p1"},
      {"urn:oid:1", "its subject 'urn:oid:1' is no reference to Patient/p1"},
      // A dot segment is no id: Patient/.. is the server's base.
      {"Patient/..", "its subject 'Patient/..' is no reference to Patient/p1"},
      {"Patient/.", "its subject 'Patient/.' is no reference to Patient/p1"}};
  for (const auto& [reference, why] : others) {
    INFO(reference);
    const gln::fhir::record r = weight_about(reference);
    CHECK_FALSE(r.weight);
    bool said = false;
    for (const auto& skipped : r.skipped) said = said || skipped.why == why;
    CHECK(said);
  }
  // Nor where the patient's entry carries it as its fullUrl.
  for (const char* odd_urn : {"urn:uuid:abc", "URN:UUID:a0000000-0000-4000-8000-000000000001"}) {
    INFO(odd_urn);
    json odd = entries;
    odd["entry"][0]["fullUrl"] = odd_urn;
    json weight = gln_fhir_test::weight("w", 90.0, "kg", "2026-11-20");
    weight["subject"] = {{"reference", odd_urn}};
    odd["entry"].push_back({{"fullUrl", ENTRY_URN("0a")}, {"resource", weight}});
    const gln::fhir::record r = gln::fhir::read_bundle(odd, options);
    CHECK(r.profile.age_years == gln::optional<double>{46.0});
    CHECK_FALSE(r.weight);
    bool said = false;
    for (const auto& skipped : r.skipped) {
      said = said || (skipped.resource == "Observation/w" &&
                      skipped.why == "its subject '" + std::string(odd_urn) +
                                         "' is no reference to Patient/p1");
    }
    CHECK(said);
  }
  // Two entries of one fullUrl (FHIR bdl-7): neither is taken, whatever is read of either: a
  // RelatedPerson sent as a match of the patient search is not read as a patient, but it shares
  // the patient's fullUrl.
  json patient_search = gln_fhir_test::searchset(
      json::array({patient, {{"resourceType", "RelatedPerson"}, {"id", "mom"}}}));
  patient_search["entry"][0]["fullUrl"] = ENTRY_URN("01");
  patient_search["entry"][1]["fullUrl"] = ENTRY_URN("01");
  json weight_search =
      gln_fhir_test::searchset(json::array({gln_fhir_test::weight("w", 90.0, "kg", "2026-11-20")}));
  weight_search["entry"][0]["resource"]["subject"] = {{"reference", ENTRY_URN("01")}};
  const gln::fhir::record shared =
      gln::fhir::read_prefetch({{"patient", patient_search}, {"weight", weight_search}}, options);
  CHECK_FALSE(shared.weight);
  // The same Patient sent twice under its fullUrl (also included in a search) is one entry.
  json with_patient = weight_search;
  with_patient["entry"].push_back(
      {{"fullUrl", ENTRY_URN("01")}, {"resource", patient}, {"search", {{"mode", "include"}}}});
  json patient_alone = patient_search;
  patient_alone["entry"].erase(1);
  const gln::fhir::record copies =
      gln::fhir::read_prefetch({{"patient", patient_alone}, {"weight", with_patient}}, options);
  CHECK(copies.weight);
  // A fullUrl of the service's draftOrders, noted with add_entry_url, counts the same way.
  json lone_patient = gln_fhir_test::searchset(json::array({patient}));
  lone_patient["entry"][0]["fullUrl"] = ENTRY_URN("01");
  const json mother = {{"resourceType", "RelatedPerson"}, {"id", "mom"}};
  gln::fhir::reader noted(options);
  const json prefetch = {{"patient", lone_patient}, {"weight", weight_search}};
  noted.add_prefetch(prefetch);  // kept alive: the reader points into it
  CHECK(noted.read().weight);
  noted.add_entry_url(ENTRY_URN("01"), mother);
  CHECK_FALSE(noted.read().weight);

  entries["entry"][1]["fullUrl"] = ENTRY_URN("01");
  const gln::fhir::record twice = weight_about(ENTRY_URN("01"));
  CHECK_FALSE(twice.weight);
  bool said = false;
  for (const auto& skipped : twice.skipped) {
    said = said ||
           skipped.why == "its subject '" ENTRY_URN("01") "' names more than one entry of the data";
  }
  CHECK(said);
}

// A Bundle entry's absolute fullUrl says which server holds it: its relative references are to
// that server (FHIR R4 Bundle), and a Patient there is that server's patient.
// Whose a resource is, written in a field FHIR R4 does not give its type (an
// AllergyIntolerance's `subject`, a DSTU2 Condition's `patient`), is not known to be the
// patient's: such a resource is not read as if it had no subject.
TEST_CASE("fhir: a subject written in a field R4 does not have is not the patient's") {
  gln::fhir::read_options options = on(2026, 11, 30);
  options.patient_id = "p1";
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};
  json allergy = {{"resourceType", "AllergyIntolerance"},
                  {"id", "msg"},
                  {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};
  json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"));
  cirrhosis.erase("subject");
  const auto read = [&](const std::string& key, const json& resource) {
    return gln::fhir::read_prefetch(
        {{"patient", patient}, {key, gln_fhir_test::searchset(json::array({resource}))}}, options);
  };
  // With neither field, the resource is the patient's, as searched.
  CHECK(read("allergies", allergy).profile.conditions ==
        gln::condition_set{condition::msg_sensitivity});
  CHECK(read("conditions", cirrhosis).profile.conditions ==
        gln::condition_set{condition::cirrhosis});

  // Named in the other field, alone or beside the type's own (the two may name two patients).
  const std::string allergy_why =
      "its 'subject' is no field of a FHIR R4 AllergyIntolerance, so it is not known to be "
      "Patient/p1's";
  const std::string condition_why =
      "its 'patient' is no field of a FHIR R4 Condition, so it is not known to be Patient/p1's";
  for (const char* reference : {"Patient/p1", "Patient/p2"}) {
    json foreign_allergy = allergy;
    foreign_allergy["subject"] = {{"reference", reference}};
    json both = foreign_allergy;
    both["patient"] = {{"reference", "Patient/p1"}};
    json dstu2 = cirrhosis;
    dstu2["patient"] = {{"reference", reference}};
    for (const auto& [key, resource, why] : std::vector<std::tuple<std::string, json, std::string>>{
             {"allergies", foreign_allergy, allergy_why},
             {"allergies", both, allergy_why},
             {"conditions", dstu2, condition_why}}) {
      INFO(reference << " " << resource.dump());
      const gln::fhir::record r = read(key, resource);
      CHECK_FALSE(r.profile.conditions.contains(condition::msg_sensitivity));
      CHECK_FALSE(r.profile.conditions.contains(condition::cirrhosis));
      CHECK_FALSE(r.profile.conditions_known);
      REQUIRE(r.skipped.size() == 1);
      CHECK(r.skipped[0].why == why);
    }
  }
  // A null is no value, as everywhere.
  json null_subject = allergy;
  null_subject["subject"] = nullptr;
  CHECK(read("allergies", null_subject).profile.conditions ==
        gln::condition_set{condition::msg_sensitivity});
}

// A Medication of another server (its fullUrl there) is not the one an order of this server's
// references: the order's drug is then unknown, never another server's.
TEST_CASE("fhir: a Medication on another server names no order's medication") {
  gln::fhir::read_options options = for_p1_from("https://ehr.example/fhir");
  const json& patient = p1_patient;
  json order = gln_fhir_test::medication_request("m", coding(rxnorm, "1"));
  order.erase("medicationCodeableConcept");
  order["medicationReference"] = {{"reference", "Medication/med9"}};
  const json carbamazepine = {
      {"resourceType", "Medication"},
      {"id", "med9"},
      {"code", {{"coding", json::array({coding("http://www.whocc.no/atc", "N03AF01")})}}}};
  const auto read_with = [&](const char* medication_url) {
    json medications = gln_fhir_test::searchset(json::array({order}));
    medications["entry"][0]["fullUrl"] = "https://ehr.example/fhir/MedicationRequest/m";
    medications["entry"].push_back({{"fullUrl", medication_url},
                                    {"resource", carbamazepine},
                                    {"search", {{"mode", "include"}}}});
    return gln::fhir::read_prefetch({{"patient", patient}, {"medications", medications}}, options);
  };
  CHECK(read_with("https://ehr.example/fhir/Medication/med9").profile.medications ==
        gln::medication_set{medication::anticonvulsant});
  // FHIR compares an absolute reference whole: another server's Medication/med9 is not this
  // server's, and neither is one under a base that is no server's.
  for (const char* absolute :
       {"https://other.example/fhir/Medication/med9", "https://ehr.example/fhir2/Medication/med9",
        "https://ehr.example:8443/fhir/Medication/med9", "x/Medication/med9"}) {
    INFO(absolute);
    json elsewhere_order = order;
    elsewhere_order["medicationReference"]["reference"] = absolute;
    json medications = gln_fhir_test::searchset(json::array({elsewhere_order}));
    medications["entry"].push_back({{"fullUrl", "https://ehr.example/fhir/Medication/med9"},
                                    {"resource", carbamazepine},
                                    {"search", {{"mode", "include"}}}});
    const gln::fhir::record r =
        gln::fhir::read_prefetch({{"patient", patient}, {"medications", medications}}, options);
    CHECK_FALSE(r.profile.medications.contains(medication::anticonvulsant));
    REQUIRE(r.unidentified_medications.size() == 1);
    CHECK(r.unidentified_medications[0].why ==
          "its medicationReference '" + std::string(absolute) +
              "' names no Medication sent, and gives no display");
  }
  CHECK(read_with("https://ehr.example/fhir/Medication/med9").unidentified_medications.empty());
  // A version names the same Medication.
  json versioned = order;
  versioned["medicationReference"]["reference"] = "Medication/med9/_history/2";
  json with_version = gln_fhir_test::searchset(json::array({versioned}));
  with_version["entry"].push_back({{"fullUrl", "https://ehr.example/fhir/Medication/med9"},
                                   {"resource", carbamazepine},
                                   {"search", {{"mode", "include"}}}});
  CHECK(gln::fhir::read_prefetch({{"patient", patient}, {"medications", with_version}}, options)
            .profile.medications == gln::medication_set{medication::anticonvulsant});

  // What names nothing gln can read leaves the drug unknown: a blank text, a local code, a
  // malformed RxNorm code, a Medication without a code.
  const json uncoded = {{"resourceType", "Medication"}, {"id", "med9"}};
  json blank = order;
  blank.erase("medicationReference");
  blank["medicationCodeableConcept"] = {{"text", " "}};
  json local = blank;
  local["medicationCodeableConcept"] = {
      {"coding", json::array({coding("https://ehr.example/codes", "GLN-5")})}};
  json malformed = blank;
  malformed["medicationCodeableConcept"] = {{"coding", json::array({coding(rxnorm, "abc")})}};
  for (const auto& [sent, medication_sent] : std::vector<std::pair<json, json>>{
           {blank, nullptr}, {local, nullptr}, {malformed, nullptr}, {order, uncoded}}) {
    INFO(sent.dump());
    json medications = gln_fhir_test::searchset(json::array({sent}));
    if (!medication_sent.is_null())
      medications["entry"].push_back(
          {{"resource", medication_sent}, {"search", {{"mode", "include"}}}});
    const gln::fhir::record r =
        gln::fhir::read_prefetch({{"patient", patient}, {"medications", medications}}, options);
    REQUIRE(r.unidentified_medications.size() == 1);
    CHECK(r.unidentified_medications[0].why ==
          "what it orders is named by no word and no well-formed code of a system gln holds");
  }
  const gln::fhir::record elsewhere = read_with("https://other.example/fhir/Medication/med9");
  CHECK_FALSE(elsewhere.profile.medications.contains(medication::anticonvulsant));
  CHECK_FALSE(elsewhere.profile.medications_known);
}

// FHIR R4: a modifierExtension changes the meaning of what holds it, and one not understood
// must not be ignored; gln understands none. A Patient record not in use is not the patient.
TEST_CASE(
    "fhir: a resource with a modifierExtension, or a Patient record not in use, is not read") {
  gln::fhir::read_options options = on(2026, 11, 30);
  options.patient_id = "p1";
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1980-01-01"}};
  const json cirrhosis = gln_fhir_test::condition("c", coding(snomed, "19943007"));
  const json modifier = json::array(
      {{{"url", "https://ehr.example/fhir/StructureDefinition/refuted"}, {"valueBoolean", true}}});
  const auto read = [&](const json& p, const json& condition) {
    return gln::fhir::read_prefetch(
        {{"patient", p}, {"conditions", gln_fhir_test::searchset(json::array({condition}))}},
        options);
  };
  json top = cirrhosis;
  top["modifierExtension"] = modifier;
  json nested = cirrhosis;
  nested["code"]["coding"][0]["modifierExtension"] = modifier;
  for (const auto& [condition, at] : std::vector<std::pair<json, std::string>>{
           {top, "modifierExtension"}, {nested, "code.coding[0].modifierExtension"}}) {
    INFO(at);
    const gln::fhir::record r = read(patient, condition);
    CHECK_FALSE(r.profile.conditions.contains(condition::cirrhosis));
    CHECK_FALSE(r.profile.conditions_known);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].why == "it carries a modifierExtension (" + at +
                                  "), which changes its meaning in a way gln does not read");
  }
  // implicitRules, a modifier element: rules gln cannot read.
  json rules = cirrhosis;
  rules["implicitRules"] = "https://ehr.example/rules/local";
  const gln::fhir::record ruled = read(patient, rules);
  CHECK_FALSE(ruled.profile.conditions.contains(condition::cirrhosis));
  REQUIRE(ruled.skipped.size() == 1);
  CHECK(ruled.skipped[0].why ==
        "it was written under implicitRules (https://ehr.example/rules/local), which may change "
        "its meaning in a way gln does not read");
  json empty = cirrhosis;
  empty["modifierExtension"] = json::array();
  CHECK(read(patient, empty).profile.conditions == gln::condition_set{condition::cirrhosis});

  json inactive = patient;
  inactive["active"] = false;
  json replaced = patient;
  replaced["link"] =
      json::array({{{"other", {{"reference", "Patient/p9"}}}, {"type", "seealso"}},
                   {{"other", {{"reference", "Patient/p9"}}}, {"type", "replaced-by"}}});
  // Written otherwise than FHIR writes them, these may say the same.
  json active_text = patient;
  active_text["active"] = "false";
  json replaced_case = patient;
  replaced_case["link"] =
      json::array({{{"other", {{"reference", "Patient/p9"}}}, {"type", "Replaced-By"}}});
  json untyped_link = patient;
  untyped_link["link"] = json::array({{{"other", {{"reference", "Patient/p9"}}}}});
  json text_link = patient;
  text_link["link"] = json::array({"x"});
  json link_object = patient;
  link_object["link"] = {{"other", {{"reference", "Patient/p9"}}}, {"type", "replaced-by"}};
  for (const auto& [p, why] : std::vector<std::pair<json, std::string>>{
           {inactive, "it is a Patient record not in use (active: false)"},
           {replaced, "it is a Patient record replaced by another (link type replaced-by)"},
           {active_text, "its active is no boolean, so it is not known to be a record in use"},
           {replaced_case, "it is a Patient record replaced by another (link type replaced-by)"},
           {link_object, "its link is no list, so it is not known to be a record in use"},
           {untyped_link, "a link of it has no type, so it is not known to be a record in use"},
           {text_link, "a link of it has no type, so it is not known to be a record in use"}}) {
    INFO(why);
    const gln::fhir::record r = read(p, cirrhosis);
    CHECK_FALSE(r.profile.age_years);
    bool said = false;
    for (const auto& skipped : r.skipped) said = said || skipped.why == why;
    CHECK(said);
    // What is recorded under a record not in use may be elsewhere: no section is complete (the
    // conditions read beside it were taken as all there were).
    CHECK(r.profile.conditions.contains(condition::cirrhosis));
    CHECK_FALSE(r.profile.conditions_known);
    CHECK_FALSE(r.profile.medications_known);
    CHECK(r.status(section::conditions).why ==
          "Patient/p1: " + why + ", so what is recorded under it may be incomplete");
  }
  // Another patient's record not in use says nothing of this one's data.
  json other_inactive = inactive;
  other_inactive["id"] = "p2";
  const gln::fhir::record other = gln::fhir::read_prefetch(
      {{"patient", gln_fhir_test::searchset(json::array({patient, other_inactive}))},
       {"conditions", gln_fhir_test::searchset(json::array({cirrhosis}))}},
      options);
  CHECK(other.profile.conditions_known);
  CHECK(other.profile.age_years == gln::optional<double>{46.0});
  json active = patient;
  active["active"] = true;
  CHECK(read(active, cirrhosis).profile.age_years == gln::optional<double>{46.0});

  // An order not to give a medication (doNotPerform, a modifier element) is no sign it is taken.
  json order = gln_fhir_test::medication_request("m", coding("http://www.whocc.no/atc", "N03AX14"));
  const auto medications = [&](const json& request) {
    return gln::fhir::read_prefetch(
        {{"patient", patient}, {"medications", gln_fhir_test::searchset(json::array({request}))}},
        options);
  };
  order["doNotPerform"] = true;
  const gln::fhir::record refused = medications(order);
  CHECK_FALSE(refused.profile.medications_known);
  CHECK(refused.profile.medications.empty());
  REQUIRE(refused.skipped.size() == 1);
  CHECK(refused.skipped[0].why == "it is an order not to do what it names (doNotPerform: true)");
  order["doNotPerform"] = "true";  // no boolean: it may say the same
  const gln::fhir::record unread = medications(order);
  CHECK(unread.profile.medications.empty());
  REQUIRE(unread.skipped.size() == 1);
  CHECK(unread.skipped[0].why ==
        "its doNotPerform is no boolean, so it may be an order not to do what it names");
  order["doNotPerform"] = false;
  CHECK(medications(order).profile.medications ==
        gln::medication_set{gln::medication::anticonvulsant});
}

TEST_CASE("fhir: with the data's server named, an entry whose fullUrl is elsewhere is not used") {
  gln::fhir::read_options options = for_p1_from("https://ehr.example/fhir");
  const json& patient = p1_patient;
  json cirrhosis = gln_fhir_test::condition("c1", coding(snomed, "19943007"));
  cirrhosis["subject"] = {{"reference", "Patient/p1"}};
  auto with_full_url = [](json bundle, const char* full_url) {
    bundle["entry"][0]["fullUrl"] = full_url;
    return bundle;
  };
  auto read_from = [&](const char* patient_url, const char* condition_url) {
    return gln::fhir::read_prefetch(
        {{"patient", with_full_url(gln_fhir_test::searchset(json::array({patient})), patient_url)},
         {"conditions",
          with_full_url(gln_fhir_test::searchset(json::array({cirrhosis})), condition_url)}},
        options);
  };
  const gln::fhir::record here =
      read_from("https://EHR.example/fhir/Patient/p1", "https://ehr.example:443/fhir/Condition/c1");
  CHECK(here.skipped.empty());
  CHECK(here.profile.age_years == gln::optional<double>{46.0});
  CHECK(here.profile.conditions == gln::condition_set{condition::cirrhosis});
  CHECK(read_from(ENTRY_URN("07"), ENTRY_URN("08")).skipped.empty());

  const gln::fhir::record there =
      read_from("https://other.example/fhir/Patient/p1", "https://other.example/fhir/Condition/c1");
  CHECK_FALSE(there.profile.age_years);
  CHECK_FALSE(there.profile.conditions_known);
  REQUIRE(there.skipped.size() == 2);
  const std::set<std::string> whys = {there.skipped[0].why, there.skipped[1].why};
  CHECK(whys ==
        std::set<std::string>{
            "it is a Patient of https://other.example/fhir, not of https://ehr.example/fhir",
            "its fullUrl makes it a resource of https://other.example/fhir, not of "
            "https://ehr.example/fhir"});
  // A fullUrl that is no plain [base]/<type>/<id> cannot be shown to be on the server.
  for (const char* url :
       {"https://x@ehr.example/fhir/Condition/c1", "https://ehr.example/fhir/./Condition/c1",
        "https://ehr.example//fhir/Condition/c1", "https://ehr.example/f%68ir/Condition/c1",
        "https://ehr.example/fhir", "ftp://ehr.example/fhir/Condition/c1",
        " https://ehr.example/fhir/Condition/c1", "https://ehr.example\\fhir/Condition/c1",
        "https://ehr.example/fhir/Condition/c1/_history/2", "https://ehr.example/fhir/Patient/c1",
        "Condition/c1", "urn:x:c1", "https://ehr.example/fhir/Condition/other",
        "https://ehr.example/fhir/Condition/C1", "urn:uuid:", "urn:uuid:abc",
        "URN:UUID:a0000000-0000-4000-8000-000000000008", "urn:oid:1.02"}) {
    INFO(url);
    const gln::fhir::record odd = read_from(ENTRY_URN("07"), url);
    CHECK_FALSE(odd.profile.conditions_known);
    REQUIRE(odd.skipped.size() == 1);
    CHECK(odd.skipped[0].why == "its fullUrl '" + std::string(url) +
                                    "' is no URL of this Condition on https://ehr.example/fhir");
  }
  const gln::fhir::record odd_patient =
      read_from("https://x@ehr.example/fhir/Patient/p1", ENTRY_URN("08"));
  CHECK_FALSE(odd_patient.profile.age_years);
  REQUIRE(odd_patient.skipped.size() == 1);
  CHECK(odd_patient.skipped[0].why ==
        "its fullUrl 'https://x@ehr.example/fhir/Patient/p1' is no "
        "URL of this Patient on https://ehr.example/fhir");

  // A fullUrl given that is no URI at all is not shown to be on the server.
  for (const json& url : {json(""), json(5), json::object(), json::array()}) {
    INFO(url.dump());
    json conditions = gln_fhir_test::searchset(json::array({cirrhosis}));
    conditions["entry"][0]["fullUrl"] = url;
    const gln::fhir::record bad = gln::fhir::read_prefetch(
        {{"patient", with_full_url(gln_fhir_test::searchset(json::array({patient})),
                                   "https://ehr.example/fhir/Patient/p1")},
         {"conditions", conditions}},
        options);
    CHECK_FALSE(bad.profile.conditions_known);
    REQUIRE(bad.skipped.size() == 1);
    CHECK(bad.skipped[0].why == "its fullUrl is no URI (FHIR R4: a non-empty string)");
  }

  // With no server named (data from a request without fhirServer), an absolute fullUrl puts a
  // resource on a server not named, as an absolute subject does: the data of two servers is
  // not merged into one patient. A urn says nothing of where it is.
  options.fhir_server = std::string();
  const gln::fhir::record unnamed =
      read_from("https://other.example/fhir/Patient/p1", "https://b.example/fhir/Condition/c1");
  CHECK_FALSE(unnamed.profile.age_years);
  CHECK_FALSE(unnamed.profile.conditions_known);
  REQUIRE(unnamed.skipped.size() == 2);
  CHECK(std::set<std::string>{unnamed.skipped[0].why, unnamed.skipped[1].why} ==
        std::set<std::string>{
            "it is a Patient of https://other.example/fhir, and the data names no server",
            "its fullUrl makes it a resource of https://b.example/fhir, and the data names no "
            "server"});
  const gln::fhir::record odd_unnamed = read_from(ENTRY_URN("07"), "Condition/c1");
  REQUIRE(odd_unnamed.skipped.size() == 1);
  CHECK(odd_unnamed.skipped[0].why ==
        "its fullUrl 'Condition/c1' is no URL of this Condition, and the data names no server");
  CHECK(read_from(ENTRY_URN("07"), ENTRY_URN("08")).skipped.empty());
  // With fhir_server not given at all (the default), where the data came from is not checked.
  options.fhir_server.reset();
  CHECK(read_from("https://other.example/fhir/Patient/p1", "https://b.example/fhir/Condition/c1")
            .skipped.empty());
  // A server that is no base URL holds no absolute reference.
  options.fhir_server = "urn:x";
  json absolute = cirrhosis;
  absolute["subject"]["reference"] = "https://ehr.example/fhir/Patient/p1";
  const gln::fhir::record odd = gln::fhir::read_prefetch(
      {{"conditions", gln_fhir_test::searchset(json::array({absolute}))}}, options);
  REQUIRE(odd.skipped.size() == 1);
  CHECK(odd.skipped[0].why ==
        "it is about a patient of https://ehr.example/fhir, and the data's "
        "server 'urn:x' is no FHIR base URL");
}

// A date of a month or a year may be any day in it: where two weights' dates may be the same
// day, the lower is used (as for two of one day); where a "not pregnant" may be the same day as
// a "pregnant", pregnant is read (knowledge.md §2b: the latest status decides, and neither is
// known to be later). Only a date certainly after the screening date is in the future.
TEST_CASE("fhir: dates that may be the same day read the stricter way") {
  auto weights = [](const json& list) {
    return gln::fhir::read_bundle(gln_fhir_test::collection(list), on(2026, 11, 30));
  };
  const gln::fhir::record month =
      weights(json::array({gln_fhir_test::weight("day", 16.0, "kg", "2026-11-15"),
                           gln_fhir_test::weight("month", 12.0, "kg", "2026-11")}));
  REQUIRE(month.weight);
  CHECK(month.weight->resource == "Observation/month");
  REQUIRE(month.skipped.size() == 1);
  CHECK(month.skipped[0].resource == "Observation/day");
  CHECK(month.skipped[0].why ==
        "another weight whose date may be the same day is lower, and the lower is used");
  // A year that holds the screening date is not after it; a month after it is.
  const gln::fhir::record year =
      weights(json::array({gln_fhir_test::weight("year", 12.0, "kg", "2026"),
                           gln_fhir_test::weight("old", 16.0, "kg", "2020-06-15")}));
  REQUIRE(year.weight);
  CHECK(year.weight->resource == "Observation/year");
  const gln::fhir::record next_month =
      weights(json::array({gln_fhir_test::weight("next", 12.0, "kg", "2026-12")}));
  CHECK_FALSE(next_month.weight);
  REQUIRE(next_month.skipped.size() == 1);
  CHECK(next_month.skipped[0].why == "dated after the screening date");

  const auto& status = gln_fhir_test::pregnancy_status;
  auto pregnant = [](const json& list) {
    return gln::fhir::read_bundle(gln_fhir_test::collection(list), on(2026, 11, 30))
        .profile.conditions.contains(condition::pregnancy);
  };
  const json yes = status("p", "LA15173-0", "2026-11-01");
  const json no_same_day = status("n", "LA26683-5", "2026-11-01");
  CHECK(pregnant(json::array({yes, no_same_day})));
  CHECK(pregnant(json::array({no_same_day, yes})));
  CHECK(pregnant(json::array({no_same_day, status("t", "LA15173-0", "2026-11-01T08:00:00Z")})));
  CHECK(pregnant(
      json::array({status("p", "LA15173-0", "2026-11-10"), status("n", "LA26683-5", "2026-11")})));
  CHECK(pregnant(
      json::array({status("p", "LA15173-0", "2025-12-01"), status("n", "LA26683-5", "2025")})));
  // A dateTime's day where it was written and in UTC may differ: it may be either. A "not
  // pregnant" an hour before a "pregnant" written in another zone does not cancel it.
  CHECK(pregnant(json::array({status("p", "LA15173-0", "2026-11-20T23:00:00-05:00"),
                              status("n", "LA26683-5", "2026-11-21T03:00:00Z")})));
  const gln::fhir::record zones = weights(
      json::array({gln_fhir_test::weight("utc", 15.8, "kg", "2026-11-21T02:00:00Z"),
                   gln_fhir_test::weight("local", 14.9, "kg", "2026-11-20T23:30:00-10:00")}));
  REQUIRE(zones.weight);
  CHECK(zones.weight->resource == "Observation/local");
  // 2026-12-01T05:00+14:00 is 2026-11-30 in UTC: the screening day, not after it.
  const gln::fhir::record ahead = weights(
      json::array({gln_fhir_test::weight("ahead", 14.9, "kg", "2026-12-01T05:00:00+14:00")}));
  REQUIRE(ahead.weight);
  CHECK(ahead.weight->resource == "Observation/ahead");
  // A "not pregnant" certainly after the "pregnant" decides.
  CHECK_FALSE(pregnant(json::array(
      {status("p", "LA15173-0", "2026-11-10"), status("n", "LA26683-5", "2026-11-20")})));
  CHECK_FALSE(pregnant(
      json::array({status("p", "LA15173-0", "2025"), status("n", "LA26683-5", "2026-01")})));
}

// The service's weight and pregnancy prefetch asks for the newest few, newest first
// (`_sort=-date&_count=3`): a FHIR server answers a patient with more with a next page. That
// page answers when the server says it sorted newest first (its self link), its entries are in
// that order, and the status it gives is newer than any the next page can hold.
TEST_CASE("fhir: a newest-first page of weights or pregnancy statuses answers without the rest") {
  const std::string self =
      "https://example.org/fhir/Observation?patient=p&code=http://loinc.org|29463-7"
      "&_sort=-date&_count=3";
  auto page = [&](const json& resources, const std::string& self_url) {
    json bundle = gln_fhir_test::searchset(resources);
    bundle["total"] = 12;
    bundle["link"] = json::array({{{"relation", "next"}, {"url", self_url + "&page=2"}}});
    if (!self_url.empty()) bundle["link"].push_back({{"relation", "self"}, {"url", self_url}});
    return bundle;
  };
  const json newest_first = json::array({gln_fhir_test::weight("w3", 61.0, "kg", "2026-11-01"),
                                         gln_fhir_test::weight("w2", 60.0, "kg", "2026-06-01"),
                                         gln_fhir_test::weight("w1", 59.0, "kg", "2026-01-01")});
  const gln::fhir::record sorted =
      gln::fhir::read_prefetch({{"weight", page(newest_first, self)}}, on(2026, 11, 30));
  CHECK(sorted.status(section::weight).state == section_state::read);
  REQUIRE(sorted.weight);
  CHECK(sorted.weight->resource == "Observation/w3");

  // Not known to be sorted, sorted otherwise, or not in order: the next page may hold a newer
  // weight. The weight read is still the newest sent.
  const json out_of_order = json::array({gln_fhir_test::weight("w2", 60.0, "kg", "2026-06-01"),
                                         gln_fhir_test::weight("w3", 61.0, "kg", "2026-11-01"),
                                         gln_fhir_test::weight("w1", 59.0, "kg", "2026-01-01")});
  const std::string oldest_first =
      "https://example.org/fhir/Observation?patient=p&_sort=date&_count=3";
  const std::string by_id_first =
      "https://example.org/fhir/Observation?patient=p&_sort=_id,-date&_count=3";
  for (const auto& [bundle, why] : std::vector<std::pair<json, std::string>>{
           {page(newest_first, ""), "the search result has more pages"},
           {page(newest_first, oldest_first), "the search result has more pages"},
           {page(newest_first, by_id_first), "the search result has more pages"},
           {page(out_of_order, self),
            "the search result has more pages, and its entries are not newest first"}}) {
    INFO(bundle.dump());
    const gln::fhir::record r = gln::fhir::read_prefetch({{"weight", bundle}}, on(2026, 11, 30));
    CHECK(r.status(section::weight).state == section_state::incomplete);
    CHECK(r.status(section::weight).why == why);
    REQUIRE(r.weight);
    CHECK(r.weight->resource == "Observation/w3");
  }
  // Sorted, but no usable weight on it, or the usable one as old as the page's oldest (the next
  // page may hold a lower weight of that day): the weight in force is not known.
  const json unusable = json::array({gln_fhir_test::weight("s3", 9.0, "[stone_av]", "2026-11-01"),
                                     gln_fhir_test::weight("w1", 59.0, "kg", "2026-01-01")});
  const gln::fhir::record none_usable =
      gln::fhir::read_prefetch({{"weight", page(unusable, self)}}, on(2026, 11, 30));
  CHECK(none_usable.status(section::weight).state == section_state::incomplete);
  CHECK(none_usable.status(section::weight).why ==
        "the search result has more pages, and the newest usable weight may be on them");

  // Pregnancy status: a sorted page whose newest status says pregnant answers; one whose only
  // statuses say unknown does not (an earlier one on the next page decides, knowledge.md §2b).
  const auto& pregnancy_status = gln_fhir_test::pregnancy_status;
  const std::string pregnancy_self =
      "https://example.org/fhir/Observation?patient=p&code=http://loinc.org|82810-3"
      "&_sort=-date&_count=3";
  const gln::fhir::record pregnant = gln::fhir::read_prefetch(
      {{"pregnancy", page(json::array({pregnancy_status("b", "LA15173-0", "2026-11-01"),
                                       pregnancy_status("a", "LA26683-5", "2026-01-01")}),
                          pregnancy_self)}},
      on(2026, 11, 30));
  CHECK(pregnant.status(section::pregnancy_status).state == section_state::read);
  CHECK(pregnant.profile.conditions.contains(condition::pregnancy));
  // A self link with two sorts, or a sort with a modifier, does not say newest first.
  for (const char* sorts : {"&_sort=date", "&_sort:asc=date", "&_sort:desc=date"}) {
    INFO(sorts);
    const gln::fhir::record unsure = gln::fhir::read_prefetch(
        {{"pregnancy", page(json::array({pregnancy_status("b", "LA15173-0", "2026-11-01"),
                                         pregnancy_status("a", "LA26683-5", "2026-01-01")}),
                            pregnancy_self + sorts)}},
        on(2026, 11, 30));
    CHECK(unsure.status(section::pregnancy_status).state == section_state::incomplete);
  }
  const gln::fhir::record only_unknown = gln::fhir::read_prefetch(
      {{"pregnancy",
        page(json::array({pregnancy_status("u", "LA4489-6", "2026-11-01")}), pregnancy_self)}},
      on(2026, 11, 30));
  CHECK(only_unknown.status(section::pregnancy_status).state == section_state::incomplete);
  CHECK(only_unknown.status(section::pregnancy_status).why ==
        "the search result has more pages, and the newest pregnancy status that says pregnant "
        "or not may be on them");

  // Only these two sections are read newest first: conditions need every page.
  json conditions = gln_fhir_test::searchset(
      json::array({gln_fhir_test::condition("c", coding(snomed, "19943007"))}));
  conditions["link"] = json::array(
      {{{"relation", "self"}, {"url", "https://example.org/fhir/Condition?patient=p&_sort=-date"}},
       {{"relation", "next"}, {"url", "https://example.org/fhir/Condition?page=2"}}});
  CHECK_FALSE(gln::fhir::read_prefetch({{"conditions", conditions}}, on(2026, 11, 30))
                  .profile.conditions_known);
}

TEST_CASE("fhir: pregnancy status, MSG allergy, intensive care") {
  const auto& pregnancy_status = gln_fhir_test::pregnancy_status;
  // The latest status says pregnant.
  CHECK(gln::fhir::read_bundle(gln_fhir_test::collection(
                                   json::array({pregnancy_status("a", "LA26683-5", "2026-01-01"),
                                                pregnancy_status("b", "LA15173-0", "2026-11-01")})),
                               on(2026, 11, 30))
            .profile.conditions.contains(condition::pregnancy));
  // "Not pregnant" never removes a coded pregnancy.
  const gln::fhir::record coded = gln::fhir::read_bundle(
      gln_fhir_test::collection(
          json::array({gln_fhir_test::condition("p", coding(snomed, "72892002")),
                       pregnancy_status("n", "LA26683-5", "2026-11-20")})),
      on(2026, 11, 30));
  CHECK(coded.profile.conditions.contains(condition::pregnancy));
  // A later "Unknown" says nothing, so the earlier "Pregnant" stands (the unknown one replaced
  // it); a later "Not pregnant" still decides.
  const gln::fhir::record unknown_later = gln::fhir::read_bundle(
      gln_fhir_test::collection(json::array({pregnancy_status("p", "LA15173-0", "2026-11-01"),
                                             pregnancy_status("u", "LA4489-6", "2026-11-20")})),
      on(2026, 11, 30));
  CHECK(unknown_later.profile.conditions.contains(condition::pregnancy));
  REQUIRE(unknown_later.skipped.size() == 1);
  CHECK(unknown_later.skipped[0].resource == "Observation/u");
  CHECK(unknown_later.skipped[0].why == "pregnancy status neither pregnant nor not pregnant");
  CHECK_FALSE(gln::fhir::read_bundle(gln_fhir_test::collection(json::array(
                                         {pregnancy_status("p", "LA15173-0", "2026-11-01"),
                                          pregnancy_status("u", "LA4489-6", "2026-11-20"),
                                          pregnancy_status("n", "LA26683-5", "2026-11-10")})),
                                     on(2026, 11, 30))
                  .profile.conditions.contains(condition::pregnancy));

  // A status that may say pregnant but is not used (not final, undated, or an answer gln does
  // not read) leaves the pregnancy status not known; the card listed it as not used only.
  json preliminary = pregnancy_status("q", "LA15173-0", "2026-11-20");
  preliminary["status"] = "preliminary";
  json undated = pregnancy_status("q", "LA15173-0", "2026-11-20");
  undated.erase("effectiveDateTime");
  json in_words = pregnancy_status("q", "LA15173-0", "2026-11-20");
  in_words["valueCodeableConcept"] = {{"text", "Pregnant"}};
  json as_string = in_words;
  as_string.erase("valueCodeableConcept");
  as_string["valueString"] = "pregnant";
  for (const auto& [observation, why] : std::vector<std::pair<json, std::string>>{
           {preliminary, "status preliminary"},
           {undated, "no date"},
           {in_words, "a pregnancy status answer gln does not read"},
           {as_string, "a pregnancy status answer gln does not read"}}) {
    INFO(why);
    // Every other section sent, and complete: only the pregnancy status is not known.
    const json none = gln_fhir_test::searchset(json::array());
    const gln::fhir::record r = gln::fhir::read_prefetch(
        {{"patient", {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1996-01-01"}}},
         {"conditions", none},
         {"medications", none},
         {"procedures", none},
         {"allergies", none},
         {"weight", gln_fhir_test::searchset(
                        json::array({gln_fhir_test::weight("w", 60.0, "kg", "2026-11-01")}))},
         {"pregnancy", gln_fhir_test::searchset(json::array({observation}))}},
        on(2026, 11, 30));
    CHECK_FALSE(r.profile.conditions.contains(condition::pregnancy));
    CHECK(r.status(section::pregnancy_status).state == section_state::incomplete);
    CHECK(r.status(section::pregnancy_status).why ==
          "Observation/q: " + why + ", and it may say pregnant");
    REQUIRE(r.pregnancy_to_review.size() == 1);
    CHECK(r.pregnancy_to_review[0].why == why);
    // The card is no info all clear beside it, for people or for software.
    gln::fhir::record supervised = r;
    supervised.profile.oversight = gln::oversight::clinician_supervised;
    const gln::assessment a = gln::assess(supervised.profile, gln::purpose::general_recovery);
    REQUIRE(a.overall == gln::verdict::suitable);
    const auto cards = gln::fhir::cds_cards(a, supervised, nullptr);
    CHECK(cards[0]["indicator"] == "warning");
    CHECK(cards[0]["summary"] ==
          "Glutamine: pregnancy status to review, no contraindication in the record sent");
    CHECK(cards[0]["extension"]["gln"]["not_checked"].dump() == R"(["pregnancy_status"])");
  }
  // Entered in error, or cancelled: it says nothing, pregnant or not.
  for (const char* status : {"entered-in-error", "cancelled"}) {
    json withdrawn = pregnancy_status("q", "LA15173-0", "2026-11-20");
    withdrawn["status"] = status;
    const gln::fhir::record r = gln::fhir::read_prefetch(
        {{"pregnancy", gln_fhir_test::searchset(json::array({withdrawn}))}}, on(2026, 11, 30));
    CHECK(r.status(section::pregnancy_status).state == section_state::read);
    CHECK(r.pregnancy_to_review.empty());
  }
  // Sent in the weight or pregnancy search but of a code gln does not read (a height, LOINC
  // 11449-6): listed as not used, where it was passed over without a word.
  json height = gln_fhir_test::weight("h", 170.0, "cm", "2026-11-20");
  height["code"]["coding"][0]["code"] = "8302-2";
  json reported = pregnancy_status("q", "LA15173-0", "2026-11-20");
  reported["code"]["coding"][0]["code"] = "11449-6";
  for (const auto& [key, observation] :
       std::vector<std::pair<std::string, json>>{{"weight", height}, {"pregnancy", reported}}) {
    INFO(key);
    const gln::fhir::record r = gln::fhir::read_prefetch(
        {{key, gln_fhir_test::searchset(json::array({observation}))}}, on(2026, 11, 30));
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].why == "its code names no body weight or pregnancy status gln reads");
    // A status sent as the pregnancy status, under the reported status's code (11449-6), that
    // says pregnant leaves it not known (it was dropped, beside an all clear); a height says
    // nothing of it.
    CHECK(r.pregnancy_to_review.size() == (key == "pregnancy" ? 1U : 0U));
  }
  // One that cannot say pregnant says nothing: not pregnant, or unknown, not used.
  json not_pregnant = pregnancy_status("q", "LA26683-5", "2026-11-20");
  not_pregnant["status"] = "preliminary";
  for (const json& observation : {not_pregnant, pregnancy_status("u", "LA4489-6", "2026-11-20")}) {
    CHECK(
        gln::fhir::read_prefetch(
            {{"pregnancy", gln_fhir_test::searchset(json::array({observation}))}}, on(2026, 11, 30))
            .status(section::pregnancy_status)
            .state == section_state::read);
  }

  const json msg = {
      {"resourceType", "AllergyIntolerance"},
      {"id", "msg"},
      {"clinicalStatus", gln_fhir_test::status("active", gln_fhir_test::allergy_clinical)},
      {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};
  auto icu = [](const std::string& day) {
    return json{{"resourceType", "Procedure"},
                {"id", "icu"},
                {"status", "completed"},
                {"code", {{"coding", json::array({coding(snomed, "305351004")})}}},
                {"performedDateTime", day}};
  };
  const gln::fhir::record r = gln::fhir::read_bundle(
      gln_fhir_test::collection(json::array({msg, icu("2026-11-05")})), on(2026, 11, 30));
  CHECK(r.profile.conditions ==
        gln::condition_set{condition::msg_sensitivity, condition::recent_icu_stay});
  CHECK_FALSE(gln::fhir::read_bundle(gln_fhir_test::collection(json::array({icu("2026-10-20")})),
                                     on(2026, 11, 30))
                  .profile.conditions.contains(condition::recent_icu_stay));  // 41 days
}

TEST_CASE("fhir: an order: glutamine, its purpose, its regimen") {
  auto order = [](const json& code_coding, const json& extra = json::object()) {
    json o = gln_fhir_test::medication_request("draft", code_coding, "draft");
    const json dose = {
        {"value", 10}, {"unit", "g"}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
    const json timing = {{"repeat", {{"frequency", 2}, {"period", 1}, {"periodUnit", "d"}}}};
    o["dosageInstruction"] = json::array(
        {{{"timing", timing}, {"doseAndRate", json::array({{{"doseQuantity", dose}}})}}});
    o.update(extra);
    return o;
  };
  gln::fhir::reader reader(on(2026, 11, 30));
  const gln::fhir::record none{};
  const auto endari = gln::fhir::read_order(
      reader, none, order(coding("http://hl7.org/fhir/sid/ndc", "42457-420")));
  CHECK(endari.glutamine);
  CHECK(endari.purpose == gln::purpose::sickle_cell_disease);
  REQUIRE(endari.regimen);
  CHECK(endari.regimen->per_dose.value() == 10.0);
  CHECK(endari.regimen->doses_per_day == 2);
  const auto generic = gln::fhir::read_order(reader, none, order(coding(rxnorm, "1869684")));
  CHECK(generic.glutamine);
  CHECK(generic.purpose == gln::purpose::general_recovery);
  // A MedicationStatement gives its dose in `dosage` (FHIR R4), which was not read: the dose of
  // a glutamine statement went unchecked. `dosageInstruction` is no element of it.
  json statement = order(coding(rxnorm, "1869684"));
  statement["resourceType"] = "MedicationStatement";
  statement["dosage"] = statement["dosageInstruction"];
  statement.erase("dosageInstruction");
  const auto stated = gln::fhir::read_order(reader, none, statement);
  REQUIRE(stated.regimen);
  CHECK(stated.regimen->per_dose.value() == 10.0);
  CHECK(stated.regimen->doses_per_day == 2);
  statement["dosageInstruction"] = statement["dosage"];
  statement.erase("dosage");
  const auto misnamed = gln::fhir::read_order(reader, none, statement);
  CHECK_FALSE(misnamed.regimen);
  CHECK(misnamed.regimen_text == "the statement gives no dosage");
  // A product named by brand only, under a local code gln does not know: the brand's label.
  const json local = coding("http://example.org/formulary", "GLN-5");
  json by_name = order(local);
  by_name["medicationCodeableConcept"]["text"] = "ENDARI 5 g oral powder packet";
  const auto endari_by_name = gln::fhir::read_order(reader, none, by_name);
  CHECK(endari_by_name.glutamine);
  CHECK(endari_by_name.purpose == gln::purpose::sickle_cell_disease);
  CHECK(endari_by_name.purpose_reason ==
        "the order names Endari, labelled for sickle_cell_disease");
  const auto nutrestore = gln::fhir::read_order(
      reader, none, order(coding("http://example.org/formulary", "GLN-6", "NutreStore powder")));
  CHECK(nutrestore.glutamine);
  CHECK(nutrestore.purpose == gln::purpose::short_bowel_syndrome);
  // An order that names its product only in a medicationReference's display (the Medication
  // was not sent).
  json referenced = order(local);
  referenced.erase("medicationCodeableConcept");
  referenced["medicationReference"] = {{"reference", "Medication/not-sent"}, {"display", "Endari"}};
  const auto endari_by_reference = gln::fhir::read_order(reader, none, referenced);
  CHECK(endari_by_reference.glutamine);
  CHECK(endari_by_reference.purpose == gln::purpose::sickle_cell_disease);
  referenced["medicationReference"]["display"] = "Metformin 500 mg";
  CHECK_FALSE(gln::fhir::read_order(reader, none, referenced).glutamine);
  json plain = order(local);
  plain["medicationCodeableConcept"]["text"] = "L-glutamine powder";
  const auto by_text = gln::fhir::read_order(reader, none, plain);
  CHECK(by_text.glutamine);
  CHECK(by_text.purpose == gln::purpose::general_recovery);
  CHECK(by_text.purpose_reason.find("names no prescription glutamine (Endari, NutreStore)") !=
        std::string::npos);
  // The reason code names the indication: sickle cell disease (SNOMED 127040003).
  const auto reason = gln::fhir::read_order(
      reader, none,
      order(coding(rxnorm, "1869684"),
            {{"reasonCode",
              json::array({{{"coding", json::array({coding(snomed, "127040003")})}}})}}));
  CHECK(reason.purpose == gln::purpose::sickle_cell_disease);
  CHECK(reason.purpose_reason.find("127040003") != std::string::npos);
  // mg, every 8 hours.
  json tid = order(coding(rxnorm, "1869684"));
  tid["dosageInstruction"][0]["timing"]["repeat"] = {
      {"frequency", 1}, {"period", 8}, {"periodUnit", "h"}};
  tid["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"] = {
      {"value", 5000}, {"system", "http://unitsofmeasure.org"}, {"code", "mg"}};
  const auto every_8h = gln::fhir::read_order(reader, none, tid);
  REQUIRE(every_8h.regimen);
  CHECK(every_8h.regimen->per_dose.value() == 5.0);
  CHECK(every_8h.regimen->doses_per_day == 3);
  // A duration in days is weeks; in months it is not converted, and the text says so.
  json days = order(coding(rxnorm, "1869684"));
  days["dosageInstruction"][0]["timing"]["repeat"]["boundsDuration"] = {
      {"value", 84}, {"system", "http://unitsofmeasure.org"}, {"code", "d"}};
  const auto twelve_weeks = gln::fhir::read_order(reader, none, days);
  REQUIRE(twelve_weeks.regimen);
  CHECK(twelve_weeks.regimen->weeks == 12.0);
  CHECK(twelve_weeks.regimen_text == "10 g x 2 a day (20 g/day) for 12 weeks");
  days["dosageInstruction"][0]["timing"]["repeat"]["boundsDuration"]["code"] = "mo";
  const auto months = gln::fhir::read_order(reader, none, days);
  REQUIRE(months.regimen);
  CHECK_FALSE(months.regimen->weeks);
  CHECK(months.regimen_text ==
        "10 g x 2 a day (20 g/day); its duration unit 'mo' is not d or wk, "
        "so the duration was not checked");
  // Nor is a duration with a comparator (">16 wk" is longer), without a number, or given as a
  // boundsRange, boundsPeriod or count: each was read as no duration without a word.
  const std::pair<const char*, json> unread_durations[] = {
      {"boundsDuration", {{"value", 16}, {"comparator", ">"}, {"code", "wk"}}},
      {"boundsDuration", {{"value", "200"}, {"code", "d"}}},
      {"boundsRange",
       {{"low", {{"value", 4}, {"code", "wk"}}}, {"high", {{"value", 52}, {"code", "wk"}}}}},
      {"boundsPeriod", {{"start", "2026-12-01"}, {"end", "2027-12-01"}}},
      {"count", 720},
  };
  const std::string not_checked_by[] = {
      "; its duration has a comparator, so the duration was not checked",
      "; its duration gives no number, so the duration was not checked",
      "; its duration is given as boundsRange, which is not read, so the duration was not checked",
      "; its duration is given as boundsPeriod, which is not read, so the duration was not checked",
      "; its duration is given as count, which is not read, so the duration was not checked",
  };
  for (std::size_t i = 0; i < std::size(unread_durations); ++i) {
    json unread = order(coding(rxnorm, "1869684"));
    unread["dosageInstruction"][0]["timing"]["repeat"][unread_durations[i].first] =
        unread_durations[i].second;
    INFO(unread_durations[i].second.dump());
    const auto r = gln::fhir::read_order(reader, none, unread);
    REQUIRE(r.regimen);
    CHECK_FALSE(r.regimen->weeks);
    CHECK(r.regimen_text == "10 g x 2 a day (20 g/day)" + not_checked_by[i]);
  }
  // A dose in scoops is not read: no regimen, and why.
  json scoops = order(coding(rxnorm, "1869684"));
  scoops["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"] = {{"value", 2},
                                                                      {"unit", "scoop"}};
  const auto unread = gln::fhir::read_order(reader, none, scoops);
  CHECK_FALSE(unread.regimen);
  CHECK(unread.regimen_text == "the order's dose unit 'scoop' is not g or mg");
  // Not glutamine.
  CHECK_FALSE(gln::fhir::read_order(
                  reader, none, order(coding(rxnorm, "311289", "levETIRAcetam 500 MG Oral Tablet")))
                  .glutamine);
}

// How often and how much an order gives, read the larger way where FHIR allows two readings:
// the times of day a timing lists, the largest of several doses; a timing by its code.
TEST_CASE("fhir: an order's doses a day and dose, the larger reading") {
  const json grams2 = {{"value", 2}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
  const json grams8 = {{"value", 8}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
  const json packet = {{"value", 1}, {"unit", "packet"}};
  auto order = [&](const json& timing, const json& doses) {
    json o = gln_fhir_test::medication_request("draft", coding(rxnorm, "1869684"), "draft");
    o["dosageInstruction"] = json::array({{{"timing", timing}, {"doseAndRate", doses}}});
    return o;
  };
  auto one = [](const json& dose) { return json::array({{{"doseQuantity", dose}}}); };
  const json daily = {{"repeat", {{"frequency", 1}, {"period", 1}, {"periodUnit", "d"}}}};
  gln::fhir::reader reader(on(2026, 11, 30));
  const gln::fhir::record none{};
  auto read = [&](const json& o) { return gln::fhir::read_order(reader, none, o); };

  json two_times = daily;
  two_times["repeat"]["timeOfDay"] = json::array({"08:00:00", "20:00:00"});
  json two_whens = daily;
  two_whens["repeat"]["when"] = json::array({"MORN", "NIGHT"});
  for (const json& timing : {two_times, two_whens}) {
    INFO(timing.dump());
    const auto r = read(order(timing, one(grams8)));
    REQUIRE(r.regimen);
    CHECK(r.regimen->doses_per_day == 2);
    CHECK(r.regimen->per_day().value() == 16.0);
  }
  // The times of day are doses on a day it is taken, whatever the period: 8 g at 08:00 and
  // 20:00 every other day, or every 24 hours, is 16 g on such a day.
  json every_other_day = two_times;
  every_other_day["repeat"]["period"] = 2;
  json hourly_period = daily;
  hourly_period["repeat"]["period"] = 24;
  hourly_period["repeat"]["periodUnit"] = "h";
  hourly_period["repeat"]["timeOfDay"] = json::array({"08:00:00", "14:00:00", "20:00:00"});
  json weekly = {{"repeat", {{"frequency", 7}, {"period", 1}, {"periodUnit", "wk"}}}};
  weekly["repeat"]["timeOfDay"] = json::array({"08:00:00", "20:00:00"});
  CHECK(read(order(every_other_day, one(grams8))).regimen->doses_per_day == 2);
  CHECK(read(order(hourly_period, one(grams8))).regimen->doses_per_day == 3);
  CHECK(read(order(weekly, one(grams8))).regimen->doses_per_day == 2);
  // frequencyMax is the most doses; one below frequency contradicts it: the larger is read.
  json up_to_three = daily;
  up_to_three["repeat"]["frequencyMax"] = 3;
  CHECK(read(order(up_to_three, one(grams2))).regimen->doses_per_day == 3);
  json max_below = daily;
  max_below["repeat"]["frequency"] = 4;
  max_below["repeat"]["frequencyMax"] = 1;
  CHECK(read(order(max_below, one(grams2))).regimen->doses_per_day == 4);
  // periodMax shorter than period: twice every 1-2 days read as twice every 2 days before.
  json period_max = daily;
  period_max["repeat"]["frequency"] = 2;
  period_max["repeat"]["period"] = 2;
  period_max["repeat"]["periodMax"] = 1;
  CHECK(read(order(period_max, one(grams2))).regimen->doses_per_day == 2);
  // Events: four on one day are four doses that day, beside a repeat of two.
  json events = daily;
  events["repeat"]["frequency"] = 2;
  events["event"] =
      json::array({"2026-12-01T08:00:00Z", "2026-12-01T12:00:00Z", "2026-12-01T16:00:00Z",
                   "2026-12-01T20:00:00Z", "2026-12-02T08:00:00Z"});
  CHECK(read(order(events, one(grams2))).regimen->doses_per_day == 4);
  // A dose range whose low end is above its high end: the larger.
  const auto inverted =
      read(order(daily, json::array({{{"doseRange", {{"low", grams8}, {"high", grams2}}}}})));
  REQUIRE(inverted.regimen);
  CHECK(inverted.regimen->per_dose.value() == 8.0);
  // Not read, so the dose is not checked: a frequency that is no number (a string "3", or null,
  // read as once a day), a dose with a comparator (`>` 8 g is more than 8 g), in a system other
  // than UCUM, or whose unit text and UCUM code disagree (unit g, code mg read as 30 mg).
  json string_frequency = daily;
  string_frequency["repeat"]["frequency"] = "3";
  json null_frequency = daily;
  null_frequency["repeat"]["frequency"] = nullptr;
  json string_max = daily;
  string_max["repeat"]["frequencyMax"] = "6";
  json more_than = grams8;
  more_than["comparator"] = ">";
  const json other_system = {
      {"value", 8}, {"unit", "g"}, {"system", "http://example.org/units"}, {"code", "g"}};
  const json disagree = {
      {"value", 30}, {"unit", "g"}, {"system", "http://unitsofmeasure.org"}, {"code", "mg"}};
  const json worded_disagree = {
      {"value", 10}, {"unit", "gram"}, {"system", "http://unitsofmeasure.org"}, {"code", "mg"}};
  const json no_system_disagree = {{"value", 10}, {"unit", "mg"}, {"code", "g"}};
  json period_max_text = daily;
  period_max_text["repeat"]["periodMax"] = "1";

  const std::vector<std::pair<json, std::string>> not_read = {
      {order(string_frequency, one(grams2)), "the order's timing frequency is not a number"},
      {order(null_frequency, one(grams2)), "the order's timing frequency is not a number"},
      {order(string_max, one(grams2)), "the order's timing frequencyMax is not a number"},
      {order(daily, one(more_than)), "the order's dose has a comparator ('>')"},
      {order(daily, one(other_system)),
       "the order's dose unit system 'http://example.org/units' is not UCUM"},
      {order(daily, one(disagree)), "the order's dose unit 'g' and code 'mg' disagree"},
      {order(daily, one(worded_disagree)), "the order's dose unit 'gram' and code 'mg' disagree"},
      {order(daily, one(no_system_disagree)), "the order's dose unit 'mg' and code 'g' disagree"},
      {order(period_max_text, one(grams2)),
       "the order's timing periodMax is not a positive number"},
  };
  for (const auto& [o, problem] : not_read) {
    INFO(o.dump());
    const auto r = read(o);
    CHECK_FALSE(r.regimen);
    CHECK(r.regimen_text == problem);
  }
  // The most an order allows, where more than its dose (as needed, up to 60 g a day), is what may
  // be given: the dose is not checked (it was read as 2 g once a day). No more than the dose:
  // read as before.
  auto capped = [&](const char* field, const json& most) {
    json o = order(daily, one(grams2));
    o["dosageInstruction"][0][field] = most;
    return read(o);
  };
  auto per = [](const json& amount, double count, const char* unit) {
    return json{{"numerator", amount},
                {"denominator",
                 {{"value", count}, {"system", "http://unitsofmeasure.org"}, {"code", unit}}}};
  };
  const json grams60 = {{"value", 60}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
  const std::vector<std::pair<gln::fhir::order_reading, std::string>> above = {
      {capped("maxDosePerAdministration", grams8),
       "the order allows up to 8 g a dose (maxDosePerAdministration), more than its dose"},
      {capped("maxDosePerPeriod", per(grams60, 1, "d")),
       "the order allows up to 60 g a day (maxDosePerPeriod), more than its dose"},
      {capped("maxDosePerPeriod", json::array({per(grams2, 1, "d"), per(grams60, 1, "wk")})),
       "the order allows up to 8.57143 g a day (maxDosePerPeriod), more than its dose"},
      {capped("maxDosePerPeriod", per(grams60, 1, "mo")),
       "the order's maxDosePerPeriod period is not h, d or wk without a comparator"},
      {capped("maxDosePerPeriod",
              [&] {
                json under_a_day = per(grams2, 1, "d");  // "< 1 d": more than 2 g a day
                under_a_day["denominator"]["comparator"] = "<";
                return under_a_day;
              }()),
       "the order's maxDosePerPeriod period is not h, d or wk without a comparator"},
      {capped("maxDosePerAdministration", packet),
       "the order's dose unit 'packet' is not g or mg (maxDosePerAdministration)"},
  };
  for (const auto& [reading, problem] : above) {
    CHECK_FALSE(reading.regimen);
    CHECK(reading.regimen_text == problem);
  }
  CHECK(capped("maxDosePerAdministration", grams2).regimen);
  CHECK(capped("maxDosePerPeriod", per(grams2, 1, "d")).regimen);
  CHECK(capped("maxDosePerPeriod", per(grams8, 4, "d")).regimen);
  // A unit text that only names the unit in words beside the UCUM code is read by the code.
  const json worded = {{"value", 500},
                       {"unit", "milligram"},
                       {"system", "http://unitsofmeasure.org"},
                       {"code", "mg"}};
  REQUIRE(read(order(daily, one(worded))).regimen);
  CHECK(read(order(daily, one(worded))).regimen->per_dose.value() == 0.5);

  const auto both =
      read(order(daily, json::array({{{"doseQuantity", grams2}}, {{"doseQuantity", grams8}}})));
  REQUIRE(both.regimen);
  CHECK(both.regimen->per_dose.value() == 8.0);
  // A negative or zero amount is kept as given, beside a valid one too: the dose check refuses it
  // (it read as 0 g alone, and beside 8 g as 8 g).
  const json minus10 = {{"value", -10}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
  const json zero = {{"value", 0}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
  for (const json& doses :
       {one(minus10), json::array({{{"doseQuantity", grams8}}, {{"doseQuantity", minus10}}})}) {
    INFO(doses.dump());
    const auto negative = read(order(daily, doses));
    REQUIRE(negative.regimen);
    CHECK(negative.regimen->per_dose.value() == -10.0);
    CHECK(negative.regimen_text == "-10 g x 1 a day (-10 g/day)");
    const gln::dose_check check =
        gln::check_dose(gln::profile{}, gln::purpose::general_recovery, *negative.regimen);
    CHECK(check.findings.contains(gln::rule::input_invalid));
  }
  // So are a frequency or frequencyMax below 1 (FHIR's are positive integers), whatever the rest
  // says, and far more doses a day than the check allows (up to what an int holds): each read
  // as "not a whole number of doses a day", a dose not checked.
  const std::pair<json, int> refused_timings[] = {
      {{{"frequency", 0}}, 0},
      {{{"frequency", -1}}, -1},
      {{{"frequency", 0.5}}, 0},
      {{{"frequency", -1e300}}, 0},
      {{{"frequencyMax", 0}}, 0},
      {{{"frequency", 2}, {"frequencyMax", -3}}, -3},
      {{{"frequency", 1001}}, 1001},
      {{{"frequency", 1e9}}, 1000000000},
      {{{"frequency", 2147483648.0}}, 2147483647},
      {{{"frequency", 1}, {"period", 0.001}, {"periodUnit", "h"}}, 24000},
  };
  for (const auto& [repeat, doses] : refused_timings) {
    json timing = daily;
    timing["repeat"].update(repeat);
    INFO(timing.dump());
    const auto r = read(order(timing, one(grams8)));
    REQUIRE(r.regimen);
    CHECK(r.regimen->doses_per_day == doses);
    CHECK(r.regimen_text.rfind("8 g x " + std::to_string(doses) + " a day (", 0) == 0);
    const gln::dose_check check =
        gln::check_dose(gln::profile{}, gln::purpose::general_recovery, *r.regimen);
    CHECK(check.findings.contains(gln::rule::input_invalid));
    CHECK(check.overall == gln::verdict::avoid);
  }
  const auto zero_and_two =
      read(order(daily, json::array({{{"doseQuantity", zero}}, {{"doseQuantity", grams2}}})));
  REQUIRE(zero_and_two.regimen);
  CHECK(zero_and_two.regimen->per_dose.value() == 0.0);
  const auto unreadable =
      read(order(daily, json::array({{{"doseQuantity", grams8}}, {{"doseQuantity", packet}}})));
  CHECK_FALSE(unreadable.regimen);
  CHECK(unreadable.regimen_text == "the order's dose unit 'packet' is not g or mg");

  const json qid = {
      {"code",
       {{"coding", json::array({coding("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation",
                                       "QID")})}}}};
  const auto by_code = read(order(qid, one(grams2)));
  REQUIRE(by_code.regimen);
  CHECK(by_code.regimen->doses_per_day == 4);
  // A repeat and a code, or codings that differ: the most doses any of them says.
  json repeat_and_code = daily;
  repeat_and_code["code"] = {{"text", "QID"}};
  CHECK(read(order(repeat_and_code, one(grams2))).regimen->doses_per_day == 4);
  const json codes = {{"code",
                       {{"text", "BID"},
                        {"coding", json::array({coding("http://example.org", "QID"),
                                                coding("http://example.org", "BID")})}}}};
  CHECK(read(order(codes, one(grams2))).regimen->doses_per_day == 4);
  const auto quantity_and_range = read(
      order(daily, json::array({{{"doseQuantity", grams2}, {"doseRange", {{"high", grams8}}}}})));
  CHECK_FALSE(quantity_and_range.regimen);
  CHECK(quantity_and_range.regimen_text ==
        "the order gives a doseQuantity and a doseRange in one dose");
  // A code in lower case is read as in upper case (the larger way); a code that is no
  // CodeableConcept is not read at all.
  json lower_qid = daily;
  lower_qid["code"] = {
      {"coding",
       json::array({coding("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "qid")})}};
  CHECK(read(order(lower_qid, one(grams2))).regimen->doses_per_day == 4);
  json plain_code = daily;
  plain_code["code"] = "TID";
  const auto plain = read(order(plain_code, one(grams2)));
  CHECK_FALSE(plain.regimen);
  CHECK(plain.regimen_text == "the order's timing code is not a CodeableConcept");
  const json qod = {{"code", {{"text", "QOD"}}}};
  const auto every_other = read(order(qod, one(grams2)));
  CHECK_FALSE(every_other.regimen);
  CHECK(every_other.regimen_text.find("timing code") != std::string::npos);
}

// An order whose dose could not be read was screened, not dose-checked: its card is never info.
// Weights sent but none usable, or an empty search: the weight is unknown, and the card says the
// per-kg checks were not made (it said nothing: only a weight not sent was named).
TEST_CASE("fhir: cards: weights sent but none usable are named as not checked") {
  const std::string not_checked =
      "weight (the per-kg ceilings and the weight-based doses): no usable body weight was sent";
  auto lines_for = [](const json& weights) {
    const gln::fhir::record r =
        gln::fhir::read_prefetch({{"weight", gln_fhir_test::searchset(weights)}}, on(2026, 11, 30));
    CHECK(r.known(gln::fhir::section::weight));
    return gln::fhir::detail::not_checked_lines(r);
  };
  for (const json& weights :
       {json::array({gln_fhir_test::weight("stone", 11.0, "[stone_av]", "2026-11-01")}),
        json::array()}) {
    INFO(weights.dump());
    const std::vector<std::string> lines = lines_for(weights);
    CHECK(std::find(lines.begin(), lines.end(), not_checked) != lines.end());
  }
  const std::vector<std::string> usable =
      lines_for(json::array({gln_fhir_test::weight("kg", 30.0, "kg", "2026-11-01")}));
  CHECK(std::find(usable.begin(), usable.end(), not_checked) == usable.end());
}

// The patient's own record beside another patient's: the age is read from hers and checked, so
// the card does not call it not checked (it did, beside an age it had used); the other record is
// not used and says so. Without her record, the age is not checked.
TEST_CASE("fhir: cards: the age is listed as not checked exactly where it is unknown") {
  const json patient = {{"resourceType", "Patient"}, {"id", "p1"}, {"birthDate", "1970-05-01"}};
  json other = patient;
  other["id"] = "p2";
  gln::fhir::read_options options = on(2026, 11, 30);
  options.patient_id = "p1";
  const gln::fhir::record both = gln::fhir::read_prefetch(
      {{"patient", gln_fhir_test::searchset(json::array({patient, other}))}}, options);
  CHECK(both.profile.age_years == gln::optional<double>{56.0});
  CHECK(both.status(section::patient).state == gln::fhir::section_state::incomplete);
  REQUIRE(both.skipped.size() == 1);
  CHECK(both.skipped[0].why == "it is about Patient/p2, not Patient/p1");
  for (const std::string& line : gln::fhir::detail::not_checked_lines(both)) {
    CHECK(line.rfind("patient", 0) == std::string::npos);
  }
  // A patient search with no Patient of hers, or no birth date that can be read: the age was
  // not checked either (the card said nothing of it), and no birth date is "no usable" one.
  json unreadable = patient;
  unreadable["birthDate"] = "20x0-01-01";
  for (const json& sent : {json::array(), json::array({unreadable})}) {
    INFO(sent.dump());
    const gln::fhir::record r =
        gln::fhir::read_prefetch({{"patient", gln_fhir_test::searchset(sent)}}, options);
    CHECK_FALSE(r.profile.age_years);
    const std::vector<std::string> said = gln::fhir::detail::not_checked_lines(r);
    CHECK(std::find(said.begin(), said.end(), "patient (age): no usable birth date was sent") !=
          said.end());
  }
  gln::fhir::record undated = gln::fhir::read_prefetch(
      {{"patient", gln_fhir_test::searchset(json::array({unreadable}))}}, options);
  undated.profile.oversight = gln::oversight::clinician_supervised;
  const auto undated_cards = gln::fhir::cds_cards(
      gln::assess(undated.profile, gln::purpose::general_recovery), undated, nullptr);
  CHECK(undated_cards[0]["detail"].get<std::string>().find(
            "From the record: Patient/p1 \"no usable birth date\"") != std::string::npos);

  const gln::fhir::record alone = gln::fhir::read_prefetch(
      {{"patient", gln_fhir_test::searchset(json::array({other}))}}, options);
  CHECK_FALSE(alone.profile.age_years);
  const std::vector<std::string> lines = gln::fhir::detail::not_checked_lines(alone);
  CHECK(
      std::find(lines.begin(), lines.end(),
                "patient (age): incomplete: Patient/p2: it is about Patient/p2, not Patient/p1") !=
      lines.end());
}

// An active allergy gln has no rule for (glutamine itself, MSG in words): the card lists it for
// review, as it lists the conditions gln does not map, where before it said nothing of it.
TEST_CASE("fhir: cards: active allergies gln does not check are listed for review") {
  json glutamine = {
      {"resourceType", "AllergyIntolerance"},
      {"id", "a1"},
      {"clinicalStatus", gln_fhir_test::status("active", gln_fhir_test::allergy_clinical)},
      {"code", {{"text", "L-glutamine (Endari)"}}}};
  json resolved = glutamine;
  resolved["id"] = "a2";
  resolved["clinicalStatus"] = gln_fhir_test::status("resolved", gln_fhir_test::allergy_clinical);
  const json msg = {{"resourceType", "AllergyIntolerance"},
                    {"id", "msg"},
                    {"code", {{"coding", json::array({coding(snomed, "75665004")})}}}};
  const gln::fhir::record r = gln::fhir::read_prefetch(
      {{"allergies", gln_fhir_test::searchset(json::array({glutamine, resolved, msg}))}},
      on(2026, 11, 30));
  REQUIRE(r.unmapped_allergies.size() == 1);
  CHECK(r.unmapped_allergies[0].resource == "AllergyIntolerance/a1");
  CHECK(r.unmapped_allergies[0].text == "L-glutamine (Endari)");
  gln::profile person = r.profile;
  person.set_age(40);
  person.conditions = gln::condition_set{};  // the MSG sensitivity is a caution of its own
  person.conditions_known = true;
  person.medications_known = true;
  const gln::assessment nothing_found = gln::assess(person, gln::purpose::general_recovery);
  REQUIRE(nothing_found.overall == gln::verdict::suitable);
  const auto cards = gln::fhir::cds_cards(nothing_found, r, nullptr);
  REQUIRE_FALSE(cards.empty());
  // Never an "info" all clear beside an allergy no rule looked at.
  CHECK(cards[0]["indicator"] == "warning");
  CHECK(cards[0]["summary"] ==
        "Glutamine: allergies to review, no contraindication in the record sent");
  // For software too; beside the sections not sent (only the allergies were).
  CHECK(cards[0]["extension"]["gln"]["not_checked"] ==
        nlohmann::ordered_json::array({"conditions", "medications", "procedures",
                                       "pregnancy_status", "weight", "age", "allergies"}));
  CHECK(cards[0]["detail"].get<std::string>().find(
            "**Active allergies gln does not check** (review them): AllergyIntolerance/a1 "
            "\"L-glutamine (Endari)\"") != std::string::npos);
}

// The record's weight as the card states it: one decimal, and a value too large for that in full
// (1e308 kg was cut to the buffer as "1000000000000000010979063629440").
TEST_CASE("fhir: cards: the weight read is stated as recorded, however large") {
  gln::fhir::record r{};
  r.weight = gln::fhir::weight_reading{
      72.5, 72.5, "kg", gln::fhir::date{2026, 11, 1}, 29, "Observation/w1"};
  CHECK(gln::fhir::detail::record_markdown(r).find("Weight: 72.5 kg, 2026-11-01, 29 days old") !=
        std::string::npos);
  for (const double huge : {1e308, -1e308}) {
    r.weight->kilograms = huge;
    r.weight->value = huge;
    char expected[64];
    std::snprintf(expected, sizeof expected, "Weight: %.17g kg,", huge);
    CHECK(gln::fhir::detail::record_markdown(r).find(expected) != std::string::npos);
  }
}

TEST_CASE("fhir: cards: an order whose dose was not read is a warning, never an all clear") {
  gln::fhir::record r{};
  r.profile.set_age(40);
  r.profile.oversight = gln::oversight::clinician_supervised;
  gln::fhir::order_reading order{};
  order.resource = "MedicationRequest/draft-1";
  order.regimen_text = "the order gives several dosage instructions";
  const gln::assessment plain = gln::assess(r.profile, gln::purpose::general_recovery);
  REQUIRE(plain.overall == gln::verdict::suitable);
  const auto cards = gln::fhir::cds_cards(plain, r, &order);
  CHECK(cards[0]["indicator"] == "warning");
  CHECK(cards[0]["summary"] ==
        "Glutamine: dose not checked, no contraindication in the record sent");
  CHECK(cards[0]["detail"].get<std::string>().find(
            "Dose: not checked: the order gives several dosage instructions") != std::string::npos);
  // Nor was the weight sent: the card says what that leaves unchecked.
  CHECK(cards[0]["detail"].get<std::string>().find(
            "weight (the per-kg ceilings and the weight-based doses): no body weight Observation "
            "data was sent") != std::string::npos);
  // For software too (the extension said only "suitable" and "ok"): the dose, then each
  // section not sent (none was; the age was given).
  const nlohmann::ordered_json not_sent = nlohmann::ordered_json::array(
      {"conditions", "medications", "procedures", "allergies", "pregnancy_status", "weight"});
  nlohmann::ordered_json with_dose = nlohmann::ordered_json::array({"dose"});
  with_dose.insert(with_dose.end(), not_sent.begin(), not_sent.end());
  CHECK(cards[0]["extension"]["gln"]["not_checked"] == with_dose);
  order.regimen = gln::regimen{gln::grams{5.0}, 1, gln::nullopt};
  const auto dosed = gln::fhir::cds_cards(plain, r, &order);
  CHECK(dosed[0]["indicator"] == "info");
  CHECK(dosed[0]["extension"]["gln"]["not_checked"] == not_sent);
  // With every section read and a weight, nothing is left unchecked.
  for (auto& status : r.sections) status = gln::fhir::section_status{section_state::read, {}};
  r.weight = gln::fhir::weight_reading{70.0, 70.0,           "kg", gln::fhir::date{2026, 11, 1},
                                       29,   "Observation/w"};
  CHECK_FALSE(
      gln::fhir::cds_cards(plain, r, &order)[0]["extension"]["gln"].contains("not_checked"));
}

TEST_CASE("fhir: DetectedIssue for each finding") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test01.json");
  if (!path) return;
  const json bundle = gln_fhir_test::read_json(*path);
  gln::fhir::reader reader(on(2026, 11, 30));
  reader.add_bundle(bundle);
  gln::fhir::record r = reader.read();
  r.profile.oversight = gln::oversight::clinician_supervised;
  gln::fhir::order_reading order{};
  order.resource = "MedicationRequest/draft-1";
  order.text = "L-glutamine oral powder";
  const gln::assessment a =
      gln::assess(r.profile, gln::purpose::general_recovery, gln::regimen{gln::grams{5.0}, 2, {}});
  const auto issues = gln::fhir::detected_issues(a, r, &order);
  REQUIRE(issues.size() == 5);
  const auto& kidney = issues.front();
  CHECK(kidney["resourceType"] == "DetectedIssue");
  CHECK(kidney["status"] == "final");
  CHECK(kidney["code"]["text"] == "contra.severe_kidney_disease");
  CHECK(kidney["severity"] == "high");
  CHECK(kidney["patient"]["reference"] == "Patient/test01");
  CHECK(kidney["identifiedDateTime"] == "2026-11-30");
  CHECK(kidney["author"]["reference"] == "#gln");
  CHECK(kidney["contained"][0]["resourceType"] == "Device");
  CHECK(kidney["contained"][0]["version"][0]["value"] == std::string(gln::version));
  CHECK(kidney["implicated"][0]["reference"] == "MedicationRequest/draft-1");
  CHECK(kidney["evidence"][0]["code"][0]["coding"][0]["code"] == "431857002");
  CHECK(kidney["evidence"][0]["detail"][0]["reference"].get<std::string>().rfind("Condition/", 0) ==
        0);
  // The first source of contra.severe_kidney_disease with a DOI: REDOXS (knowledge.md §1).
  CHECK(kidney["reference"] == "https://doi.org/10.1056/NEJMoa1212722");
  CHECK(kidney["detail"] == std::string(a.findings.first()->reason().view()));
  // Severity follows the reported level: the kidney-disease caution is low, the note has none.
  CHECK(issues[1]["severity"] == "low");
  CHECK_FALSE(issues[4].contains("severity"));
  for (std::size_t i = 0; i < issues.size(); ++i) keep(issues[i], "test01-" + std::to_string(i));
}

TEST_CASE("fhir: DetectedIssues for every Synthea record, kept for the schema validation") {
  for (const char* patient : gln_fhir_test::patients) {
    const auto path = gln_fhir_test::shared_file(std::string("fhir/synthea/") + patient + ".json");
    if (!path) return;
    gln::fhir::record r = gln::fhir::read_bundle(gln_fhir_test::read_json(*path), on(2026, 11, 30));
    r.profile.oversight = gln::oversight::clinician_supervised;
    const gln::assessment a = gln::assess(r.profile, gln::purpose::sickle_cell_disease,
                                          gln::regimen{gln::grams{15.0}, 2, 12.0});
    std::size_t i = 0;
    for (const auto& issue : gln::fhir::detected_issues(a, r)) {
      CHECK(issue["detail"].get<std::string>().size() > 0);
      keep(issue, std::string(patient) + "-sickle-" + std::to_string(i++));
    }
    CHECK(i == static_cast<std::size_t>(std::distance(a.findings.begin(), a.findings.end())));
  }
}

TEST_CASE(
    "fhir: cards: summary, indicator, suggestion, override reasons, the could-not-check card") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test01.json");
  if (!path) return;
  gln::fhir::record r = gln::fhir::read_bundle(gln_fhir_test::read_json(*path), on(2026, 11, 30));
  r.profile.oversight = gln::oversight::clinician_supervised;
  gln::fhir::order_reading order{};
  order.resource = "MedicationRequest/draft-1";
  const gln::assessment avoid = gln::assess(r.profile, gln::purpose::general_recovery);
  const auto cards = gln::fhir::cds_cards(avoid, r, &order);
  REQUIRE(cards.size() == 1);
  const auto& card = cards[0];
  CHECK(card["indicator"] == "critical");
  CHECK(card["summary"].get<std::string>().size() <= 140);
  CHECK(card["summary"].get<std::string>().rfind("Avoid glutamine: Chronic kidney disease stage 4",
                                                 0) == 0);
  CHECK(card["suggestions"][0]["actions"][0]["type"] == "delete");
  CHECK(card["suggestions"][0]["actions"][0]["resourceId"] == "MedicationRequest/draft-1");
  CHECK(card["selectionBehavior"] == "at-most-one");
  CHECK(card["overrideReasons"].size() == 3);
  for (const auto& reason : card["overrideReasons"])
    CHECK_FALSE(reason["display"].get<std::string>().empty());
  CHECK(card["detail"].get<std::string>().find("431857002") != std::string::npos);
  CHECK(card["detail"].get<std::string>().find("deceased") != std::string::npos);
  CHECK(card["source"]["label"] == gln::fhir::gln_label());
  // No order to remove under patient-view: no suggestion.
  order.draft = false;
  CHECK_FALSE(gln::fhir::cds_cards(avoid, r, &order)[0].contains("suggestions"));

  // Conditions unknown: a second card says so, and the first is never an all clear.
  gln::profile unknown{};
  unknown.set_age(40);
  unknown.conditions_known = false;
  unknown.oversight = gln::oversight::clinician_supervised;
  gln::fhir::record bare{};
  bare.profile = unknown;
  bare.screening_date = gln::fhir::date{2026, 11, 30};
  const auto gap =
      gln::fhir::cds_cards(gln::assess(unknown, gln::purpose::general_recovery), bare, nullptr);
  REQUIRE(gap.size() == 2);
  CHECK(gap[0]["indicator"] == "warning");
  CHECK(gap[1]["indicator"] == "warning");
  CHECK(gap[1]["summary"] ==
        "Could not check the patient's conditions: not in the data sent to gln");
  CHECK(gap[0]["uuid"] != gap[1]["uuid"]);
  // Sent but incomplete (another page, another patient's data): the summary says so.
  bare.sections[static_cast<std::size_t>(section::conditions)] = gln::fhir::section_status{
      section_state::incomplete, "Condition/c: it is about Patient/p2, not Patient/p1"};
  const auto partial =
      gln::fhir::cds_cards(gln::assess(unknown, gln::purpose::general_recovery), bare, nullptr);
  REQUIRE(partial.size() == 2);
  CHECK(partial[1]["summary"] ==
        "Could not check the patient's conditions: the data sent to gln is incomplete");
}

TEST_CASE("fhir: text helpers") {
  CHECK(gln::fhir::markdown_text("a*b_[c](d)\nline") == "a\\*b\\_\\[c\\](d) line");
  const std::string long_text(200, 'x');
  CHECK(gln::fhir::shorten(long_text, 140).size() == 140);
  CHECK(gln::fhir::shorten("short", 140) == "short");
  const std::string words = "word " + std::string(150, 'a');
  CHECK(gln::fhir::shorten(words, 140) == "word...");
  const auto a = gln::fhir::random_uuid();
  CHECK(a.size() == 36);
  CHECK(a[14] == '4');
  CHECK(a != gln::fhir::random_uuid());
}

TEST_CASE("fhir: no JSON input makes the reader throw or crash") {
  const json odd_values[] = {nullptr,       1,
                             -1.5,          "text",
                             json::array(), json::object(),
                             true,          json::array({1, "x", nullptr})};
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test07.json");
  if (!path) return;
  const json bundle = gln_fhir_test::read_json(*path);
  // Replace each value of each resource of the bundle, one at a time, with each odd value.
  std::size_t runs = 0;
  for (std::size_t e = 0; e < bundle["entry"].size(); e += 3) {
    const json& resource = bundle["entry"][e]["resource"];
    for (auto item = resource.begin(); item != resource.end(); ++item) {
      for (const json& odd : odd_values) {
        json changed = bundle;
        changed["entry"][e]["resource"][item.key()] = odd;
        gln::fhir::reader reader(on(2026, 11, 30));
        reader.add_bundle(changed);
        gln::fhir::record r{};
        REQUIRE_NOTHROW(r = reader.read());
        r.profile.oversight = gln::oversight::clinician_supervised;
        REQUIRE_NOTHROW(gln::fhir::cds_cards(gln::assess(r.profile, gln::purpose::general_recovery),
                                             r, nullptr));
        ++runs;
      }
    }
  }
  CHECK(runs > 100);
  // Whole inputs of the wrong shape.
  for (const json& odd : odd_values) {
    REQUIRE_NOTHROW(gln::fhir::read_bundle(odd));
    REQUIRE_NOTHROW(gln::fhir::read_prefetch(odd));
    REQUIRE_NOTHROW(
        gln::fhir::read_prefetch({{"conditions", odd}, {"patient", odd}, {"medications", odd}}));
  }
}
