// The installed adapters at work: a FHIR Bundle read strictly from its bytes, screened, and
// answered as a DetectedIssue; a request read by gln::request_parser. Exit 0 when each gives
// what docs/knowledge.md says.
#include <gln/fhir.hpp>
#include <gln/json.hpp>
#include <gln/json/document.hpp>

#include <cstdio>

int main() {
  // CKD stage 4 (SNOMED CT 431857002, knowledge.md §2b: severe_kidney_disease, avoid).
  const char* bundle_text = R"({"resourceType": "Bundle", "type": "collection", "entry": [
      {"resource": {"resourceType": "Patient", "id": "p", "birthDate": "1960-01-01"}},
      {"resource": {"resourceType": "Condition", "id": "ckd",
                    "clinicalStatus": {"coding": [{"code": "active"}]},
                    "code": {"coding": [{"system": "http://snomed.info/sct",
                                          "code": "431857002"}]}}},
      {"resource": {"resourceType": "MedicationRequest", "id": "m", "status": "active",
                    "medicationCodeableConcept": {"coding": [
                      {"system": "http://www.whocc.no/atc", "code": "A06AD11"}]}}}]})";
  gln::json_document_parser documents;
  nlohmann::json bundle;
  if (auto error = documents.parse(bundle_text, bundle)) {
    std::printf("bundle refused: %s\n", error->c_str());
    return 1;
  }
  nlohmann::json duplicate;
  if (!documents.parse(R"({"a": 1, "a": 2})", duplicate)) return 2;

  gln::fhir::read_options options;
  options.screening_date = gln::fhir::date{2026, 11, 30};
  gln::fhir::record r = gln::fhir::read_bundle(bundle, options);
  const gln::assessment a = gln::assess(r.profile, gln::purpose::general_recovery);
  const auto issues = gln::fhir::detected_issues(a, r);
  if (a.overall != gln::verdict::avoid || issues.empty() ||
      issues.front()["code"]["text"] != "contra.severe_kidney_disease" ||
      !r.profile.medications.contains(gln::medication::lactulose)) {
    return 3;
  }

  gln::request_parser requests;
  gln::request req;
  if (requests.parse(R"({"conditions": ["pregnancy"], "purpose": "gut_barrier"})", req)) return 4;
  const nlohmann::json answer = gln::answer(req);
  std::printf("%s; %s\n", issues.front()["detail"].get<std::string>().c_str(),
              answer["overall"].get<std::string>().c_str());
  return answer["overall"] == "clinician_only" ? 0 : 5;
}
