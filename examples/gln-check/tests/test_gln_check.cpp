// gln-check in-process: run() with string streams, its JSON parsed back and checked against
// knowledge.md, plus the request parser and the JSON adapter.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <gln/json.hpp>
#include <gln/json/parse.hpp>

#include "catch.hpp"
#include "io.hpp"
#include "request.hpp"
#include "text.hpp"

namespace {

using nlohmann::json;

const std::string profiles = std::string(GLN_EXAMPLES_DIR) + "/profiles/";

struct tool_result {
  int code = -1;
  std::string out;
  std::string err;
};

tool_result run_tool(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<const char*> argv{"gln-check"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in(input);
  tool_result result;
  result.code = gln_check::run(static_cast<int>(argv.size()), argv.data(), out, err, in);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// An input that serves `text` and then fails as a read of a broken device does (EIO).
class failing_input : public gln_check::checked_input {
 public:
  explicit failing_input(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }
  int error() const noexcept override { return gptr() == egptr() ? EIO : 0; }

 protected:
  int_type underflow() override { return traits_type::eof(); }

 private:
  std::string text_;
};

tool_result run_batch_failing_after(const std::string& input) {
  const char* const argv[] = {"gln-check", "--batch", "--compact"};
  std::ostringstream out;
  std::ostringstream err;
  failing_input source(input);
  std::istream in(&source);
  tool_result result;
  result.code = gln_check::run(3, argv, out, err, in);
  result.out = out.str();
  result.err = err.str();
  return result;
}

json run_json(const std::vector<std::string>& args) {
  std::vector<std::string> with_json = args;
  with_json.emplace_back("--json");
  const tool_result result = run_tool(with_json);
  INFO(result.err);
  REQUIRE(result.code == gln_check::exit_ok);
  REQUIRE(result.err.empty());
  return json::parse(result.out);
}

// The finding with this rule id, or null.
json finding(const json& findings, const std::string& rule) {
  for (const json& f : findings) {
    if (f.at("rule") == rule) return f;
  }
  return nullptr;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

gln::request parsed(const std::string& text) {
  gln::request_parser parser;
  gln::request req;
  if (auto error = parser.parse(text, req)) FAIL(std::string(error->text()));
  return req;
}

std::string parse_failure(const std::string& text) {
  gln::request_parser parser;
  gln::request req;
  auto error = parser.parse(text, req);
  REQUIRE(error.has_value());
  return std::string(error->text());
}

// The one line gln-check --batch answers for one input line.
json batch_line(const std::string& line) {
  const tool_result r = run_tool({"--batch"}, line + "\n");
  INFO(r.err);
  REQUIRE(r.code == gln_check::exit_ok);
  const std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 1);
  return json::parse(out[0]);
}

}  // namespace

TEST_CASE(
    "cirrhosis with lactulose: do not take, with the rules and sources of knowledge.md section 4") {
  const json envelope = run_json({"--profile", profiles + "cirrhosis.json"});
  CHECK(envelope.at("knowledge_version") == gln::knowledge_version);
  CHECK(envelope.at("gln_version") == std::string(gln::version));
  CHECK(envelope.at("unmapped_codes") == json::array());
  const json& j = envelope.at("answer");
  CHECK(j.at("action") == "do_not_take");
  CHECK(j.at("label") == "Do not take");
  CHECK(j.at("overall") == "avoid");
  CHECK(j.at("valid") == true);
  CHECK(j.at("purpose") == "gut_barrier");
  CHECK(j.at("oversight") == "self_directed");

  const json& findings = j.at("findings");
  const json cirrhosis = finding(findings, "contra.cirrhosis");
  REQUIRE(cirrhosis.is_object());
  CHECK(cirrhosis.at("level") == "avoid");
  CHECK(cirrhosis.at("sources") ==
        json({"article_immune_recovery", "article_gut_health_guide", "critical_care_text"}));
  CHECK(cirrhosis.at("field").is_null());
  CHECK(cirrhosis.at("self_directed_level") == "avoid");
  CHECK(cirrhosis.at("cause") ==
        json({{"field", "conditions"}, {"member", "cirrhosis"}, {"codes", json::array()}}));
  CHECK(cirrhosis.at("reason_key") == "contra.cirrhosis.reason");
  CHECK(cirrhosis.at("patient_key") == "contra.cirrhosis.patient");
  CHECK(cirrhosis.at("patient_text").get<std::string>().find("Do not take glutamine") !=
        std::string::npos);
  const json lactulose = finding(findings, "caution.lactulose");
  REQUIRE(lactulose.is_object());
  CHECK(lactulose.at("level") == "clinician_only");
  CHECK(lactulose.at("sources") == json({"natmed_consumer"}));
  CHECK(lactulose.at("cause").at("member") == "lactulose");
  CHECK(findings.size() == 2);

  // The issue's case: gut_barrier has a self-directed range (§5), but no dose is shown to a
  // person who must not take glutamine, and nothing in the answer says "self_directed".
  CHECK(j.at("dose").is_null());
  CHECK(j.at("dose_shown") == "do_not_take");
  CHECK(envelope.dump().find("self_directed\":") == std::string::npos);
  CHECK(j.at("regimen").is_null());
  CHECK(j.at("trial_plan").at("status") == "do_not_start");
  CHECK(j.at("trial_plan").at("dosing").is_null());
  CHECK_FALSE(j.at("trial_plan").contains("screening"));
  // Moderate, sources disagree (§7).
  CHECK(j.at("evidence").at("grade") == "moderate");
  CHECK(j.at("evidence").at("sources_disagree") == true);

  const json& echo = envelope.at("request");
  CHECK(echo.at("conditions") == json({"cirrhosis"}));
  CHECK(echo.at("medications") == json({"lactulose"}));
  CHECK(echo.at("purpose") == "gut_barrier");
  CHECK(echo.at("regimen").is_null());
}

TEST_CASE("a runner with gut stress: OK to try, the dose to show and a ready trial plan") {
  const json j = run_json({"--profile", profiles + "runner-gut-stress.json"}).at("answer");
  CHECK(j.at("action") == "ok");
  CHECK(j.at("label") == "OK to try");
  CHECK(j.at("overall") == "suitable");

  // 5 g twice a day = 10 g/day: GI effects likely from 10 g/day, a note at suitable (§6).
  const json& findings = j.at("findings");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].at("rule") == "dose.gi_effects_likely");
  CHECK(findings[0].at("level") == "suitable");
  CHECK(findings[0].at("cause").at("field") == "grams_per_dose");
  CHECK(j.at("regimen") == json({{"grams_per_dose", 5.0}, {"doses_per_day", 2}, {"weeks", 6.0}}));

  // endurance_gut_stress: 5 g, 1-2 doses a day, 5-10 g/day (§5), below the observed safe level.
  CHECK(j.at("dose_shown") == "shown");
  const json& dose = j.at("dose");
  CHECK(dose.at("summary") == "5 g once or twice a day (5-10 g/day)");
  CHECK(dose.at("per_dose_g") == json({{"min", 5.0}, {"max", 5.0}}));
  CHECK(dose.at("doses_per_day") == json({{"min", 1}, {"max", 2}}));
  CHECK(dose.at("per_day_g") == json({{"min", 5.0}, {"max", 10.0}}));
  CHECK(dose.at("clinician_above_per_day_g").is_null());
  CHECK(dose.at("duration") == "during heavy or hot training blocks");
  CHECK(dose.at("sources") ==
        json({"article_muscle_recovery", "cordova_martinez_2021", "combat_athletes_2024"}));

  const json& plan = j.at("trial_plan");
  CHECK(plan.at("status") == "ready");
  const json& dosing = plan.at("dosing");
  CHECK(dosing.at("start_per_dose_g") == 5.0);
  CHECK(dosing.at("start_doses_per_day") == 1);
  CHECK(dosing.at("max_doses_per_day") == 2);
  CHECK(dosing.at("max_per_day_g") == 10.0);
  CHECK(dosing.at("review_day") == 14);  // after two training cycles (policy: 14)
  CHECK(dosing.at("hard_stop_day").is_null());
  CHECK(plan.at("outcomes") == json({"fewer_gut_symptoms", "smoother_training_recovery"}));
  CHECK(plan.at("protein_g_per_kg_day") == json({{"min", 1.6}, {"max", 2.2}}));
  CHECK(plan.at("advice").at("context").at("text").get<std::string>().find("90 minutes") !=
        std::string::npos);
  CHECK(j.at("evidence").at("grade") == "limited");
}

TEST_CASE("supervised child with sickle-cell disease from an ICD-10 code: OK with care") {
  const json envelope = run_json({"--profile", profiles + "sickle-cell-supervised.json"});
  CHECK(envelope.at("request").at("conditions") == json({"sickle_cell_disease"}));
  CHECK(envelope.at("request").at("icd10") == json({"D57.1"}));
  const json& j = envelope.at("answer");
  // clinician_only rules count as caution under supervision (§4), and a clinician-managed
  // purpose is not "ask your doctor" when a clinician supervises.
  CHECK(j.at("action") == "ok_with_care");
  CHECK(j.at("overall") == "caution");
  const json& findings = j.at("findings");
  CHECK(finding(findings, "caution.minor").at("level") == "caution");
  CHECK(finding(findings, "caution.minor").at("self_directed_level") == "clinician_only");
  CHECK(finding(findings, "caution.minor").at("cause").at("field") == "age_years");
  CHECK(finding(findings, "purpose.clinician_managed").at("level") == "caution");
  // 40 kg is in the 30-65 kg band: 10 g twice a day, as the regimen (§5).
  CHECK(finding(findings, "dose.label_band_mismatch").is_null());
  CHECK(finding(findings, "dose.no_self_directed_range").is_null());
  // Under supervision the dose shown is the purpose's row, the prescription band included.
  CHECK(j.at("dose").at("summary") == "10 g twice a day (20 g/day)");
  CHECK(j.at("dose").at("sources") == json({"endari_label"}));
}

TEST_CASE("the why goes down to the code: a finding's cause names the request's codes") {
  const json envelope = batch_line(
      R"({"age_years":40,"icd10":["E11.9","K74.60","D57.1"],"purpose":"gut_barrier","codes":[)"
      R"({"system":"http://snomed.info/sct","code":"19943007"},)"
      R"({"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}]})");
  REQUIRE(envelope.contains("answer"));
  const json& findings = envelope.at("answer").at("findings");
  // K74.60 (ICD-10-CM) and 19943007 (SNOMED CT) are both cirrhosis (§2, §2b).
  CHECK(finding(findings, "contra.cirrhosis").at("cause") ==
        json::parse(R"({"field":"conditions","member":"cirrhosis","codes":)"
                    R"(["K74.60",{"system":"http://snomed.info/sct","code":"19943007"}]})"));
  // E11.9 is well-formed but unmapped: it is what input.conditions_unmapped is about.
  CHECK(finding(findings, "input.conditions_unmapped").at("cause").at("codes") == json({"E11.9"}));
  // An RxNorm code gln has no class for is an other prescription (§2b).
  CHECK(finding(findings, "caution.other_prescription").at("cause") ==
        json::parse(
            R"({"field":"medications","member":"other_prescription","codes":)"
            R"([{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}]})"));

  // The report says the same in words.
  const tool_result r =
      run_tool({"--age", "40", "--icd10", "E11.9,K74.60", "--purpose", "gut_barrier"});
  CHECK(r.out.find("cause:   conditions: cirrhosis (ICD-10-CM K74.60)") != std::string::npos);
  CHECK(r.out.find("cause:   conditions (not mapped: ICD-10-CM E11.9)") != std::string::npos);
}

// A profile's path is named whole in an error, however deep its directory: cut to 60
// characters, as other values are, it would hide the file's name.
TEST_CASE("a profile file that cannot be opened is named by its whole path") {
  const std::string path = "/nonexistent/" + std::string(80, 'd') + "/missing-profile.json";
  const tool_result r = run_tool({"--profile", path});
  CHECK(r.code == gln_check::exit_usage);
  CHECK(r.err.find("--profile: cannot open '" + path + "'") != std::string::npos);
}

TEST_CASE("options add to a profile file and override its scalars") {
  const json envelope = run_json({"--profile", profiles + "runner-gut-stress.json", "--age", "16",
                                  "--condition", "msg_sensitivity", "--doses", "1"});
  CHECK(envelope.at("request").at("age_years") == 16.0);
  CHECK(envelope.at("request").at("conditions") == json({"msg_sensitivity"}));
  CHECK(envelope.at("request").at("regimen") ==
        json({{"grams_per_dose", 5.0}, {"doses_per_day", 1}, {"weeks", 6.0}}));
  const json& j = envelope.at("answer");
  CHECK(j.at("overall") == "clinician_only");  // caution.minor under 18
  CHECK(j.at("action") == "ask_clinician");
  CHECK(j.at("dose_shown") == "ask_clinician");
  CHECK(finding(j.at("findings"), "caution.msg_sensitivity").at("level") == "caution");
  CHECK(finding(j.at("findings"), "caution.msg_sensitivity").at("cause").at("member") ==
        "msg_sensitivity");
}

TEST_CASE("numeric validation is the library's: a negative weight is input.invalid") {
  const json j = run_json({"--weight", "-5", "--purpose", "general_recovery"}).at("answer");
  CHECK(j.at("overall") == "avoid");
  CHECK(j.at("action") == "do_not_take");
  CHECK(j.at("valid") == false);
  CHECK(j.at("dose_shown") == "invalid_input");
  const json invalid = finding(j.at("findings"), "input.invalid");
  REQUIRE(invalid.is_object());
  CHECK(invalid.at("field") == "weight_kg");
  CHECK(invalid.at("cause").at("field") == "weight_kg");
  CHECK(invalid.at("level") == "avoid");
  CHECK(j.at("trial_plan").at("status") == "invalid_input");

  const json zero_doses =
      run_json({"--purpose", "general_recovery", "--grams", "5", "--doses", "0"}).at("answer");
  CHECK(finding(zero_doses.at("findings"), "input.invalid").at("field") == "doses_per_day");
}

TEST_CASE("the doses a day on the command line are read as a request reads them: 2.0 is 2") {
  const std::vector<std::string> person{"--age", "40", "--purpose", "gut_barrier", "--grams", "5"};
  auto answer_with = [&](const std::string& doses) {
    std::vector<std::string> args = person;
    args.insert(args.end(), {"--doses", doses});
    return run_json(args);
  };
  const json two = answer_with("2");
  CHECK(two.at("request").at("regimen").at("doses_per_day") == 2);
  for (const char* same : {"2.0", "2e0", "20e-1", "+2"}) {
    INFO(same);
    CHECK(answer_with(same) == two);
  }
  const tool_result line =
      run_tool({"--batch"},
               R"({"age_years": 40, "purpose": "gut_barrier", "regimen": {"grams_per_dose": 5, )"
               R"("doses_per_day": 2.0}})"
               "\n");
  REQUIRE(line.code == gln_check::exit_ok);
  CHECK(json::parse(line.out).at("answer") == two.at("answer"));
  for (const auto& [doses, problem] :
       std::vector<std::pair<std::string, std::string>>{{"2.5", "'2.5' is not a whole number"},
                                                        {"25e-1", "'25e-1' is not a whole number"},
                                                        {"3e9", "'3e9' is out of range"},
                                                        {"1e999", "'1e999' is out of range"},
                                                        {"two", "'two' is not a whole number"}}) {
    std::vector<std::string> args = person;
    args.insert(args.end(), {"--doses", doses});
    const tool_result r = run_tool(args);
    INFO(r.err);
    CHECK(r.code == gln_check::exit_usage);
    CHECK(r.err.find(problem) != std::string::npos);
  }
}

TEST_CASE("a regimen changes the action only when it is the problem") {
  // The same person and goal: OK to try with or without 5 g twice a day; 10 g five times a
  // day is 50 g/day, above the adult maximum of 40 g/day (§6): do not take, and the finding
  // says which regimen field made it fire.
  const std::vector<std::string> person{"--age", "40", "--purpose", "gut_barrier"};
  CHECK(run_json(person).at("answer").at("action") == "ok");
  std::vector<std::string> usual = person;
  usual.insert(usual.end(), {"--grams", "5", "--doses", "2"});
  CHECK(run_json(usual).at("answer").at("action") == "ok");
  std::vector<std::string> high = person;
  high.insert(high.end(), {"--grams", "10", "--doses", "5"});
  const json j = run_json(high).at("answer");
  CHECK(j.at("action") == "do_not_take");
  CHECK(j.at("dose").is_null());
  const json above = finding(j.at("findings"), "dose.above_adult_maximum");
  REQUIRE(above.is_object());
  CHECK(above.at("level") == "avoid");
  CHECK(above.at("cause").at("field").is_string());

  // A goal without a self-directed range is not recommended, with or without a regimen: the
  // page built on screen() alone offered glutamine for it.
  std::vector<std::string> muscle{"--age", "40", "--purpose", "muscle_strength"};
  CHECK(run_json(muscle).at("answer").at("action") == "not_recommended");
  muscle.insert(muscle.end(), {"--grams", "5"});
  const json with_regimen = run_json(muscle).at("answer");
  CHECK(with_regimen.at("action") == "not_recommended");
  CHECK(with_regimen.at("dose_shown") == "not_recommended");
  CHECK(with_regimen.at("evidence").at("grade") == "against");
}

TEST_CASE("the report leads with the action, then why, and a dose only when one is shown") {
  const tool_result r = run_tool({"--profile", profiles + "cirrhosis.json", "--verbose"});
  CHECK(r.code == gln_check::exit_ok);
  CHECK(r.err.empty());
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() > 4);
  CHECK(lines[2] == "ACTION: Do not take (do_not_take)");
  std::size_t at = 0;
  for (const char* expected :
       {"ACTION: Do not take", "safety verdict: avoid", "\nWhy\n", "[avoid] contra.cirrhosis",
        "cause:   conditions: cirrhosis", "reason:  advanced liver disease: ammonia accumulation",
        "[clinician_only] caution.lactulose", "cause:   medications: lactulose",
        "\nNo dose: do not take glutamine (dose_shown: do_not_take)\n",
        "Evidence: moderate (sources disagree)", "Trial plan: do_not_start", "Person (as read)",
        "Sources", "critical_care_text (reference_database)"}) {
    INFO(expected);
    const std::size_t found = r.out.find(expected, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  // gut_barrier's range (10-20 g/day) is not printed under "Do not take".
  CHECK(r.out.find("10-20 g") == std::string::npos);
  CHECK(r.out.find("self-directed range") == std::string::npos);
  CHECK(r.out.find("knowledge base v2") != std::string::npos);

  // With a dose to show: the ready text, rounded for people (§5: 5-10 g twice a day).
  const tool_result ok = run_tool({"--age", "40", "--purpose", "gut_barrier"});
  CHECK(ok.out.find("ACTION: OK to try (ok)\n") != std::string::npos);
  CHECK(ok.out.find("\nWhy: no findings\n") != std::string::npos);
  CHECK(
      ok.out.find("\nDose: 5-10 g twice a day (10-20 g/day; above 14 g/day with a clinician)\n") !=
      std::string::npos);
  CHECK(ok.out.find("No dose") == std::string::npos);
}

TEST_CASE("the audience patient: the action and the findings in plain words, no rule ids") {
  const tool_result r = run_tool({"--age", "34", "--medication", "anticonvulsant", "--purpose",
                                  "gut_barrier", "--audience", "patient"});
  CHECK(r.code == gln_check::exit_ok);
  CHECK(r.err.empty());
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() > 4);
  CHECK(lines[2] == "ACTION: Ask your doctor first");
  // The finding's patient text (knowledge.md §11: a clinician_only caution ends "Ask your
  // doctor first.") and what in the request it is about.
  gln::profile person{};
  person.set_age(34);
  person.medications = {gln::medication::anticonvulsant};
  const gln::assessment a = gln::assess(person, gln::purpose::gut_barrier);
  REQUIRE(a.findings.first().has_value());
  const std::string patient_text(a.findings.first()->patient_text().view());
  CHECK(patient_text.size() <= 140);
  CHECK(patient_text.rfind("Ask your doctor first.") == patient_text.size() - 22);
  std::string words;
  for (std::size_t i = 4; i < lines.size(); ++i) words += lines[i] + '\n';
  CHECK(words.find("because of: your medicine: anticonvulsant") != std::string::npos);
  CHECK(r.out.find("No dose: ask your doctor first") != std::string::npos);
  for (const char* professional : {"caution.seizure_disorder", "safety verdict",
                                   "sources:", "natmed_consumer", "(ask_clinician)"}) {
    INFO(professional);
    CHECK(r.out.find(professional) == std::string::npos);
  }
  // The text itself, wrapped: every word of it is in the report, in order.
  std::size_t at = 0;
  std::istringstream text_words(patient_text);
  for (std::string word; text_words >> word;) {
    const std::size_t found = r.out.find(word, at);
    INFO(word);
    REQUIRE(found != std::string::npos);
    at = found + word.size();
  }

  // The same person with the default audience: the professional reason and rule id.
  const tool_result professional =
      run_tool({"--age", "34", "--medication", "anticonvulsant", "--purpose", "gut_barrier"});
  CHECK(professional.out.find("[clinician_only] caution.seizure_disorder") != std::string::npos);
  CHECK(professional.out.find("cause:   medications: anticonvulsant") != std::string::npos);
  CHECK(professional.out.find("ACTION: Ask your doctor first (ask_clinician)") !=
        std::string::npos);

  // A dose in words for a person who may try it.
  const tool_result dose =
      run_tool({"--profile", profiles + "runner-gut-stress.json", "--audience", "patient"});
  CHECK(dose.out.find("\nDose: 5 g once or twice a day (5-10 g/day)\n") != std::string::npos);
  CHECK(dose.out.find("\nIf you try it\n") != std::string::npos);
  CHECK(dose.out.find("dose.gi_effects_likely") == std::string::npos);
}

// Unknown is not none (knowledge.md §4): with no --condition the conditions are none, and these
// flags say they are not known, as a request's null does.
TEST_CASE("unknown conditions or medications on the command line: not known, never none") {
  const tool_result known = run_tool({"--age", "40", "--purpose", "exercise_recovery"});
  CHECK(known.out.find("input.conditions_unknown") == std::string::npos);
  CHECK(known.out.find("  conditions:    none\n") != std::string::npos);

  const tool_result conditions =
      run_tool({"--age", "40", "--purpose", "exercise_recovery", "--conditions-unknown"});
  CHECK(conditions.code == gln_check::exit_ok);
  CHECK(conditions.out.find("ACTION: Ask your doctor first (ask_clinician)") != std::string::npos);
  CHECK(conditions.out.find("[clinician_only] input.conditions_unknown") != std::string::npos);
  CHECK(conditions.out.find("  conditions:    not known\n") != std::string::npos);
  CHECK(conditions.out.find("  medications:   none\n") != std::string::npos);
  CHECK(conditions.out.find("\nDose:") == std::string::npos);

  const tool_result both = run_tool({"--age", "40", "--purpose", "exercise_recovery",
                                     "--conditions-unknown", "--medications-unknown", "--json"});
  REQUIRE(both.code == gln_check::exit_ok);
  const nlohmann::json answer = nlohmann::json::parse(both.out);
  CHECK(answer.at("request").at("conditions").is_null());
  CHECK(answer.at("request").at("medications").is_null());
  CHECK(both.out.find("input.medications_unknown") != std::string::npos);

  // A flag and a list of the same thing contradict each other.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--conditions-unknown", "--condition", "cirrhosis"},
        std::vector<std::string>{"--conditions-unknown", "--icd10", "K74.60"},
        std::vector<std::string>{"--medications-unknown", "--medication", "lactulose"},
        std::vector<std::string>{"--batch", "--conditions-unknown"}}) {
    std::vector<std::string> full{"--purpose", "gut_barrier"};
    if (args.front() == "--batch") full.clear();
    full.insert(full.end(), args.begin(), args.end());
    const tool_result refused = run_tool(full);
    INFO(args.front() + " " + args.back());
    CHECK(refused.code == gln_check::exit_usage);
    CHECK(refused.err.find("excludes") != std::string::npos);
  }
  const tool_result listed = run_tool({"--profile", profiles + "cirrhosis.json",
                                       "--conditions-unknown", "--purpose", "gut_barrier"});
  CHECK(listed.code == gln_check::exit_usage);
  CHECK(listed.err.find("--conditions-unknown: the --profile lists conditions") !=
        std::string::npos);

  // With a --profile: a null "conditions", "icd10" or "codes" is not known already (a null
  // "codes" for medications too), so a flag agrees with it and a list cannot add to it; a code
  // that names a condition or a drug is a listed one.
  const auto profile_file = [](const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("gln-check-test-" + name);
    std::ofstream(path) << text;
    return path.string();
  };
  const std::string icd10_null = profile_file(
      "icd10-null.json", R"({"age_years": 40, "purpose": "gut_barrier", "icd10": null})");
  const std::string codes_null = profile_file(
      "codes-null.json", R"({"age_years": 40, "purpose": "gut_barrier", "codes": null})");
  const std::string meds_null_with_condition_code = profile_file(
      "meds-null.json", R"({"age_years": 40, "purpose": "gut_barrier", "medications": null,
          "codes": [{"system": "http://snomed.info/sct", "code": "19943007"}]})");
  const std::string unmapped_icd10 = profile_file(
      "unmapped.json", R"({"age_years": 40, "purpose": "gut_barrier", "icd10": ["E11.9"]})");
  const std::string drug_code =
      profile_file("drug.json", R"({"age_years": 40, "purpose": "gut_barrier",
          "codes": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "6218"}]})");
  const std::vector<std::pair<std::vector<std::string>, std::string>> refused_cases{
      {{"--profile", icd10_null, "--icd10", "E11.9"}, "cannot add to a --profile whose conditions"},
      {{"--profile", icd10_null, "--condition", "cirrhosis"}, "cannot add"},
      {{"--profile", codes_null, "--condition", "cirrhosis"}, "cannot add"},
      {{"--profile", codes_null, "--medication", "lactulose"},
       "cannot add to a --profile whose medications"},
      {{"--profile", unmapped_icd10, "--conditions-unknown"}, "the --profile lists conditions"},
      {{"--profile", drug_code, "--medications-unknown"}, "the --profile lists medications"}};
  for (const auto& [args, message] : refused_cases) {
    INFO(args[1] + " " + args[2]);
    const tool_result r = run_tool(args);
    CHECK(r.code == gln_check::exit_usage);
    CHECK(r.err.find(message) != std::string::npos);
  }
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> agreeing{
      {{"--profile", icd10_null, "--conditions-unknown"},
       {"input.conditions_unknown", "  conditions:    not known\n"}},
      {{"--profile", codes_null, "--conditions-unknown", "--medications-unknown"},
       {"input.conditions_unknown", "input.medications_unknown", "  medications:   not known\n"}},
      {{"--profile", meds_null_with_condition_code, "--medications-unknown"},
       {"input.medications_unknown", "  conditions:    cirrhosis\n"}},
      {{"--profile", drug_code, "--conditions-unknown"},
       {"input.conditions_unknown", "  medications:   lactulose\n"}}};
  for (const auto& [args, expected] : agreeing) {
    INFO(args[1] + " " + args[2]);
    const tool_result r = run_tool(args);
    CHECK(r.code == gln_check::exit_ok);
    for (const std::string& text : expected) CHECK(r.out.find(text) != std::string::npos);
  }
}

TEST_CASE("bad arguments: exit 2 and one line naming the bad value") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--purpose", "gut"}, "'gut'"},
      {{"--purpose", "gut_barrier", "--condition", "liver"}, "'liver'"},
      {{"--purpose", "gut_barrier", "--medication", "ssri"}, "'ssri'"},
      {{"--purpose", "gut_barrier", "--age", "nan"}, "'nan'"},
      {{"--purpose", "gut_barrier", "--age", "inf"}, "'inf'"},
      {{"--purpose", "gut_barrier", "--weight", "1e999"}, "'1e999' is out of range"},
      {{"--purpose", "gut_barrier", "--grams", "five"}, "'five' is not a number"},
      {{"--purpose", "gut_barrier", "--grams", "5", "--doses", "99999999999"},
       "'99999999999' is out of range"},
      {{"--purpose", "gut_barrier", "--grams", "5", "--doses", "2147483648"},
       "'2147483648' is out of range"},
      {{"--purpose", "gut_barrier", "--grams", "5", "--doses", "2.5"},
       "'2.5' is not a whole number"},
      {{"--purpose", "gut_barrier", "--icd10", "not a code"}, "'not a code'"},
      {{"--purpose", "gut_barrier", "--icd10", "K7"}, "'K7'"},
      {{"--age", "40"}, "--purpose"},
      {{"--batch", "--purpose", "gut_barrier"}, "--purpose"},
      {{"--list", "rules"}, "'rules'"},
      {{"--wrap", "result", "--purpose", "gut_barrier"}, "--wrap requires --batch"},
      {{"--batch", "--wrap", ""}, "--wrap: the key is empty"},
      {{"--batch", "--wrap", "r\xff\xfe"}, "--wrap: the key is not valid UTF-8"},
      {{"--batch", "--wrap", "r\xed\xa0\x80"}, "--wrap: the key is not valid UTF-8"},
      {{"--batch", "--wrap", "-v"}, "--wrap: '-v' is an option, not a key"},
      {{"--batch", "--wrap", "--compact"}, "--wrap: '--compact' is an option, not a key"},
      // An empty item of a list is refused, not dropped (CLI11 drops it).
      {{"--purpose", "gut_barrier", "--condition", ""}, "--condition: '' has an empty item"},
      {{"--purpose", "gut_barrier", "--condition", "cirrhosis,,pregnancy"}, "empty item"},
      {{"--condition", ",", "--purpose", "gut_barrier"}, "--condition: ','"},
      {{"--purpose", "gut_barrier", "--icd10=K74.60,"}, "--icd10: 'K74.60,'"},
      {{"--purpose", "gut_barrier", "--condition", "cirrhosis, ,pregnancy"}, "empty item"},
      {{"--purpose", "gut_barrier", "--medication", " "}, "--medication: ' ' has an empty item"},
      {{"-v-supervised", "--purpose", "gut_barrier"}, "'-v-supervised'"},
      {{"-v-batch"}, "'-v-batch'"},
      {{"-hv-batch"}, "'-hv-batch'"},
      {{"--purpose", "gut_barrier", "--audience", "doctor"}, "'doctor'"},
      {{"--purpose", "gut_barrier", "--fail-on", "suitable"}, "'suitable' would fail every run"},
      {{"--purpose", "gut_barrier", "--fail-on", " suitable "}, "'suitable' would fail every run"},
      // The JSON carries both texts: an audience there would be ignored, so it is refused.
      {{"--purpose", "gut_barrier", "--json", "--audience", "patient"}, "--audience"},
      {{"--batch", "--audience", "patient"}, "--audience"},
  };
  for (const auto& [args, named] : cases) {
    const tool_result r = run_tool(args);
    INFO(r.err);
    CHECK(r.code == gln_check::exit_usage);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("gln-check: ", 0) == 0);
    CHECK(r.err.find(named) != std::string::npos);
    CHECK(lines_of(r.err).size() == 1);
  }
}

TEST_CASE("fail-on turns a verdict at or above the level into exit 3") {
  CHECK(run_tool({"--profile", profiles + "cirrhosis.json", "--fail-on", "avoid"}).code ==
        gln_check::exit_verdict_at_or_above);
  CHECK(run_tool(
            {"--profile", profiles + "sickle-cell-supervised.json", "--fail-on", "clinician_only"})
            .code == gln_check::exit_ok);
  CHECK(run_tool({"--profile", profiles + "sickle-cell-supervised.json", "--fail-on", "caution"})
            .code == gln_check::exit_verdict_at_or_above);
}

TEST_CASE("batch mode: one line out per line in, and a bad line never stops the batch") {
  const std::string input =
      "{\"id\": 7, \"age_years\": 58, \"conditions\": [\"cirrhosis\"], \"purpose\": "
      "\"gut_barrier\"}\n"
      "{\"age_years\": 40, \"purpose\": \"gut_barrier\"\n"
      "\n"
      "{\"id\": \"x\", \"conditions\": [\"cirhosis\"], \"purpose\": \"gut_barrier\"}\r\n"
      "[1, 2]\n"
      "{\"id\": \"z\", \"age_years\": 30, \"purpose\": \"ibs_symptoms\"}";
  const tool_result r = run_tool({"--batch"}, input);
  CHECK(r.code == gln_check::exit_ok);
  CHECK(r.err.empty());
  const std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 6);

  const json first = json::parse(out[0]);
  CHECK(first.at("id") == 7);
  CHECK(first.at("answer").at("overall") == "avoid");
  CHECK_FALSE(finding(first.at("answer").at("findings"), "contra.cirrhosis").is_null());

  const json truncated = json::parse(out[1]);
  CHECK(truncated.at("line") == 2);
  CHECK(truncated.at("id").is_null());
  CHECK(truncated.at("error").get<std::string>().find("bad JSON: ") != std::string::npos);

  const json empty = json::parse(out[2]);
  CHECK(empty.at("line") == 3);
  CHECK(empty.contains("error"));

  const json unknown = json::parse(out[3]);
  CHECK(unknown.at("id") == "x");
  CHECK(unknown.at("line") == 4);
  CHECK(unknown.at("error").get<std::string>().find("'cirhosis'") != std::string::npos);

  const json array = json::parse(out[4]);
  CHECK(array.at("error") == "a request must be a JSON object");

  const json last = json::parse(out[5]);
  CHECK(last.at("id") == "z");
  CHECK(last.at("answer").at("overall") == "caution");  // purpose.ibs_other_causes (§4)
  CHECK(last.at("answer").at("action") == "ok_with_care");
  // 5 g three times a day, 15 g/day (§5), above the 14 g/day observed safe level (§12).
  CHECK(last.at("answer").at("dose").at("summary") ==
        "5 g three times a day (15 g/day; above 14 g/day with a clinician)");
  CHECK(last.at("answer").at("trial_plan").at("dosing").at("review_day") == 28);
  CHECK(last.at("answer").at("trial_plan").at("dosing").at("hard_stop_day") == 56);
}

TEST_CASE("batch mode: a line over 1 MiB is an error line, and the next line is read") {
  const std::string input = "{\"id\": 1, \"purpose\": \"gut_barrier\"" +
                            std::string(std::size_t{1} << 20, ' ') + "}\n" +
                            "{\"id\": 2, \"age_years\": 40, \"purpose\": \"gut_barrier\"}\n";
  const tool_result r = run_tool({"--batch"}, input);
  CHECK(r.code == gln_check::exit_ok);
  const std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 2);
  CHECK(json::parse(out[0]).at("error") == "line longer than 1 MiB");
  CHECK(json::parse(out[1]).at("id") == 2);
  CHECK(json::parse(out[1]).at("answer").at("overall") == "suitable");
}

TEST_CASE("batch mode: the 1 MiB limit is the request's, the '\\r' of a CRLF line aside") {
  const std::string head = "{\"id\": 1, \"purpose\": \"gut_barrier\"";
  const std::size_t limit = std::size_t{1} << 20;
  const std::string at_limit = head + std::string(limit - head.size() - 1, ' ') + "}";
  const std::string over_limit = head + std::string(limit - head.size(), ' ') + "}";
  REQUIRE(at_limit.size() == limit);
  const tool_result r =
      run_tool({"--batch", "--compact"}, at_limit + "\r\n" + at_limit + "\n" + over_limit + "\r\n" +
                                             over_limit + "\n" + at_limit + "\r\n");
  CHECK(r.code == gln_check::exit_ok);
  const std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 5);
  for (const std::size_t accepted : {std::size_t{0}, std::size_t{1}, std::size_t{4}})
    CHECK(json::parse(out[accepted]).at("id") == 1);
  for (const std::size_t refused : {std::size_t{2}, std::size_t{3}}) {
    CHECK(json::parse(out[refused]).at("error") == "line longer than 1 MiB");
    CHECK(json::parse(out[refused]).at("line") == refused + 1);
  }
}

TEST_CASE("batch mode: a read error is exit 1 after the whole lines, never an answer for a part") {
  const std::string line = "{\"id\": 1, \"age_years\": 40, \"purpose\": \"gut_barrier\"}";
  // Cut inside the third line, and at the end of the second.
  for (const std::string& input :
       {line + "\n" + line + "\n" + line.substr(0, 10), line + "\n" + line + "\r\n"}) {
    const tool_result r = run_batch_failing_after(input);
    CHECK(r.code == gln_check::exit_io_error);
    const std::vector<std::string> out = lines_of(r.out);
    REQUIRE(out.size() == 2);
    for (const std::string& answer : out) CHECK(json::parse(answer).at("action") == "ok");
    CHECK(r.err == "gln-check: --batch: cannot read standard input after line 2: " +
                       std::string(std::strerror(EIO)) +
                       " (no answer for the rest of the input)\n");
  }
  // A read error before any line: no output.
  const tool_result none = run_batch_failing_after("");
  CHECK(none.code == gln_check::exit_io_error);
  CHECK(none.out.empty());
  CHECK(none.err == "gln-check: --batch: cannot read standard input before the first line: " +
                        std::string(std::strerror(EIO)) +
                        " (no answer for the rest of the input)\n");
}

TEST_CASE("batch mode with --wrap: each answer is one string field, as ClickHouse expects") {
  const std::string input =
      "{\"age_years\": 58, \"conditions\": [\"cirrhosis\"], \"purpose\": \"gut_barrier\"}\n"
      "{\"purpose\": \"nope\"}\n";
  const tool_result r = run_tool({"--batch", "--wrap", "result"}, input);
  CHECK(r.code == gln_check::exit_ok);
  const std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 2);
  const json first = json::parse(out[0]);
  REQUIRE(first.size() == 1);
  CHECK(json::parse(first.at("result").get<std::string>()).at("answer").at("overall") == "avoid");
  const json second = json::parse(json::parse(out[1]).at("result").get<std::string>());
  CHECK(second.at("error").get<std::string>().find("'nope'") != std::string::npos);
}

TEST_CASE("request_parser reads every key and refuses what it does not know") {
  const gln::request req = parsed(
      R"({"age_years": 40.5, "weight_kg": 70, "weight_age_days": 30, "conditions": ["pregnancy"],
          "medications": ["lactulose", "anticonvulsant"], "icd10": ["R65.21"],
          "codes": [{"system": "http://snomed.info/sct", "code": "19943007"}],
          "oversight": "clinician_supervised", "purpose": "trauma",
          "regimen": {"grams_per_dose": 7.5, "doses_per_day": 3.0, "weeks": null},
          "policy": {"observed_safe_level": 10, "require_age": 1},
          "id": "row-3"})");
  CHECK(req.person.age_years == 40.5);
  REQUIRE(req.person.weight_kg.has_value());
  CHECK(req.person.weight_kg->value() == 70.0);
  CHECK(req.person.weight_age_days == 30);
  // R65.21 is multiorgan failure, shock and sepsis (§2); SNOMED 19943007 is cirrhosis (§2b).
  CHECK(req.person.conditions == gln::condition_set{gln::condition::pregnancy,
                                                    gln::condition::multiorgan_failure,
                                                    gln::condition::shock, gln::condition::sepsis,
                                                    gln::condition::cirrhosis});
  CHECK(req.person.medications ==
        gln::medication_set{gln::medication::lactulose, gln::medication::anticonvulsant});
  CHECK(req.person.oversight == gln::oversight::clinician_supervised);
  CHECK(req.purpose == gln::purpose::trauma);
  REQUIRE(req.plan.has_value());
  CHECK(req.plan->per_dose.value() == 7.5);
  CHECK(req.plan->doses_per_day == 3);
  CHECK_FALSE(req.plan->weeks.has_value());
  CHECK(req.rules.observed_safe_daily.value() == 10.0);
  CHECK(req.rules.require_age);
  CHECK(req.knob_given(gln::policy_knob::require_age));
  CHECK_FALSE(req.knob_given(gln::policy_knob::max_doses_per_day));
  CHECK(req.id == "\"row-3\"");

  const gln::request empty = parsed("{}");
  CHECK_FALSE(empty.purpose.has_value());
  CHECK_FALSE(empty.plan.has_value());
  CHECK(empty.id == "null");
  CHECK(empty.person.conditions_known);
  CHECK(empty.person.medications_known);

  CHECK(parse_failure(R"({"weight": 70})") == "'weight': unknown key");
  CHECK(parse_failure(R"({"conditions": ["Cirrhosis"]})") ==
        "conditions[0]: unknown condition 'Cirrhosis'");
  CHECK(parse_failure(R"({"conditions": "cirrhosis"})") ==
        "conditions: must be an array of names or null");
  CHECK(parse_failure(R"({"purpose": 3})") == "purpose: must be a name or null");
  CHECK(parse_failure(R"({"age_years": "40"})") == "age_years: must be a number or null");
  CHECK(parse_failure(R"({"age_years": 1e999})").find("age_years: ") == 0);
  CHECK(parse_failure(R"({"icd10": ["E11.9", "K7"]})") ==
        "icd10[1]: malformed ICD-10-CM code 'K7'");
  CHECK(parse_failure(R"({"regimen": {"doses_per_day": 2}})") ==
        "regimen.grams_per_dose: is required");
  CHECK(parse_failure(R"({"regimen": {"grams_per_dose": 5, "doses_per_day": 2.5}})") ==
        "regimen.doses_per_day: must be a whole number (that fits 32 bits)");
  CHECK(parse_failure(R"({"regimen": {"grams_per_dose": 5, "doses_per_day": 1e10}})") ==
        "regimen.doses_per_day: must be a whole number (that fits 32 bits)");
  CHECK(parse_failure(R"({"regimen": {"grams": 5}})") == "regimen.'grams': unknown key");
  CHECK(parse_failure(R"({"policy": {"max_doses_per_day": 2.5}})") ==
        "policy.max_doses_per_day: must be a whole number (that fits 32 bits)");
  CHECK(parse_failure(R"({"policy": {"require_age": 2}})") ==
        "policy.require_age: must be 1 (on) or 0 (off)");
  CHECK(parse_failure(R"({"policy": {"strictness": 2}})") ==
        "policy.'strictness': unknown key (not a policy knob)");
  // A knob gln::effective() would put back to its default is refused, naming it: an answer under
  // the default is not the answer to the policy sent (knowledge.md §12: zero, negative,
  // looser and out-of-range values fall back).
  const std::pair<const char*, const char*> not_applied[] = {
      {R"({"self_directed_daily_ceiling": 0})",
       "self_directed_daily_ceiling: not applied: a policy only tightens, and a stricter value is "
       "lower than the default 20 g/day and above 0"},
      {R"({"adult_maximum_daily": 60})",
       "adult_maximum_daily: not applied: a policy only tightens, and a stricter value is lower "
       "than the default 40 g/day and above 0"},
      {R"({"child_per_kg_limit": -0.1})",
       "child_per_kg_limit: not applied: a policy only tightens, and a stricter value is lower "
       "than the default 0.65 g/kg/day and above 0"},
      {R"({"adult_age_years": 2e6})",
       "adult_age_years: not applied: a policy only tightens, and a stricter value is higher "
       "than the default 18 years and at most 1000000"},
      {R"({"recent_icu_days": 2147483647})",
       "recent_icu_days: not applied: a policy only tightens, and a stricter value is longer "
       "than the default 30 days and at most 1000000"},
      {R"({"step_up_day": 1000001})",
       "step_up_day: not applied: a policy only tightens, and a stricter value is later than "
       "the default 5 days and at most 1000000"},
      {R"({"general_recovery_review_day": 10, "step_up_day": 2147483647})",
       "step_up_day: not applied: a policy only tightens, and a stricter value is later than "
       "the default 5 days and at most 1000000"},
      {R"({"adult_age_years": 21, "max_weight_kg": 1e-400})",
       "max_weight_kg: not applied: a policy only tightens, and a stricter value is lower than "
       "the default 700 kg and above 0"},
  };
  for (const auto& [policy, message] : not_applied) {
    CHECK(parse_failure(std::string(R"({"policy": )") + policy + "}") ==
          std::string("policy.") + message);
  }
  {
    // The default itself, a stricter value, null, and a step-up day past the review day (held
    // to the review day, stricter still) are read.
    gln::request_parser parser;
    gln::request kept;
    CHECK_FALSE(parser.parse(
        R"({"policy": {"adult_maximum_daily": 40, "observed_safe_level": 10, "require_age": null,)"
        R"( "step_up_day": 30}})",
        kept));
    const gln::policy in_force = gln::effective(kept.rules);
    CHECK(in_force.observed_safe_daily == gln::grams{10.0});
    CHECK(in_force.general_recovery_step_up_day == in_force.general_recovery_review_day);
    // A step-up day past an earlier review day: the review decides first, so it is read too.
    CHECK_FALSE(
        parser.parse(R"({"policy": {"general_recovery_review_day": 3, "step_up_day": 6}})", kept));
    CHECK(parser.parse(R"({"policy": {"step_up_day": 3}})", kept)->text() ==
          "policy.step_up_day: not applied: a policy only tightens, and a stricter value is later "
          "than the default 5 days and at most 1000000");
  }
  CHECK(parse_failure(R"({"codes": [{"system": "http://loinc.org", "code": "29463-7"}]})")
            .rfind("codes[0].code: names an observation", 0) == 0);
  // A LOINC code gln does not hold is a question too (serum glucose), never a condition gln
  // does not map (it was counted as one). A LOINC answer may name one.
  CHECK(parse_failure(R"({"codes": [{"system": "http://loinc.org", "code": "2345-7"}]})")
            .rfind("codes[0].code: names an observation or a unit", 0) == 0);
  {
    gln::request_parser parser;
    gln::request answer;
    CHECK_FALSE(
        parser.parse(R"({"codes": [{"system": "http://loinc.org", "code": "LA6576-8"}]})", answer));
    CHECK(answer.person.unmapped_conditions == 1);
  }
  CHECK(parse_failure(R"({"codes": [{"code": "19943007"}]})") == "codes[0].system: is required");
  CHECK(
      parse_failure(R"({"codes": [{"system": "http://snomed.info/sct", "code": "1", "x": 1}]})") ==
      "codes[0].'x': unknown key");
  CHECK(parse_failure("") == "empty: a request is a JSON object");
  CHECK(parse_failure("[1, 2]") == "a request must be a JSON object");
  CHECK(parse_failure("\xEF\xBB\xBF{}") ==
        "a UTF-8 byte order mark at byte 0: a request starts with '{'");
  CHECK(parse_failure("{} {}") == "bytes after the request at byte 3");
  CHECK(parsed("{}\t \r\n").id == "null");  // white space after the object is fine
  CHECK(parse_failure(std::string(100, '[') + std::string(100, ']')) ==
        "a request must be a JSON object");
  const std::string control = parse_failure("{\"conditions\": [\"a\\nb\"]}");
  CHECK(control.find('\n') == std::string::npos);
  CHECK(control.find("\\x0A") != std::string::npos);
}

TEST_CASE("every example profile parses and names a purpose") {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(profiles)) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    const tool_result r = run_tool({"--profile", entry.path().string(), "--json"});
    INFO(entry.path().string() << ": " << r.err);
    CHECK(r.code == gln_check::exit_ok);
    CHECK(json::parse(r.out).at("request").at("purpose").is_string());
    CHECK(json::parse(r.out).at("answer").at("overall").is_string());
  }
  CHECK(count >= 3);
}

TEST_CASE("parse_number accepts plain decimals only, parse_count those of a whole value") {
  CHECK(gln_check::parse_number("5") == 5.0);
  CHECK(gln_check::parse_number("-5") == -5.0);
  CHECK(gln_check::parse_number("+62.5") == 62.5);
  CHECK(gln_check::parse_number("1e3") == 1000.0);
  CHECK(gln_check::parse_number(".5") == 0.5);
  for (const char* bad : {"", "-", ".", "nan", "NaN", "inf", "-infinity", "0x10", " 5", "5 ", "5kg",
                          "1e", "1e999", "1,5", "--5"}) {
    INFO(bad);
    CHECK_FALSE(gln_check::parse_number(bad).has_value());
  }
  CHECK(gln_check::parse_count("12") == 12);
  CHECK(gln_check::parse_count("-1") == -1);
  // A whole value in any of those spellings, as a request's whole numbers are read.
  CHECK(gln_check::parse_count("2.0") == 2);
  CHECK(gln_check::parse_count("1e1") == 10);
  CHECK(gln_check::parse_count("-0") == 0);
  CHECK(gln_check::parse_count("2147483647.0") == 2147483647);
  for (const char* bad : {"", "2.5", "1e-1", "2147483648", "-2147483649", "1e999", "two"}) {
    INFO(bad);
    CHECK_FALSE(gln_check::parse_count(bad).has_value());
  }
  // The usage message tells a value out of range from one that is not a number.
  CHECK(gln_check::number_problem("1e999", false) ==
        "is out of range (a number a double can hold)");
  CHECK(gln_check::number_problem("-1e400", false).rfind("is out of range", 0) == 0);
  CHECK(gln_check::number_problem("nan", false) == "is not a number");
  CHECK(gln_check::number_problem("2147483648", true).rfind("is out of range", 0) == 0);
  CHECK(gln_check::number_problem("-2147483649", true).rfind("is out of range", 0) == 0);
  CHECK(gln_check::number_problem("2.5", true) == "is not a whole number");
  CHECK(gln_check::number_problem("3e9", true).rfind("is out of range", 0) == 0);
  CHECK(gln_check::number_problem("two", true) == "is not a whole number");
}

TEST_CASE("a number is printed as read: a tiny one not as 0, one beside a bound not on it") {
  // 1e-320 g is a valid (subnormal) dose; two decimals would show "0 g".
  const tool_result tiny =
      run_tool({"--age", "40", "--purpose", "exercise_recovery", "--grams", "1e-320"});
  CHECK(tiny.code == gln_check::exit_ok);
  CHECK(tiny.out.find("  regimen:       1e-320 g x 1 a day (1e-320 g/day)\n") != std::string::npos);
  CHECK(tiny.out.find(" 0 g") == std::string::npos);
  // Enough digits to say what was read: a cause beside its bound must not round onto it.
  CHECK(gln_check::format_number(17.9999999) == "17.9999999");
  CHECK(gln_check::format_number(130.0000001) == "130.0000001");
  CHECK(gln_check::format_number(699.99999999) == "699.99999999");
  CHECK(gln_check::format_number(0.19999999) == "0.19999999");
  CHECK(gln_check::format_number(1.1 * 3) == "3.3");  // 3.3000000000000003: 15 digits at most
  CHECK(gln_check::format_number(20.0 / 30.0) == "0.666666666666667");
  CHECK(gln_check::format_number(62.5) == "62.5");
  CHECK(gln_check::format_number(1e-320) == "1e-320");
  const tool_result child = run_tool({"--age", "17.9999999", "--purpose", "gut_barrier"});
  CHECK(child.out.find("age 17.9999999 y") != std::string::npos);
  CHECK(child.out.find("age_years: 17.9999999") != std::string::npos);
  CHECK(gln_check::format_number(0.004) == "0.004");
  CHECK(gln_check::format_number(-0.00125) == "-0.00125");
  CHECK(gln_check::format_number(1.2e-10) == "1.2e-10");
  CHECK(gln_check::format_number(0.01) == "0.01");
  CHECK(gln_check::format_number(2.5) == "2.5");
  CHECK(gln_check::format_number(0.0) == "0");
  CHECK(gln_check::format_number(-0.0) == "0");
}

TEST_CASE("run() lets nothing escape, whatever argv holds") {
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in;
  CHECK(gln_check::run(0, nullptr, out, err, in) == gln_check::exit_usage);  // no purpose
  const char* const with_null[] = {"gln-check", nullptr, "--purpose"};
  CHECK(gln_check::run(3, with_null, out, err, in) == gln_check::exit_usage);
}

TEST_CASE("gln/json.hpp: results, citations and enums in their documented shape") {
  gln::profile person{};
  person.age_years = 40.0;
  const json s = gln::screen(person, gln::purpose::ibs_symptoms);
  CHECK(s.at("purpose") == "ibs_symptoms");
  CHECK(s.at("oversight") == "self_directed");
  CHECK(s.at("overall") == "caution");
  CHECK(s.at("valid") == true);
  REQUIRE(s.at("findings").size() == 1);
  CHECK(s.at("findings")[0].at("rule") == "purpose.ibs_other_causes");

  CHECK(json(gln::verdict::clinician_only) == "clinician_only");
  CHECK(json(static_cast<gln::verdict>(200)).is_null());
  CHECK(json(gln::grams{2.5}) == 2.5);
  json age;
  age["age_years"] = person.age_years;
  age["weight_kg"] = person.weight_kg;
  CHECK(age == json({{"age_years", 40.0}, {"weight_kg", nullptr}}));
  CHECK(json(gln::condition_set{gln::condition::shock, gln::condition::cirrhosis}) ==
        json({"cirrhosis", "shock"}));

  CHECK(json(gln::glutamine_brand_in("NutreStore powder")) ==
        json({{"brand", "NutreStore"},
              {"labelled_for", "short_bowel_syndrome"},
              {"label", "nutrestore_label"}}));
  CHECK(json(gln::glutamine_brand_in("glutamine")) ==
        json({{"brand", nullptr}, {"labelled_for", nullptr}, {"label", nullptr}}));

  const json endari = gln::source_info(gln::source::endari_label);
  CHECK(endari.at("kind") == "regulatory_label");
  CHECK(endari.at("year") == 2017);
  CHECK(endari.at("doi").is_null());
  CHECK(endari.at("other_id") == "NDA 208587");
  const json shao = gln::source_info(gln::source::shao_hathcock_2008);
  CHECK(shao.at("doi") == "10.1016/j.yrtph.2008.01.004");
  CHECK(shao.at("pmid") == "18325648");
  CHECK(json(gln::source_info(gln::source::shah_2020_retracted)).at("retracted") == true);

  const json e = gln::evidence_for(gln::purpose::burns);
  CHECK(e.at("grade") == "against");
  CHECK(e.at("sources") == json({"heyland_2022_reenergize", "singer_2019_espen"}));

  gln::profile heavy{};
  heavy.weight_kg = gln::kilograms{80.0};
  const json g = gln::dose_for(heavy, gln::purpose::trauma);
  CHECK(g.at("per_kg_day_g") == json({{"min", 0.2}, {"max", 0.3}}));
  CHECK(std::abs(g.at("per_day_g").at("min").get<double>() - 16.0) < 1e-9);
  CHECK(std::abs(g.at("per_day_g").at("max").get<double>() - 24.0) < 1e-9);
  CHECK(g.at("weight_needed") == false);

  const json t = gln::plan_trial(person, gln::purpose::gut_barrier);
  CHECK(t.at("status") == "ready");
  CHECK(t.at("screening").at("overall") == "suitable");
  CHECK(t.at("dosing").at("hard_stop_day") == 56);
  CHECK(t.at("advice").at("athlete_basics").is_null());

  // assess's answer on its own: without a request no codes stand behind a cause (null).
  gln::profile with_cirrhosis{};
  with_cirrhosis.set_age(58);
  with_cirrhosis.conditions = {gln::condition::cirrhosis};
  const json a = gln::assess(with_cirrhosis, gln::purpose::gut_barrier);
  CHECK(a.at("action") == "do_not_take");
  CHECK(a.at("label") == "Do not take");
  REQUIRE(a.at("findings").size() == 1);
  CHECK(a.at("findings")[0].at("cause") ==
        json({{"field", "conditions"}, {"member", "cirrhosis"}, {"codes", nullptr}}));
  CHECK(a.at("dose").is_null());
  CHECK(a.at("dose_shown") == "do_not_take");
  const json ok = gln::assess(person, gln::purpose::general_recovery);
  CHECK(ok.at("action") == "ok");
  CHECK(ok.at("dose").at("summary") == "5 g once or twice a day (5-10 g/day)");
  CHECK(ok.at("dose").at("doses_per_day") == json({{"min", 1}, {"max", 2}}));
  CHECK(json(gln::action::not_recommended) == "not_recommended");
  CHECK(json(gln::dose_status::weight_needed) == "weight_needed");
  CHECK(json(static_cast<gln::action>(200)).is_null());
}

// Issue cases: a request whose parsers disagree would mean different things to gln and to
// whatever stands in front of it.
TEST_CASE("a key given twice is an error line naming it, at every depth, never the last value") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"age_years":40,"conditions":["cirrhosis"],"conditions":[],"purpose":"gut_barrier"})",
       "conditions"},
      {R"({"age_years":40,"icd10":["K74.60"],"icd10":[],"purpose":"gut_barrier"})", "icd10"},
      {R"({"age_years":10,"age_years":30,"purpose":"gut_barrier"})", "age_years"},
      {R"({"age_years":40,"purpose":"trauma","purpose":"gut_barrier"})", "purpose"},
      {R"({"age_years":40,"conditions":["pregnancy"],"oversight":"self_directed",)"
       R"("oversight":"clinician_supervised","purpose":"gut_barrier"})",
       "oversight"},
      {R"({"age_years":40,"purpose":"gut_barrier","regimen":{"grams_per_dose":50,)"
       R"("doses_per_day":1,"grams_per_dose":5}})",
       "regimen.grams_per_dose"},
      {R"({"id":1,"id":2,"purpose":"gut_barrier"})", "id"},
      {R"({"age_years":40,"purpose":"gut_barrier","codes":[{"system":"http://snomed.info/sct",)"
       R"("code":"19943007","code":"38341003"}]})",
       "codes[0].code"},
      {R"({"age_years":40,"purpose":"gut_barrier","policy":{"observed_safe_level":10,)"
       R"("observed_safe_level":14}})",
       "policy.observed_safe_level"},
      // The same key spelled with an escape is the same key.
      {R"({"age_years":40,"a\u0067e_years":10,"purpose":"gut_barrier"})", "age_years"},
  };
  for (const auto& [line, key] : cases) {
    INFO(line);
    const json answer = batch_line(line);
    CHECK_FALSE(answer.contains("answer"));
    CHECK(answer.at("error") == key + ": duplicate key");
    CHECK(answer.at("field") == key);
  }
}

TEST_CASE("a NUL byte anywhere, or bytes after the request, make the line an error") {
  const std::string nul_line = std::string(R"({"age_years":40,"purpose":"gut_barrier"})") + '\0' +
                               R"({"conditions":["cirrhosis"]})";
  const json nul = batch_line(nul_line);
  CHECK(nul.at("error") == "a NUL byte at byte 40");
  CHECK(nul.at("id").is_null());
  const json inside =
      batch_line(std::string("{\"purpose\":\"gut_barrier\",\"id\":\"a") + '\0' + "\"}");
  CHECK(inside.at("error").get<std::string>().rfind("a NUL byte", 0) == 0);
  const json trailing =
      batch_line(R"({"id":5,"purpose":"gut_barrier"} {"conditions":["cirrhosis"]})");
  CHECK(trailing.at("error") == "bytes after the request at byte 33");
  CHECK(trailing.at("id") == 5);
  CHECK(batch_line(R"({"id":5,"purpose":"gut_barrier"} x)").contains("error"));
  // Trailing white space (and the CR of a CRLF line) is not an error.
  CHECK(batch_line("{\"id\":5,\"purpose\":\"gut_barrier\"} \t\r").at("id") == 5);
}

TEST_CASE("one unmapped code does not fail the row: the codes that map are screened") {
  const json envelope =
      batch_line(R"({"id":9,"age_years":60,"icd10":["E11.9","K74.60"],"purpose":"gut_barrier"})");
  REQUIRE(envelope.contains("answer"));
  CHECK(envelope.at("unmapped_codes") == json({"E11.9"}));
  CHECK(envelope.at("request").at("icd10") == json({"E11.9", "K74.60"}));
  CHECK(envelope.at("request").at("conditions") == json({"cirrhosis"}));
  const json& findings = envelope.at("answer").at("findings");
  CHECK(envelope.at("answer").at("overall") == "avoid");
  CHECK(finding(findings, "contra.cirrhosis").at("level") == "avoid");
  // The code gln could not read is reviewed, not ignored (knowledge.md §4).
  CHECK(finding(findings, "input.conditions_unmapped").at("level") == "caution");

  // The same for other code systems: SNOMED CT cirrhosis, an unmapped SNOMED CT concept and an
  // RxNorm drug gln has no class for (an other prescription).
  const json coded =
      batch_line(R"({"age_years":60,"purpose":"gut_barrier","codes":[)"
                 R"({"system":"http://snomed.info/sct","code":"19943007"},)"
                 R"({"system":"http://snomed.info/sct","code":"73211009"},)"
                 R"({"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}]})");
  REQUIRE(coded.contains("answer"));
  CHECK(
      coded.at("unmapped_codes") ==
      json::parse(R"([{"system":"http://snomed.info/sct","code":"73211009"},)"
                  R"({"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"860975"}])"));
  CHECK(coded.at("request").at("conditions") == json({"cirrhosis"}));
  CHECK(coded.at("request").at("medications") == json({"other_prescription"}));
  CHECK(coded.at("answer").at("overall") == "avoid");

  // A malformed code, or a code system gln does not hold, is an error naming it.
  CHECK(batch_line(R"({"icd10":["E11.9","K7"],"purpose":"gut_barrier"})").at("error") ==
        "icd10[1]: malformed ICD-10-CM code 'K7'");
  CHECK(batch_line(R"({"codes":[{"system":"http://snomed.info/sct","code":"19943007"},)"
                   R"({"system":"http://hl7.org/fhir/sid/icd-10","code":"K74.6"}],)"
                   R"("purpose":"gut_barrier"})")
            .at("field") == "codes[1].system");
}

TEST_CASE("names are trimmed, and null oversight is the default like every other null") {
  const json trimmed = batch_line(
      R"({"conditions":[" cirrhosis"],"medications":["lactulose "],"purpose":" gut_barrier",)"
      R"("oversight":"clinician_supervised ","icd10":[" N18.4 "]})");
  REQUIRE(trimmed.contains("request"));
  CHECK(trimmed.at("request").at("conditions") == json({"cirrhosis", "severe_kidney_disease"}));
  CHECK(trimmed.at("request").at("medications") == json({"lactulose"}));
  CHECK(trimmed.at("request").at("purpose") == "gut_barrier");
  CHECK(trimmed.at("request").at("oversight") == "clinician_supervised");
  CHECK(trimmed.at("request").at("icd10") == json({"N18.4"}));

  const json null_oversight =
      batch_line(R"({"age_years":40,"oversight":null,"purpose":"gut_barrier"})");
  REQUIRE(null_oversight.contains("answer"));
  CHECK(null_oversight.at("request").at("oversight") == "self_directed");
  CHECK(null_oversight.at("answer").at("overall") == "suitable");

  // null conditions and medications are unknown, never none (knowledge.md §4).
  const json unknown = batch_line(
      R"({"age_years":40,"conditions":null,"medications":null,"purpose":"gut_barrier"})");
  CHECK(unknown.at("request").at("conditions").is_null());
  CHECK(unknown.at("request").at("medications").is_null());
  const json& findings = unknown.at("answer").at("findings");
  CHECK(finding(findings, "input.conditions_unknown").at("level") == "clinician_only");
  CHECK(finding(findings, "input.medications_unknown").at("level") == "caution");
}

TEST_CASE("ids are echoed byte for byte: strings, integers of any length, null") {
  const std::vector<std::string> ids{
      "12345678901234567890123",
      "-0",
      "0",
      "\"a\\u0041\\/b\"",
      "\"\"",
      "null",
      "123456789012345678901234567890123456789012345678901234567890"};
  for (const std::string& id : ids) {
    INFO(id);
    const tool_result r =
        run_tool({"--batch"}, "{\"id\": " + id + " , \"purpose\": \"gut_barrier\"}\n");
    REQUIRE(r.code == gln_check::exit_ok);
    CHECK(r.out.rfind("{\"id\":" + id + ",\"gln_version\":", 0) == 0);
    // The same id on an error line.
    const tool_result bad = run_tool({"--batch"}, "{\"id\": " + id + ", \"purpose\": \"x\"}\n");
    CHECK(bad.out.rfind("{\"id\":" + id + ",\"line\":1,\"error\":", 0) == 0);
  }
  // Two rows never share an id they did not send.
  const tool_result two = run_tool({"--batch"},
                                   "{\"id\": 12345678901234567890123}\n"
                                   "{\"id\": 12345678901234567890124}\n");
  const std::vector<std::string> out = lines_of(two.out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].find("12345678901234567890123") != std::string::npos);
  CHECK(out[1].find("12345678901234567890124") != std::string::npos);
  for (const char* bad : {"1.5", "1e3", "[1]", "{}", "true"}) {
    INFO(bad);
    CHECK(batch_line(std::string("{\"id\": ") + bad + ", \"purpose\": \"gut_barrier\"}")
              .at("error") == "id: must be a string, an integer or null");
  }
  // A token that is no JSON number is named as such, not as a number of the wrong kind.
  CHECK(batch_line("{\"id\": 007, \"purpose\": \"gut_barrier\"}").at("error") ==
        "id: '007' is not a JSON number");
}

TEST_CASE("the request echo reads back as the same request") {
  const std::vector<std::string> lines{
      R"({"id":1,"age_years":34,"weight_kg":62,"purpose":"endurance_gut_stress","regimen":{"grams_per_dose":5}})",
      R"({"conditions":null,"icd10":["K74.60","E11.9"],"medications":["lactulose"],"purpose":"gut_barrier"})",
      R"({"conditions":["pregnancy"],"icd10":null,"codes":[{"system":"http://www.whocc.no/atc","code":"N03AX14"}],"purpose":"gut_barrier"})",
      R"({"codes":null,"weight_age_days":400,"weight_kg":30,"age_years":9,"purpose":"sickle_cell_disease","oversight":"clinician_supervised","policy":{"max_doses_per_day":3,"require_age":1}})",
  };
  for (const std::string& line : lines) {
    INFO(line);
    const json first = batch_line(line);
    REQUIRE(first.contains("request"));
    json again = first.at("request");
    again["id"] = first.at("id");
    const json second = batch_line(again.dump());
    CHECK(second.at("request") == first.at("request"));
    CHECK(second.at("unmapped_codes") == first.at("unmapped_codes"));
    CHECK(second.at("answer") == first.at("answer"));
  }
}

TEST_CASE("every write is checked: a failed output is one message and exit 1") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::ostringstream err;
  std::istringstream in("{\"purpose\": \"gut_barrier\"}\n");
  for (const std::vector<const char*>& args :
       {std::vector<const char*>{"gln-check", "--version"},
        std::vector<const char*>{"gln-check", "--list", "purposes"},
        std::vector<const char*>{"gln-check", "--help"},
        std::vector<const char*>{"gln-check", "--purpose", "gut_barrier"},
        std::vector<const char*>{"gln-check", "--batch"}}) {
    err.str("");
    CHECK(gln_check::run(static_cast<int>(args.size()), args.data(), out, err, in) ==
          gln_check::exit_io_error);
    CHECK(err.str().rfind("gln-check: cannot write the output", 0) == 0);
    CHECK(lines_of(err.str()).size() == 1);
  }
}

TEST_CASE("from_json reads a document by the same rules, and the envelope carries the answer") {
  const nlohmann::json document = nlohmann::json::parse(
      R"({"id": "r1", "age_years": 58, "icd10": ["K74.60", "E11.9"], "purpose": "gut_barrier"})");
  const auto req = document.get<gln::request>();
  CHECK(req.id == "\"r1\"");
  CHECK(req.person.conditions == gln::condition_set{gln::condition::cirrhosis});
  CHECK(req.person.unmapped_conditions == 1);
  const auto envelope =
      gln::envelope_json(req, gln::answer_json<nlohmann::ordered_json>(req, gln::assess(req)));
  CHECK(envelope.at("id") == "r1");
  CHECK(envelope.at("unmapped_codes") == nlohmann::ordered_json({"E11.9"}));
  CHECK(envelope.at("answer").at("overall") == "avoid");
  CHECK(envelope.at("answer").at("action") == "do_not_take");
  // gln::answer still gives every entry point's own result, with the request's policy.
  const gln::request_answer every = gln::answer(req);
  CHECK(every.overall == gln::verdict::avoid);
  CHECK(every.dose.self_directed());

  const auto plan =
      nlohmann::json::parse(R"({"grams_per_dose": 5, "doses_per_day": 2})").get<gln::regimen>();
  CHECK(plan.per_dose.value() == 5.0);
  CHECK(plan.doses_per_day == 2);
  const auto rules = nlohmann::json::parse(R"({"observed_safe_level": 10})").get<gln::policy>();
  CHECK(rules.observed_safe_daily.value() == 10.0);
  const auto person =
      nlohmann::json::parse(R"({"age_years": 40, "medications": null})").get<gln::profile>();
  CHECK(person.age_years == 40.0);
  CHECK_FALSE(person.medications_known);
  try {
    (void)nlohmann::json::parse(R"({"age_years": 40, "purpose": "gut_barrier"})")
        .get<gln::profile>();
    FAIL("a profile has no purpose");
  } catch (const gln::request_exception& e) {
    CHECK(std::string(e.what()) == "'purpose': unknown key");
  }
  try {
    (void)nlohmann::json::parse(R"({"regimen": {"grams_per_dose": "5"}})").get<gln::request>();
    FAIL("grams_per_dose is a number");
  } catch (const gln::request_exception& e) {
    CHECK(e.error().field() == "regimen.grams_per_dose");
  }
}
