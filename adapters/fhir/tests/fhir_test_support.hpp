// Shared by the FHIR adapter's tests and the CDS Hooks service's tests: the shared test data
// (skipped with a message where it is absent) and small FHIR resources made by hand.
#ifndef GLN_FHIR_TEST_SUPPORT_HPP
#define GLN_FHIR_TEST_SUPPORT_HPP

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gln/json/document.hpp>
#include <nlohmann/json.hpp>

namespace gln_fhir_test {

using nlohmann::json;

// The path of `relative` under the shared test data, or nothing (and a "skipped" line that
// CTest reads) where the data is absent.
inline std::optional<std::string> shared_file(const std::string& relative) {
  const std::string path = std::string(GLN_SHARED_DATA_DIR) + "/" + relative;
  if (std::ifstream(path).good()) return path;
  std::cout << "skipped: the shared test data is absent (" << path << ")" << std::endl;
  return std::nullopt;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// JSON text read as the service reads it, with the JSON adapter's strict reader; null where it
// is refused (a test then fails on what it expected to find).
inline json parse(std::string_view text) {
  json out;
  gln::json_document_parser parser;
  if (auto error = parser.parse(text, out)) {
    std::cout << "refused JSON: " << error->text() << std::endl;
  }
  return out;
}

// A file of the shared data; it must pass the strict reader.
inline json read_json(const std::string& path) {
  json out;
  gln::json_document_parser parser;
  if (auto error = parser.parse(read_text(path), out)) {
    throw std::runtime_error(path + ": " + std::string(error->text()));
  }
  return out;
}

// The ten Synthea patients of the shared data.
inline const char* const patients[] = {"test01", "test02", "test03", "test04", "test05",
                                       "test06", "test07", "test09", "test10", "test11"};

inline json coding(const std::string& system, const std::string& code,
                   const std::string& display = {}) {
  json c = {{"system", system}, {"code", code}};
  if (!display.empty()) c["display"] = display;
  return c;
}

// The code systems of FHIR R4's status value sets.
inline constexpr const char* condition_clinical =
    "http://terminology.hl7.org/CodeSystem/condition-clinical";
inline constexpr const char* condition_verification =
    "http://terminology.hl7.org/CodeSystem/condition-ver-status";
inline constexpr const char* allergy_clinical =
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
inline constexpr const char* allergy_verification =
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

// A status CodeableConcept: one coding of `code` in `system` (empty: a coding with no system).
inline json status(const std::string& code, const std::string& system = condition_clinical) {
  json c = {{"code", code}};
  if (!system.empty()) c["system"] = system;
  return {{"coding", json::array({c})}};
}

inline json condition(const std::string& id, const json& code_coding,
                      const std::string& clinical = "active") {
  json c = {{"resourceType", "Condition"},
            {"id", id},
            {"code", {{"coding", json::array({code_coding})}}}};
  if (!clinical.empty()) c["clinicalStatus"] = status(clinical);
  return c;
}

inline json medication_request(const std::string& id, const json& code_coding,
                               const std::string& state = "active", const std::string& text = {}) {
  json code_concept = {{"coding", json::array({code_coding})}};
  if (!text.empty()) code_concept["text"] = text;
  return {{"resourceType", "MedicationRequest"},
          {"id", id},
          {"status", state},
          {"intent", "order"},
          {"medicationCodeableConcept", code_concept}};
}

inline json weight(const std::string& id, double value, const std::string& unit,
                   const std::string& day, const std::string& state = "final") {
  return {{"resourceType", "Observation"},
          {"id", id},
          {"status", state},
          {"code", {{"coding", json::array({coding("http://loinc.org", "29463-7")})}}},
          {"effectiveDateTime", day},
          {"valueQuantity",
           {{"value", value},
            {"unit", unit},
            {"system", "http://unitsofmeasure.org"},
            {"code", unit}}}};
}

// A pregnancy status Observation (LOINC 82810-3) whose answer is the LOINC code `answer`.
inline json pregnancy_status(const std::string& id, const std::string& answer,
                             const std::string& day) {
  return {
      {"resourceType", "Observation"},
      {"id", id},
      {"status", "final"},
      {"code", {{"coding", json::array({coding("http://loinc.org", "82810-3")})}}},
      {"effectiveDateTime", day},
      {"valueCodeableConcept", {{"coding", json::array({coding("http://loinc.org", answer)})}}}};
}

inline json searchset(const json& resources) {
  json bundle = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", json::array()}};
  for (const json& r : resources)
    bundle["entry"].push_back({{"resource", r}, {"search", {{"mode", "match"}}}});
  bundle["total"] = resources.size();
  return bundle;
}

inline json collection(const json& resources) {
  json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", json::array()}};
  for (const json& r : resources) bundle["entry"].push_back({{"resource", r}});
  return bundle;
}

}  // namespace gln_fhir_test

#endif  // GLN_FHIR_TEST_SUPPORT_HPP
