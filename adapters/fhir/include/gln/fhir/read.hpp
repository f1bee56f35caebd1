#ifndef GLN_FHIR_READ_HPP
#define GLN_FHIR_READ_HPP

// FHIR R4 JSON in: a patient's record (a Bundle, or a CDS Hooks prefetch) read into a
// gln::profile as of a screening date, with what gave each fact (knowledge.md §2, §2b, §4).
//
// What is read, and how:
//   Patient            age from birthDate (a year or a year and month gives the youngest age
//                      it allows), deceased.
//   Condition          every coding of Condition.code in a system gln maps (code_lookup), for
//                      clinically active conditions: all but those whose clinicalStatus is
//                      inactive, remission or resolved, whose verificationStatus is refuted or
//                      entered-in-error, or whose abatement is dated on or before the screening
//                      date; only FHIR's codes in FHIR's code systems rule out, and not where
//                      another coding of the status says otherwise ("Active", a plain string,
//                      "refuted" beside "confirmed": active, since unknown is not none).
//                      An active condition that maps to nothing is listed and counted
//                      (profile.unmapped_conditions: input.conditions_unmapped).
//   MedicationRequest, MedicationStatement (every status but completed, cancelled, stopped,
//                      entered-in-error and not-taken: on-hold, unknown, a missing or unreadable
//                      status count; draft orders of the session too)
//                      classes from ATC, RxNorm and NDC codings, then the ingredients an RxNorm
//                      display names; a glutamine product is supplement_stack (unless it is
//                      the order being checked); an active medication that maps to no class is
//                      other_prescription.
//   Procedure          chemotherapy, radiotherapy, dialysis within policy.recent_procedure_days
//                      of the screening date; ICU admission within policy.recent_icu_days.
//   AllergyIntolerance monosodium glutamate: msg_sensitivity (unless inactive, resolved, refuted
//                      or entered-in-error, as for a Condition).
//   Observation        the latest final, amended or corrected body weight with a unit gln reads
//                      (kg, g, [lb_av]; any other unit: skipped and reported, never guessed),
//                      and its age in days; the latest pregnancy status (LOINC 82810-3).
// Unknown is not none: conditions and medications are known only where their data was sent
// (a prefetch key, or the resource type in a Bundle); an empty search result means none.
//
// The reader keeps pointers to the JSON it is given: keep that JSON alive until read()
// returns. Nothing here throws on any JSON input (a value of the wrong type is read as absent).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <gln/gln.hpp>

#include "date.hpp"
#include "url.hpp"

namespace gln {
namespace fhir {

using json = nlohmann::json;

// A FHIR Coding, as read.
struct coding {
  std::string system;
  std::string code;
  std::string display;
};

// How a fact was read from a coding or a text.
enum class matched_by {
  code,             // gln's tables (code_lookup)
  lookup_hook,      // the deployer's look-up (read_options::lookup)
  rxnorm_display,   // an ingredient named in an RxNorm display (knowledge.md §2b)
  medication_text,  // a medication text or display that names glutamine
  no_class,         // an active medication that maps to no class: other_prescription
};

inline std::string_view to_string(matched_by how) {
  switch (how) {
    case matched_by::code: return "code";
    case matched_by::lookup_hook: return "look-up hook";
    case matched_by::rxnorm_display: return "RxNorm display";
    case matched_by::medication_text: return "medication text";
    case matched_by::no_class: return "no class";
  }
  return "";
}

// What gave a fact: the resource ("Condition/123"), its words, and the coding that mapped.
struct provenance {
  std::string resource;
  std::string text;  // the concept's text or the first display, for people
  coding by;         // empty for a fact read from a text
  matched_by how = matched_by::code;
};

struct condition_fact {
  gln::condition condition{};
  provenance from;
};

struct medication_fact {
  gln::medication medication{};
  provenance from;
};

// A coding and what gln's look-up said of it.
struct read_coding {
  coding value;
  lookup_status status = lookup_status::unmapped;
};

// An active condition or medication gln could not map.
struct unmapped_entry {
  std::string resource;
  std::string text;
  std::vector<read_coding> codings;
};

// A resource that was not used, and why (a weight in an unknown unit, a date that cannot be
// read, a reference that does not resolve).
struct skipped_entry {
  std::string resource;
  std::string why;
};

// The parts of a record a request may or may not carry.
enum class section {
  patient,
  conditions,
  medications,
  weight,
  pregnancy_status,
  procedures,
  allergies
};
inline constexpr std::size_t section_count = 7;

inline std::string_view to_string(section s) {
  switch (s) {
    case section::patient: return "patient";
    case section::conditions: return "conditions";
    case section::medications: return "medications";
    case section::weight: return "weight";
    case section::pregnancy_status: return "pregnancy status";
    case section::procedures: return "procedures";
    case section::allergies: return "allergies";
  }
  return "";
}

enum class section_state {
  not_sent,    // unknown: no data of this kind was given
  read,        // complete: an empty result means none
  incomplete,  // some data, but not all of it (another page, an error the sender reported)
};

// Whether only the newest usable entry of a section is used (the weight, the pregnancy status):
// a search of it sorted newest first (`_sort=-date`, as the self link of the page says) answers
// from its first pages when they hold an entry newer than any the pages after them can.
inline bool read_newest_first(section s) {
  return s == section::weight || s == section::pregnancy_status;
}

struct section_status {
  section_state state = section_state::not_sent;
  std::string why;  // for incomplete: what is missing
};

struct weight_reading {
  double kilograms = 0.0;
  double value = 0.0;  // as recorded
  std::string unit;    // as recorded (the UCUM code, else the unit text)
  date measured;
  std::int64_t age_days = 0;
  std::string resource;
};

// A glutamine product the record holds as an active medication (or a draft order of the
// session): what patient-view checks, and what makes supplement_stack for another order.
struct glutamine_medication {
  std::string resource;
  std::string text;
  provenance from;
  const json* resource_json = nullptr;  // into the JSON given to the reader
  bool draft = false;
};

// What a record said, as data.
struct record {
  gln::profile profile;  // oversight is self_directed: set it for the use
  date screening_date;
  std::string patient;  // "Patient/<id>", or empty
  std::optional<partial_date> birth_date;
  bool deceased = false;
  std::string deceased_text;  // the deceasedDateTime, or "yes"
  std::optional<weight_reading> weight;
  std::vector<condition_fact> conditions;
  std::vector<medication_fact> medications;
  std::vector<unmapped_entry> unmapped_conditions;
  std::vector<unmapped_entry> unmapped_medications;
  // Active medications whose drug cannot be told (concept_reading::unidentified), each with
  // why: any of them may be glutamine, unchecked.
  std::vector<skipped_entry> unidentified_medications;
  // Active allergies gln has no rule for (all but MSG): listed for review, never read as none.
  std::vector<unmapped_entry> unmapped_allergies;
  // Pregnancy statuses that may say pregnant but were not used (not final, undated, an answer
  // or a code gln does not read), each with why: the status is then not known.
  std::vector<skipped_entry> pregnancy_to_review;
  std::vector<glutamine_medication> glutamine;
  std::vector<skipped_entry> skipped;
  std::size_t active_conditions = 0;
  std::size_t active_medications = 0;
  std::array<section_status, section_count> sections{};

  const section_status& status(section s) const { return sections[static_cast<std::size_t>(s)]; }
  bool known(section s) const { return status(s).state == section_state::read; }
};

// The deployer's look-up (knowledge.md §2b), for a licensed SNOMED CT subsumption service or
// an RxNorm ingredient service: asked for every coding gln does not map; a mapped answer's
// conditions, classes and glutamine flag are added to gln's, never replace them.
using lookup_hook = std::function<gln::code_match(std::string_view system, std::string_view code)>;

struct read_options {
  date screening_date = today_utc();
  gln::policy policy{};  // the procedure and ICU windows (read through gln::effective)
  lookup_hook lookup;
  // The id of the patient the data must be about (a CDS Hooks context.patientId); empty: the
  // first Patient's. A Patient with another id, or a resource whose subject (patient, for an
  // AllergyIntolerance) names another Patient, or is no reference that can be shown to name
  // this one (read_patient_reference; a urn:uuid or urn:oid reference to an entry, and no
  // subject at all, are read as this patient's), is not used: it is listed in skipped, and its
  // section is incomplete. Two copies of the patient that disagree on birthDate or deceased[x]
  // leave the age unknown, the same way; so does a patient named in a field R4 does not give
  // the resource's type (an AllergyIntolerance's subject). Whatever the options, a resource
  // with a modifierExtension, or a Patient record not in use, is not used (unread_modifier).
  std::string patient_id;
  // The FHIR base URL the data came from (a CDS Hooks fhirServer), compared as on_server
  // reads it; empty: the data came from no named server; none: not checked (a Bundle read on
  // its own). Where set, a subject that is an absolute reference names a patient of that
  // server only: `https://other.example/fhir/Patient/<patient_id>` is another server's patient,
  // not used, listed in skipped, and its section is incomplete, as for another patient; so is
  // an entry whose absolute fullUrl is on another server (its relative references are to that
  // server), any absolute fullUrl where the server is empty, and a fullUrl given that is no
  // non-empty string.
  std::optional<std::string> fhir_server;
};

// The prefetch keys that hold each section (the CDS Hooks service's discovery names them).
struct prefetch_keys {
  std::string patient = "patient";
  std::string conditions = "conditions";
  std::string medications = "medications";
  std::string medication_statements = "medicationStatements";
  std::string weight = "weight";
  std::string pregnancy_status = "pregnancy";
  std::string procedures = "procedures";
  std::string allergies = "allergies";
};

// The coding systems by FHIR URI, as gln names them.
namespace system_uri {
inline constexpr std::string_view rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
inline constexpr std::string_view ndc = "http://hl7.org/fhir/sid/ndc";
inline constexpr std::string_view ucum = "http://unitsofmeasure.org";
}  // namespace system_uri

namespace detail {

inline const json* member(const json* object, std::string_view key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto found = object->find(key);
  return found == object->end() ? nullptr : &*found;
}
inline const json* member(const json& object, std::string_view key) { return member(&object, key); }

inline std::string_view text_of(const json* value) {
  if (value == nullptr || !value->is_string()) return {};
  return value->get_ref<const std::string&>();
}
inline std::string_view text_at(const json& object, std::string_view key) {
  return text_of(member(object, key));
}

template <class Visit>
void for_each_item(const json* array, Visit visit) {
  if (array == nullptr || !array->is_array()) return;
  for (const json& item : *array) visit(item);
}

inline std::vector<coding> codings_of(const json* code_concept) {
  std::vector<coding> out;
  for_each_item(member(code_concept, "coding"), [&](const json& c) {
    out.push_back(coding{std::string(text_at(c, "system")), std::string(text_at(c, "code")),
                         std::string(text_at(c, "display"))});
  });
  return out;
}

// The words of a concept: its text, else the first display.
inline std::string concept_text(const json* code_concept) {
  const std::string_view text = text_of(member(code_concept, "text"));
  if (!text.empty()) return std::string(text);
  std::string out;
  for_each_item(member(code_concept, "coding"), [&](const json& c) {
    if (out.empty()) out = std::string(text_at(c, "display"));
  });
  return out;
}

// Whether a text is a FHIR R4 dateTime exactly (YYYY, YYYY-MM, YYYY-MM-DD, or a date and a time
// hh:mm:ss[.fff] with its zone, which FHIR requires with a time): "2026-12-03Tgarbage" and a time
// without a zone are not, so nothing is read of them where reading them as a day would rule
// something out.
inline bool is_fhir_date_time(std::string_view text) {
  static const std::regex date_time(
      R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60))"
      R"((\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?)");
  return std::regex_match(text.begin(), text.end(), date_time) &&
         parse_partial_date(text).has_value();
}

// The latest day a date-like element allows: a dateTime, a Period's end, or its start.
inline std::optional<date> latest_day(const json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    const auto read = parse_partial_date(text_of(value));
    if (read) return read->latest;
    return std::nullopt;
  }
  if (const json* end = member(value, "end")) return latest_day(end);
  return std::nullopt;
}

// The day an Observation or Procedure is dated: the latest its date allows (a Period's end,
// else its start), or with `earliest` the earliest (a Period's start, else its end): a weight
// dated "2026-11" is as old as the first of the month.
inline std::optional<date> dated(const json& resource, std::initializer_list<std::string_view> keys,
                                 bool earliest = false) {
  const auto day_of = [earliest](const json* value) -> std::optional<date> {
    if (value == nullptr || !value->is_string()) return std::nullopt;
    const auto read = parse_partial_date(text_of(value));
    if (!read) return std::nullopt;
    return earliest ? read->earliest : read->latest;
  };
  for (std::string_view key : keys) {
    const json* value = member(resource, key);
    if (value == nullptr) continue;
    if (value->is_string()) return day_of(value);
    if (value->is_object()) {  // a Period
      const char* first = earliest ? "start" : "end";
      const char* second = earliest ? "end" : "start";
      if (const auto day = day_of(member(value, first))) return day;
      if (const auto day = day_of(member(value, second))) return day;
    }
  }
  return std::nullopt;
}

// The day an Observation is dated (see dated()).
inline std::optional<date> observation_day(const json& observation, bool earliest = false) {
  return dated(observation, {"effectiveDateTime", "effectiveInstant", "effectivePeriod", "issued"},
               earliest);
}

inline std::string reference_of(const json& resource, std::string_view fallback = {}) {
  const std::string_view type = text_at(resource, "resourceType");
  const std::string_view id = text_at(resource, "id");
  if (!type.empty() && !id.empty()) return std::string(type) + "/" + std::string(id);
  if (!fallback.empty()) return std::string(fallback);
  return std::string(type.empty() ? "resource" : type) + " (no id)";
}

inline bool is_type(const json& resource, std::string_view type) {
  return text_at(resource, "resourceType") == type;
}

// Where "Patient/" begins in a reference that names a Patient ("Patient/7",
// "https://x/fhir/Patient/7/_history/2"), or npos.
inline std::size_t patient_type_at(std::string_view reference) {
  constexpr std::string_view type = "Patient/";
  for (std::size_t at = reference.rfind(type); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : reference.rfind(type, at - 1)) {
    if (at == 0 || reference[at - 1] == '/') return at;
  }
  return std::string_view::npos;
}

// The Reference to the Patient a resource is about: its subject (patient for an
// AllergyIntolerance), or null.
inline const json* subject_member_of(const json& resource) {
  return member(resource, is_type(resource, "AllergyIntolerance") ? "patient" : "subject");
}

// That Reference's reference, as written, or empty.
inline std::string_view subject_reference_of(const json& resource) {
  return text_of(member(subject_member_of(resource), "reference"));
}

// Whether `text` is a FHIR id: [A-Za-z0-9-.]{1,64}.
// "." and "..", which the pattern allows, are refused: in a URL they are dot segments
// (Patient/.. is the base), never a resource's id.
inline bool is_fhir_id(std::string_view text) {
  return !text.empty() && text.size() <= 64 && text != "." && text != ".." &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '.';
         });
}

// A reference to a Patient as the reader can show whom it names: [base/]Patient/<id>, with an
// optional /_history/<version>; the id and version as FHIR's id ([A-Za-z0-9-.]{1,64}) and the
// base, where given, an http(s) base URL. Nothing else (another case of "Patient", a contained
// "#p", a path before it that is no base URL, a segment after it) is read as naming a Patient.
struct patient_reference {
  std::string_view base;  // empty: a relative reference
  std::string_view id;
};
inline std::optional<patient_reference> read_patient_reference(std::string_view reference) {
  const std::size_t at = patient_type_at(reference);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = reference.substr(at + std::string_view("Patient/").size());
  const std::size_t slash = rest.find('/');
  const std::string_view id = rest.substr(0, slash);
  if (!is_fhir_id(id)) return std::nullopt;
  if (slash != std::string_view::npos) {
    rest = rest.substr(slash);
    constexpr std::string_view history = "/_history/";
    if (rest.substr(0, history.size()) != history || !is_fhir_id(rest.substr(history.size()))) {
      return std::nullopt;
    }
  }
  const std::string_view base = at == 0 ? std::string_view{} : reference.substr(0, at - 1);
  if (at != 0 && !base_url_key(base)) return std::nullopt;
  return patient_reference{base, id};
}

// Whether a reference or fullUrl names an entry of the same Bundle: a uuid or an oid as FHIR R4
// writes them (its uuid and oid types: `urn:uuid:` and 8-4-4-4-12 lower-case hex digits;
// `urn:oid:` and [0-2](\.(0|[1-9][0-9]*))+). Anything else ("urn:uuid:abc", "URN:UUID:...")
// names no entry: FHIR gives it no meaning, so it is not read as naming the patient.
inline bool is_entry_urn(std::string_view text) {
  constexpr std::string_view uuid = "urn:uuid:";
  constexpr std::string_view oid = "urn:oid:";
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.substr(0, uuid.size()) == uuid) {
    const std::string_view hex = text.substr(uuid.size());
    if (hex.size() != 36) return false;
    for (std::size_t i = 0; i < hex.size(); ++i) {
      const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? hex[i] != '-' : !(digit(hex[i]) || (hex[i] >= 'a' && hex[i] <= 'f'))) return false;
    }
    return true;
  }
  if (text.substr(0, oid.size()) != oid) return false;
  const std::string_view arcs = text.substr(oid.size());
  if (arcs.size() < 3 || arcs[0] < '0' || arcs[0] > '2' || arcs[1] != '.') return false;
  std::size_t start = 2;  // each later arc: 0, or digits without a leading zero
  while (start <= arcs.size()) {
    std::size_t end = arcs.find('.', start);
    if (end == std::string_view::npos) end = arcs.size();
    const std::string_view arc = arcs.substr(start, end - start);
    if (arc.empty() || !std::all_of(arc.begin(), arc.end(), digit) ||
        (arc.size() > 1 && arc[0] == '0'))
      return false;
    start = end + 1;
  }
  return true;
}

// The server base of a fullUrl `[base]/<type>/<id>` ("https://x/fhir" of
// "https://x/fhir/Condition/c1"), the base an http(s) base URL, `type` and `id` the resource's,
// against which the relative references of its resource resolve (FHIR R4 Bundle); else empty.
inline std::string_view full_url_base(std::string_view full_url, std::string_view type,
                                      std::string_view id) {
  const std::size_t id_slash = full_url.rfind('/');
  if (id_slash == std::string_view::npos || id_slash == 0) return {};
  const std::size_t type_slash = full_url.rfind('/', id_slash - 1);
  if (type_slash == std::string_view::npos) return {};
  const std::string_view base = full_url.substr(0, type_slash);
  return full_url.substr(id_slash + 1) == id && is_fhir_id(id) &&
                 full_url.substr(type_slash + 1, id_slash - type_slash - 1) == type &&
                 base_url_key(base)
             ? base
             : std::string_view{};
}

// `text` for a message: at most its first 100 bytes, never cut inside a UTF-8 sequence.
inline std::string shown(std::string_view text) {
  if (text.size() <= 100) return std::string(text);
  std::size_t cut = 100;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// The type a literal reference names ("Group" of "Group/g1", "https://x/fhir/Device/d" or
// "Group/g1/_history/2"), or empty where it names none (a urn:uuid, a contained "#id").
inline std::string_view type_in(std::string_view reference) {
  constexpr std::string_view history = "/_history/";
  if (const std::size_t at = reference.rfind(history); at != std::string_view::npos)
    reference = reference.substr(0, at);
  const std::size_t slash = reference.rfind('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == reference.size()) return {};
  const std::size_t start = reference.rfind('/', slash - 1);
  const std::string_view type =
      reference.substr(start == std::string_view::npos ? 0 : start + 1,
                       start == std::string_view::npos ? slash : slash - start - 1);
  const bool named = !type.empty() && std::all_of(type.begin(), type.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
  return named ? type : std::string_view{};
}

// What a resource is about where that is not a Patient, in words ("Group/g1", "a
// RelatedPerson (urn:uuid:...)", "its focus RelatedPerson/r1"), else empty: a subject whose
// reference or type names another kind of resource (in any case), or an Observation's focus
// (FHIR: what it is about when that is not its subject).
inline std::string other_subject_of(const json& resource) {
  const std::string_view reference = subject_reference_of(resource);
  const std::string_view type = type_in(reference);
  if (!type.empty() && lower_ascii(type) != "patient") return std::string(reference);
  const std::string_view declared = text_of(member(subject_member_of(resource), "type"));
  if (!declared.empty() && declared != "Patient") {
    return "a " + std::string(declared) +
           (reference.empty() ? "" : " (" + std::string(reference) + ")");
  }
  const json* focus = member(resource, "focus");
  if (focus != nullptr && !focus->is_null() && !(focus->is_array() && focus->empty())) {
    std::string named;
    for_each_item(focus, [&](const json& item) {
      if (named.empty()) named = std::string(text_of(member(&item, "reference")));
    });
    return "its focus" + (named.empty() ? std::string() : " " + named);
  }
  return {};
}

// Whether a modifierExtension that is not empty is anywhere in `value` (a walk with no strings:
// every resource of every read goes through it).
inline bool holds_modifier_extension(const json& value) {
  std::vector<const json*> rest{&value};
  while (!rest.empty()) {
    const json* next = rest.back();
    rest.pop_back();
    if (next->is_array()) {
      for (const json& item : *next) rest.push_back(&item);
    } else if (next->is_object()) {
      for (const auto& [key, item] : next->items()) {
        if (key == "modifierExtension" && !item.is_null() && !(item.is_array() && item.empty()))
          return true;
        rest.push_back(&item);
      }
    }
  }
  return false;
}

// Why a resource cannot be read as written, else empty: a modifierExtension anywhere in it
// (FHIR R4: an extension that changes the meaning of what holds it must not be ignored, and gln
// understands none), `implicitRules` (rules it was written under), an order not to do what it
// names (`doNotPerform` true or no boolean, a modifier element of MedicationRequest: "do not
// give" read as "gives"), or a Patient record not in use (`active` false, a modifier element; a
// `link` of type replaced-by: "must no longer be used"; either written otherwise).
inline std::string unread_modifier(const json& resource) {
  std::vector<std::pair<const json*, std::string>> rest;
  if (holds_modifier_extension(resource)) rest.emplace_back(&resource, std::string());
  while (!rest.empty()) {
    const auto [value, path] = rest.back();
    rest.pop_back();
    if (value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i)
        rest.emplace_back(&(*value)[i], path + "[" + std::to_string(i) + "]");
      continue;
    }
    if (!value->is_object()) continue;
    for (const auto& [key, item] : value->items()) {
      const std::string at = path.empty() ? key : path + "." + key;
      if (key == "modifierExtension" && !item.is_null() && !(item.is_array() && item.empty()))
        return "it carries a modifierExtension (" + shown(at) +
               "), which changes its meaning in a way gln does not read";
      rest.emplace_back(&item, at);
    }
  }
  // implicitRules (a modifier element): rules it was written under, which gln cannot read.
  if (const json* rules = member(resource, "implicitRules"); rules != nullptr && !rules->is_null())
    return "it was written under implicitRules (" + shown(text_of(rules)) +
           "), which may change its meaning in a way gln does not read";
  const json* do_not_perform = member(resource, "doNotPerform");
  if (do_not_perform != nullptr && !do_not_perform->is_null() && !do_not_perform->is_boolean())
    return "its doNotPerform is no boolean, so it may be an order not to do what it names";
  if (do_not_perform != nullptr && do_not_perform->is_boolean() && do_not_perform->get<bool>())
    return "it is an order not to do what it names (doNotPerform: true)";
  if (is_type(resource, "Patient")) {
    // Written otherwise than FHIR writes them, these may say the same: not known to be in use.
    const json* active = member(resource, "active");
    if (active != nullptr && !active->is_null() && !active->is_boolean())
      return "its active is no boolean, so it is not known to be a record in use";
    if (active != nullptr && active->is_boolean() && !active->get<bool>())
      return "it is a Patient record not in use (active: false)";
    const json* links = member(resource, "link");
    if (links != nullptr && !links->is_null() && !links->is_array())
      return "its link is no list, so it is not known to be a record in use";
    // Each link has a type (R4: 1..1); one without, or that is no object, may be the one that
    // says the record was replaced.
    bool replaced = false;
    bool unread = false;
    for_each_item(links, [&](const json& link) {
      const json* type = member(link, "type");
      if (!link.is_object() || type == nullptr || !type->is_string()) {
        unread = true;
      } else if (lower_ascii(text_of(type)) == "replaced-by") {
        replaced = true;
      }
    });
    if (replaced) return "it is a Patient record replaced by another (link type replaced-by)";
    if (unread) return "a link of it has no type, so it is not known to be a record in use";
  }
  return {};
}

// Why `base` is not known to be the server `server` names (a read_options::fhir_server), in
// words after `what` ("it is about a patient of"), else empty (also where no server is given:
// not checked).
inline std::string elsewhere(const std::optional<std::string>& server, std::string_view base,
                             std::string_view what) {
  if (!server || on_server(base, *server)) return {};
  if (server->empty())
    return std::string(what) + " " + shown(base) + ", and the data names no server";
  if (!server_base_key(*server)) {
    return std::string(what) + " " + shown(base) + ", and the data's server '" + shown(*server) +
           "' is no FHIR base URL";
  }
  return std::string(what) + " " + shown(base) + ", not of " + shown(*server);
}

// Why a Bundle entry is not known to be on the server `server` names, else empty: once a server
// is given, a fullUrl that is an entry's urn says nothing of where it is; [base]/<type>/<id>
// puts it on that base (its relative references resolve there, FHIR R4 Bundle), which must be
// the server named, and with none named (empty) is a server not named, as an absolute subject
// is. `malformed`: a fullUrl was given that is no non-empty string.
inline std::string misplaced(const std::optional<std::string>& server, std::string_view full_url,
                             bool malformed, const json& resource) {
  if (!server) return {};
  if (malformed) return "its fullUrl is no URI (FHIR R4: a non-empty string)";
  if (full_url.empty() || is_entry_urn(full_url)) return {};
  const std::string_view type = text_at(resource, "resourceType");
  const std::string_view base = full_url_base(full_url, type, text_at(resource, "id"));
  if (base.empty()) {
    return "its fullUrl '" + shown(full_url) + "' is no URL of this " + std::string(type) +
           (server->empty() ? std::string(", and the data names no server")
                            : " on " + shown(*server));
  }
  return elsewhere(server, base,
                   type == "Patient" ? "it is a Patient of" : "its fullUrl makes it a resource of");
}

// What one concept's codings map to.
struct concept_reading {
  condition_set conditions{};
  medication_set medications{};
  bool glutamine = false;
  std::vector<condition_fact> condition_facts;
  std::vector<medication_fact> medication_facts;
  std::optional<provenance> glutamine_from;
  std::vector<read_coding> codings;
  std::string words;  // the concept's text or first display
  bool mapped_any = false;
  // Why a medication[x] names nothing gln can read (a medicationReference to a Medication not
  // sent, with no display; no medication[x] at all), else empty: what it orders is unknown.
  std::string unidentified;
};

// Reads every coding of `code_concept` for codes of `role` (medication codes have role medication).
inline concept_reading read_concept(const json* code_concept, const std::string& resource,
                                    code_role role, const lookup_hook& hook) {
  concept_reading out{};
  out.words = concept_text(code_concept);
  const std::string& words = out.words;
  for (const coding& c : codings_of(code_concept)) {
    const code_match found = gln::code_lookup(c.system, c.code);
    out.codings.push_back(read_coding{c, found.status});
    auto take = [&](const code_match& match, matched_by how) {
      const provenance from{resource, words, c, how};
      for (gln::condition each : match.conditions) {
        if (!out.conditions.contains(each))
          out.condition_facts.push_back(condition_fact{each, from});
        out.conditions = out.conditions | condition_set{each};
      }
      for (gln::medication each : match.medications) {
        if (!out.medications.contains(each)) {
          out.medication_facts.push_back(medication_fact{each, from});
        }
        out.medications = out.medications | medication_set{each};
      }
      if (match.glutamine && !out.glutamine) {
        out.glutamine = true;
        out.glutamine_from = from;
      }
      out.mapped_any = true;
    };
    if (found.mapped() && found.role == role) {
      take(found, matched_by::code);
    } else if (hook) {
      const code_match added = hook(c.system, c.code);
      if (added.mapped()) take(added, matched_by::lookup_hook);
    }
  }
  return out;
}

// A medication concept: codes, then the ingredients its RxNorm displays name, then whether a
// text names glutamine.
inline concept_reading read_medication_concept(const json* code_concept,
                                               const std::string& resource,
                                               const lookup_hook& hook) {
  concept_reading out = read_concept(code_concept, resource, code_role::medication, hook);
  const std::string words = out.words;
  if (out.medications.empty() && !out.glutamine) {
    for (const coding& c : codings_of(code_concept)) {
      if (c.system != system_uri::rxnorm || c.display.empty()) continue;
      const ingredient_match named = gln::ingredient_in_display(c.display);
      for (gln::medication each : named.medications) {
        if (out.medications.contains(each)) continue;
        out.medications = out.medications | medication_set{each};
        out.medication_facts.push_back(
            medication_fact{each, provenance{resource, words, c, matched_by::rxnorm_display}});
      }
    }
  }
  if (!out.glutamine) {
    std::vector<std::string> texts{std::string(text_of(member(code_concept, "text")))};
    for (const coding& c : codings_of(code_concept)) texts.push_back(c.display);
    for (const std::string& text : texts) {
      if (!gln::names_glutamine(text)) continue;
      out.glutamine = true;
      out.glutamine_from = provenance{resource, text, coding{}, matched_by::medication_text};
      break;
    }
  }
  return out;
}

// Adds what `part` found to `into`: its medication classes, glutamine, codings.
inline void merge_reading(concept_reading& into, concept_reading part) {
  for (medication_fact& fact : part.medication_facts) {
    if (into.medications.contains(fact.medication)) continue;
    into.medications = into.medications | medication_set{fact.medication};
    into.medication_facts.push_back(std::move(fact));
  }
  if (part.glutamine && !into.glutamine) {
    into.glutamine = true;
    into.glutamine_from = part.glutamine_from;
  }
  into.mapped_any = into.mapped_any || part.mapped_any;
  into.codings.insert(into.codings.end(), part.codings.begin(), part.codings.end());
}

// Whether a status says one of `codes` (lower case), in any case, in one of its codings or in
// its text: "Active" is no FHIR code, but it says active.
inline bool status_says(const json* code_concept, std::initializer_list<std::string_view> codes) {
  const auto names = [&](std::string_view said) {
    return std::find(codes.begin(), codes.end(), lower_ascii(said)) != codes.end();
  };
  bool found = names(text_of(member(code_concept, "text")));
  for_each_item(member(code_concept, "coding"),
                [&](const json& c) { found = found || names(text_at(c, "code")); });
  return found;
}

// Whether a status holds at least one coding and every one of its codings is one of `codes` in
// `system`: a coding of another system or code beside them (SNOMED's "Active") makes the
// status say two things.
inline bool status_only(const json* code_concept, std::initializer_list<std::string_view> codes,
                        std::string_view system) {
  bool any = false;
  bool only = true;
  for_each_item(member(code_concept, "coding"), [&](const json& c) {
    any = true;
    const std::string_view code = text_at(c, "code");
    only = only && text_at(c, "system") == system &&
           std::find(codes.begin(), codes.end(), code) != codes.end();
  });
  return any && only;
}

// Whether an Age's `unit` text is the UCUM time unit `code` (a, mo, wk, d, h, min) written as
// the code or in English words, in any case: "a", "years", "yr".
inline bool time_unit_text_is(const json* unit, std::string_view code) {
  if (unit == nullptr || !unit->is_string()) return false;
  const std::string said = lower_ascii(text_of(unit));
  if (said == code) return true;
  constexpr std::pair<std::string_view, std::string_view> words[] = {
      {"a", "year"},   {"a", "years"},    {"a", "yr"},        {"a", "yrs"},    {"a", "y"},
      {"mo", "month"}, {"mo", "months"},  {"wk", "week"},     {"wk", "weeks"}, {"wk", "wks"},
      {"d", "day"},    {"d", "days"},     {"h", "hour"},      {"h", "hours"},  {"h", "hr"},
      {"h", "hrs"},    {"min", "minute"}, {"min", "minutes"}, {"min", "mins"},
  };
  for (const auto& [unit_code, word] : words) {
    if (unit_code == code && word == said) return true;
  }
  return false;
}

// An abatement given as a FHIR Age, as its value and the most days one of its units can hold
// (UCUM a 366, mo 31, wk 7, d 1, h and min their share of a day); none where the value, the unit
// (a unit text other than the code's), the system or a comparator leaves it unknown.
struct age_reading {
  double units = 0;
  double days_per_unit = 0;
};
inline std::optional<age_reading> read_abatement_age(const json* age) {
  if (age == nullptr || !age->is_object()) return std::nullopt;
  const json* value = member(*age, "value");
  if (value == nullptr || !value->is_number() || member(*age, "comparator") != nullptr)
    return std::nullopt;
  const json* system = member(*age, "system");
  if (system != nullptr && text_of(system) != system_uri::ucum) return std::nullopt;
  const std::string_view code = text_at(*age, "code");
  // A unit text that names another unit than the code leaves which one is meant unknown.
  if (const json* unit = member(*age, "unit"); unit != nullptr && !time_unit_text_is(unit, code))
    return std::nullopt;
  age_reading out{value->get<double>(), 0};
  if (code == "a") out.days_per_unit = 366;
  if (code == "mo") out.days_per_unit = 31;
  if (code == "wk") out.days_per_unit = 7;
  if (code == "d") out.days_per_unit = 1;
  if (code == "h") out.days_per_unit = 1.0 / 24;
  if (code == "min") out.days_per_unit = 1.0 / 1440;
  if (out.days_per_unit == 0 || !std::isfinite(out.units) || out.units < 0 ||
      out.units * out.days_per_unit > 200.0 * 366) {
    return std::nullopt;
  }
  return out;
}

// The last day number (days_from_civil) an abatement given as a FHIR Age can fall on, for a
// patient born by `born`: the age rounded up to the next whole unit at the longest year and
// month, so never earlier than it can be. None where the birth date or the age leaves it
// unplaced.
inline std::optional<std::int64_t> latest_abatement_day(const json* age, const partial_date* born) {
  const auto read = read_abatement_age(age);
  if (born == nullptr || !read) return std::nullopt;
  const auto days =
      static_cast<std::int64_t>(std::ceil((std::floor(read->units) + 1) * read->days_per_unit));
  return days_from_civil(born->latest) + days;
}

// Whether a clinicalStatus, verificationStatus and abatement say a Condition or an
// AllergyIntolerance is over or was never there. Only FHIR's own codes in FHIR's own code
// systems do, each coding of the status agreeing, and only where nothing else on the resource
// says it is active: a status not recorded, one no code of FHIR reads ("Active", a plain
// string, "resolved" in another system) or one that contradicts itself or the resource
// ("refuted" beside "confirmed", "refuted" or an abatement with clinicalStatus "active") leaves
// it active, the stricter reading.
inline bool status_rules_out(const json& resource, const date* on = nullptr,
                             const partial_date* born = nullptr) {
  const bool allergy = is_type(resource, "AllergyIntolerance");
  const std::string_view verification_system =
      allergy ? "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
              : "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  const std::string_view clinical_system =
      allergy ? "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
              : "http://terminology.hl7.org/CodeSystem/condition-clinical";
  const json* clinical = member(resource, "clinicalStatus");
  const json* verification = member(resource, "verificationStatus");
  const bool says_active = status_says(clinical, {"active", "recurrence", "relapse"});
  if (says_active) return false;
  if (status_only(verification, {"refuted", "entered-in-error"}, verification_system)) return true;
  // The abatement days given; one after the screening date contradicts a status that says it is
  // over (inactive since 2027), which then leaves it active.
  bool abated = false;
  bool abates_later = false;
  // One that gives no day (not a FHIR date, a period with no end) may be later too.
  for (std::string_view key : {"abatementDateTime", "abatementPeriod"}) {
    const json* abatement = member(resource, key);
    if (abatement == nullptr || abatement->is_null() || on == nullptr) continue;
    const json* given = key == "abatementPeriod"
                            ? (abatement->is_object() ? member(*abatement, "end") : nullptr)
                            : abatement;
    const auto day = given != nullptr && given->is_string() && is_fhir_date_time(text_of(given))
                         ? latest_day(given)
                         : std::nullopt;
    if (day && *day <= *on) {
      abated = true;
    } else {
      abates_later = true;
    }
  }
  // An age (abatementAge, or the high end of abatementRange) is a day by the birth date; one it
  // cannot place may be after the screening date.
  for (std::string_view key : {"abatementAge", "abatementRange"}) {
    const json* abatement = member(resource, key);
    if (abatement == nullptr || abatement->is_null() || on == nullptr) continue;
    const bool range = key == "abatementRange";
    const json* age = range ? member(*abatement, "high") : abatement;
    auto last = latest_abatement_day(age, born);
    // A range whose low end is after its high end says two things.
    if (range && last) {
      const json* low = member(*abatement, "low");
      const auto from = read_abatement_age(low);
      const auto to = read_abatement_age(age);
      if (low != nullptr && !low->is_null() &&
          (!from || !to || from->units * from->days_per_unit > to->units * to->days_per_unit)) {
        last = std::nullopt;
      }
    }
    if (last && *last <= days_from_civil(*on)) {
      abated = true;
    } else {
      abates_later = true;
    }
  }
  if (abates_later) return false;
  // FHIR R4's allergyintolerance-clinical has no "remission": an allergy saying so says
  // nothing known.
  const bool over =
      allergy ? status_only(clinical, {"inactive", "resolved"}, clinical_system)
              : status_only(clinical, {"inactive", "remission", "resolved"}, clinical_system);
  if (over) return true;
  return abated;
}

// Whether a MedicationRequest's or MedicationStatement's status says it is not taken (FHIR R4
// medicationrequest-status and medication-statement-status). Any other status, none or one
// FHIR does not define counts as taken.
inline bool medication_status_rules_out(std::string_view status) {
  for (std::string_view over :
       {"completed", "cancelled", "stopped", "entered-in-error", "not-taken"}) {
    if (status == over) return true;
  }
  return false;
}

// Whether a Condition is clinically active on `on` (knowledge.md §2b), for a patient born by
// `born` (null: not known).
inline bool condition_active(const json& condition, const date& on,
                             const partial_date* born = nullptr) {
  return !status_rules_out(condition, &on, born);
}

// Whether a Condition gives its abatement as an age, which only the birth date places.
inline bool abatement_by_age(const json& condition) {
  for (std::string_view key : {"abatementAge", "abatementRange"}) {
    const json* abatement = member(condition, key);
    if (abatement != nullptr && !abatement->is_null()) return true;
  }
  return false;
}

// Records `state` for a section, unless it is already incomplete: incomplete wins over read,
// since some of the data is missing.
inline void mark_section(std::array<section_status, section_count>& sections, section s,
                         section_state state, std::string why) {
  section_status& status = sections[static_cast<std::size_t>(s)];
  if (status.state == section_state::incomplete) return;
  status = section_status{state, std::move(why)};
}

// Whether a pregnancy status answer says pregnant (a code gln maps to pregnancy).
inline bool says_pregnant(const json* answer) {
  for (const coding& c : codings_of(answer)) {
    const code_match found = gln::code_lookup(c.system, c.code);
    if (found.mapped() && found.conditions.contains(gln::condition::pregnancy)) return true;
  }
  return false;
}

// Whether an Observation gives an answer (a value[x]) of which gln maps no code: a text, a
// string, a code of no system gln holds. An answer gln maps (LA4489-6 "Unknown") is read, and
// no value at all is no answer.
inline bool unread_answer(const json& observation) {
  bool has_value = false;
  for (auto item = observation.begin(); item != observation.end(); ++item) {
    has_value = has_value || (item.key().rfind("value", 0) == 0 && !item.value().is_null());
  }
  if (!has_value) return false;
  for (const coding& c : codings_of(member(observation, "valueCodeableConcept"))) {
    if (gln::code_lookup(c.system, c.code).mapped()) return false;
  }
  return true;
}

// Whether a pregnancy status answer says pregnant (LA15173-0, SNOMED 77386006) or not pregnant
// (LA26683-5, SNOMED 60001007).
inline bool states_pregnancy(const json* answer) {
  if (says_pregnant(answer)) return true;
  for (const coding& c : codings_of(answer)) {
    if ((c.system == "http://loinc.org" && c.code == "LA26683-5") ||
        (c.system == "http://snomed.info/sct" && c.code == "60001007")) {
      return true;
    }
  }
  return false;
}

// A weight unit named by one word ("kg", "Kilograms", "lbs", "#", "oz", "st"): only to tell a
// unit text that contradicts its UCUM code, so no conversion is needed.
enum class named_weight_unit { none, kilogram, gram, pound, ounce, stone };

inline named_weight_unit weight_unit_named(std::string_view unit) {
  const std::string word = lower_ascii(unit);
  if (word == "kg" || word == "kgs" || word == "kilogram" || word == "kilograms")
    return named_weight_unit::kilogram;
  if (word == "g" || word == "gm" || word == "gram" || word == "grams")
    return named_weight_unit::gram;
  if (word == "lb" || word == "lbs" || word == "pound" || word == "pounds" || word == "#" ||
      word == "[lb_av]")
    return named_weight_unit::pound;
  if (word == "oz" || word == "ounce" || word == "ounces") return named_weight_unit::ounce;
  if (word == "st" || word == "stone" || word == "stones") return named_weight_unit::stone;
  return named_weight_unit::none;
}

// Whether a unit text names, in any of its words ("lbs (pounds)", "lb_av", "lb."), another
// weight unit than the UCUM code `code` (kg, g, [lb_av]).
inline bool unit_text_contradicts(std::string_view text, std::string_view code) {
  const named_weight_unit coded = weight_unit_named(code);
  if (coded == named_weight_unit::none) return false;
  const auto letter = [&](std::size_t i) {
    const char c = text[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = at + 1;
    if (letter(at)) {
      while (end < text.size() && letter(end)) ++end;
    } else if (text[at] != '#') {
      at = end;
      continue;
    }
    const named_weight_unit named = weight_unit_named(text.substr(at, end - at));
    if (named != named_weight_unit::none && named != coded) return true;
    at = end;
  }
  return false;
}

inline std::optional<double> number_of(const json* value) {
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

}  // namespace detail

// Reads resources into a record. Give it a whole Bundle, a CDS Hooks prefetch object, or one
// section at a time (what a service fetched itself), then call read().
class reader {
 public:
  // The most different Medications read under one reference (an id sent twice is read in both
  // copies); past it the medications are incomplete.
  static constexpr std::size_t max_medication_copies = 16;

  explicit reader(read_options options = {}) : options_(std::move(options)) {}

  // The first reference (Medication/<id> or a fullUrl) given more than max_medication_copies
  // different Medications, whose further copies were not read; empty if none. An order naming it
  // may hold a class, or glutamine, in a copy not read: a caller that decides what to check by
  // the order's medication should refuse such data.
  const std::string& too_many_medication_copies() const { return too_many_copies_; }

  const read_options& options() const { return options_; }
  // What has been given of a section so far.
  const section_status& status(section s) const { return sections_[static_cast<std::size_t>(s)]; }

  // A Bundle holding a patient's record (any type). A resource type it lacks is unknown
  // (knowledge.md §4): conditions are known only if it holds a Condition, medications only if it
  // holds a MedicationRequest or MedicationStatement.
  void add_bundle(const json& bundle) {
    const std::size_t first = resources_.size();
    add_entries(bundle, std::nullopt);
    for (std::size_t i = first; i < resources_.size(); ++i) {
      const json& resource = *resources_[i].resource;
      for (section s : sections_of(resource)) mark(s, section_state::read, {});
    }
    if (const json* next = next_link(bundle)) {
      (void)next;
      for (std::size_t s = 0; s < section_count; ++s) {
        if (sections_[s].state == section_state::read) {
          sections_[s] = section_status{section_state::incomplete, "the bundle has more pages"};
        }
      }
    }
  }

  // A CDS Hooks prefetch object. A key that is absent leaves its section unknown; a key whose
  // value is null is the CDS Client's "no data" (CDS Hooks 2.0), read as an empty result.
  // Patient resources are read from any key.
  void add_prefetch(const json& prefetch, const prefetch_keys& keys = {}) {
    if (!prefetch.is_object()) return;
    const std::pair<const std::string*, section> known[] = {
        {&keys.patient, section::patient},
        {&keys.conditions, section::conditions},
        {&keys.medications, section::medications},
        {&keys.medication_statements, section::medications},
        {&keys.weight, section::weight},
        {&keys.pregnancy_status, section::pregnancy_status},
        {&keys.procedures, section::procedures},
        {&keys.allergies, section::allergies},
    };
    for (auto item = prefetch.begin(); item != prefetch.end(); ++item) {
      std::optional<section> which;
      for (const auto& [key, s] : known) {
        if (*key == item.key()) which = s;
      }
      if (which) {
        // MedicationStatements add to the medications, but only the MedicationRequest search
        // makes them known: without it the orders are unknown, however many statements came.
        // Each medication search holds its own kind (a statement in the MedicationRequest
        // search is a match of another kind, so that search is incomplete).
        const bool statements = item.key() == keys.medication_statements;
        const std::string_view kind = *which != section::medications ? std::string_view{}
                                      : statements ? std::string_view("MedicationStatement")
                                                   : std::string_view("MedicationRequest");
        add_section(*which, item.value(), !statements, kind);
      } else if (item.value().is_object() && detail::is_type(item.value(), "Patient")) {
        add_section(section::patient, item.value());
      }
    }
  }

  // One section's data: a resource, a searchset Bundle, or null (none). A Bundle with a next
  // page, an OperationOutcome reporting an error, an entry with no resource or with a resource
  // of another kind (a misspelt resourceType), or a resource of another kind in place of the
  // Bundle leaves the section incomplete: unknown, never none. `completes` false: the data
  // adds to the section but does not by itself make it read (a part of it, such as the
  // MedicationStatements beside the MedicationRequests).
  // `kind`, where given, is the one resource type the search returns as matches (beside a
  // Medication it may include).
  void add_section(section s, const json& value, bool completes = true,
                   std::string_view kind = {}) {
    const auto read = [&] {
      if (completes) mark(s, section_state::read, {});
    };
    if (value.is_null()) {
      read();
      return;
    }
    if (!value.is_object()) {
      mark(s, section_state::incomplete, "the data sent is not a FHIR resource");
      return;
    }
    if (!detail::is_type(value, "Bundle")) {
      if (detail::is_type(value, "OperationOutcome")) {
        mark(s, section_state::incomplete, outcome_text(value));
        return;
      }
      if (!belongs(value, s, kind)) {
        mark(s, section_state::incomplete,
             "the data sent is " + kind_of(value) + ", not a Bundle or a resource of this kind");
        return;
      }
      add_entry(entry{&value, s, {}, false});
      read();
      return;
    }
    std::string problem;
    const json* entries = detail::member(value, "entry");
    const json* links = detail::member(value, "link");
    const json* total = detail::member(value, "total");
    if (entries != nullptr && !entries->is_array()) problem = "its entry is not a list";
    if (links != nullptr && !links->is_array()) problem = "its link is not a list";
    if (total != nullptr && !total->is_number()) {
      problem = "its total is not a number";
    } else if (total != nullptr && !total->is_number_unsigned() &&
               !(total->is_number_integer() && total->get<std::int64_t>() >= 0)) {
      problem = "its total is not a whole number of entries";  // FHIR: an unsignedInt
    }
    std::size_t matches = add_entries(value, s, &problem, kind);
    const bool more_pages = next_link(value) != nullptr;
    const bool fewer_than_total = total != nullptr && total->is_number() &&
                                  total->get<double>() > static_cast<double>(matches);
    // More entries marked as matches than the server counted: one of the two is wrong, so
    // neither is trusted.
    std::size_t marked_matches = 0;
    detail::for_each_item(entries, [&](const json& item) {
      marked_matches +=
          detail::text_of(detail::member(detail::member(item, "search"), "mode")) == "match" ? 1
                                                                                             : 0;
    });
    if (problem.empty() && total != nullptr && total->is_number() &&
        total->get<double>() < static_cast<double>(marked_matches)) {
      problem = "the search result holds more matches than its total";
    }
    if (problem.empty() && (more_pages || fewer_than_total) && read_newest_first(s) &&
        sorted_newest_first(value)) {
      // The newest of a weight or pregnancy status search sorted newest first: read() decides
      // whether the rest could hold a newer one.
      if (!entries_newest_first(value, partial_pages_[static_cast<std::size_t>(s)])) {
        problem = "the search result has more pages, and its entries are not newest first";
      }
    } else if (problem.empty() && more_pages) {
      problem = "the search result has more pages";
    } else if (problem.empty() && fewer_than_total) {
      problem = "the search result holds fewer entries than its total";
    }
    if (problem.empty()) {
      read();
    } else {
      mark(s, section_state::incomplete, problem);
    }
  }

  // Marks a section incomplete (a fetch that failed), unless it was already read.
  void mark_incomplete(section s, std::string why) {
    mark(s, section_state::incomplete, std::move(why));
  }

  // Another draft order of the same ordering session (CDS Hooks draftOrders): its classes count,
  // and a glutamine draft is supplement_stack for any other glutamine order.
  void add_draft_order(const json& request) { add_entry(entry{&request, std::nullopt, {}, true}); }
  // A Medication sent beside the draft orders (CDS Hooks' draftOrders Bundle), for the orders
  // that reference it: by its type/id, or by `full_url`, its entry's fullUrl where it has one.
  void add_draft_medication(const json& medication, std::string_view full_url = {}) {
    add_entry(entry{&medication, std::nullopt, std::string(full_url), true});
  }
  // A Bundle entry's fullUrl and resource, whatever the resource (every entry of the Bundles
  // given is noted this way; a service notes the entries of its draftOrders with it): a
  // `urn:uuid:`/`urn:oid:` reference names the resource of that fullUrl, and names none where
  // two different resources share one (FHIR bdl-7; identical copies, such as a Patient sent
  // and also included in a search, are one).
  void add_entry_url(std::string_view full_url, const json& resource) {
    if (full_url.empty() || !resource.is_object()) return;
    std::vector<const json*>& named = entry_urls_[std::string(full_url)];
    if (std::none_of(named.begin(), named.end(),
                     [&](const json* known) { return *known == resource; })) {
      named.push_back(&resource);
    }
  }

  // The record as of options().screening_date. `checked_order` ("MedicationRequest/<id>") is
  // the glutamine order being checked: it is not counted as supplement_stack.
  record read(std::string_view checked_order = {}) const {
    return read(checked_order, options_.screening_date);
  }
  // The same as of `screening_date` instead of the options' (one reader, several dates).
  record read(std::string_view checked_order, const date& screening_date) const;

  // The medication of a MedicationRequest or MedicationStatement (its concept or the Medication
  // it references, in the record or contained).
  detail::concept_reading read_medication(const json& resource, const std::string& reference) const;
  // The Medication a medicationReference names, or its display where it was not sent.
  detail::concept_reading read_referenced_medication(const json& resource,
                                                     const std::string& reference) const;

 private:
  struct entry {
    const json* resource = nullptr;
    std::optional<section> from;
    std::string full_url;
    bool draft = false;
    bool full_url_malformed = false;  // a fullUrl given that is no non-empty string
  };

  static std::vector<section> sections_of(const json& resource) {
    const std::string_view type = detail::text_at(resource, "resourceType");
    if (type == "Patient") return {section::patient};
    if (type == "Condition") return {section::conditions};
    if (type == "MedicationRequest" || type == "MedicationStatement") return {section::medications};
    if (type == "Procedure") return {section::procedures};
    if (type == "AllergyIntolerance") return {section::allergies};
    if (type == "Observation") return {section::weight, section::pregnancy_status};
    return {};
  }

  // Whether a resource is of a kind section `s` holds (a Medication comes with the orders that
  // reference it).
  static bool belongs(const json& resource, section s, std::string_view kind = {}) {
    if (!kind.empty() && !detail::is_type(resource, kind)) return false;
    const std::vector<section> kinds = sections_of(resource);
    return std::find(kinds.begin(), kinds.end(), s) != kinds.end();
  }

  static std::string kind_of(const json& resource) {
    const std::string_view type = detail::text_at(resource, "resourceType");
    return type.empty() ? "a resource with no resourceType" : "a '" + std::string(type) + "'";
  }

  // Whether the server says it sorted the search newest first: a self link (the parameters the
  // server used, FHIR search) whose one `_sort` begins with `-date`; two sorts, or a `_sort`
  // with a modifier (`_sort:asc=date`), say nothing certain.
  static bool sorted_newest_first(const json& bundle) {
    bool sorted = false;
    int sorts = 0;
    detail::for_each_item(detail::member(bundle, "link"), [&](const json& link) {
      if (detail::lower_ascii(detail::text_at(link, "relation")) != "self") return;
      const std::string_view url = detail::text_at(link, "url");
      const std::size_t query = url.find('?');
      if (query == std::string_view::npos) return;
      std::string_view rest = url.substr(query + 1);
      while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('&'), rest.size());
        const std::string_view parameter = rest.substr(0, end);
        rest = rest.substr(std::min(end + 1, rest.size()));
        if (parameter.substr(0, 5) != "_sort") continue;
        ++sorts;
        constexpr std::string_view key = "_sort=";
        const std::string_view keys = parameter.substr(std::min(key.size(), parameter.size()));
        sorted =
            parameter.substr(0, key.size()) == key && keys.substr(0, keys.find(',')) == "-date";
      }
    });
    return sorted && sorts == 1;
  }

  // Whether the page's dated Observations are newest first; `page` keeps the oldest day on it.
  struct partial_page {
    bool partial = false;        // a newest-first page with more pages not sent
    std::optional<date> oldest;  // the oldest day of an Observation on it
  };
  static bool entries_newest_first(const json& bundle, partial_page& page) {
    page.partial = true;
    bool in_order = true;
    detail::for_each_item(detail::member(bundle, "entry"), [&](const json& item) {
      const json* resource = detail::member(item, "resource");
      if (resource == nullptr || !detail::is_type(*resource, "Observation")) return;
      const std::optional<date> day = detail::observation_day(*resource);
      if (!day) return;
      if (page.oldest && *page.oldest < *day) in_order = false;
      if (!page.oldest || *day < *page.oldest) page.oldest = day;
    });
    return in_order;
  }

  static const json* next_link(const json& bundle) {
    const json* found = nullptr;
    detail::for_each_item(detail::member(bundle, "link"), [&](const json& link) {
      // Link relations are case-insensitive (RFC 8288 §2.1.1): "Next" is a next page, with a
      // URL or without one (a page that cannot be fetched is still one not read).
      if (detail::lower_ascii(detail::text_at(link, "relation")) == "next") {
        found = &link;
      }
    });
    return found;
  }

  static std::string outcome_text(const json& outcome) {
    std::string text;
    detail::for_each_item(detail::member(outcome, "issue"), [&](const json& issue) {
      if (!text.empty()) return;
      text = std::string(detail::text_at(issue, "diagnostics"));
      if (text.empty()) text = detail::concept_text(detail::member(issue, "details"));
    });
    return text.empty() ? "the sender reported an error" : "the sender reported: " + text;
  }

  // Adds a Bundle's entries; returns the number of search matches. For one section's search
  // result (`from` given), an OperationOutcome entry with an error or fatal issue, an entry with
  // no resource and a match of another kind are reported in `problem`.
  std::size_t add_entries(const json& bundle, std::optional<section> from,
                          std::string* problem = nullptr, std::string_view kind = {}) {
    std::size_t matches = 0;
    auto report = [&](std::string what) {
      if (problem != nullptr && problem->empty()) *problem = std::move(what);
    };
    std::size_t index = 0;
    detail::for_each_item(detail::member(bundle, "entry"), [&](const json& item) {
      const std::string at = "entry[" + std::to_string(index++) + "]";
      const json* resource = detail::member(item, "resource");
      if (resource == nullptr || !resource->is_object()) {
        if (from) report(at + " holds no resource");
        return;
      }
      add_entry_url(detail::text_at(item, "fullUrl"), *resource);
      const std::string_view mode =
          detail::text_of(detail::member(detail::member(item, "search"), "mode"));
      if (detail::is_type(*resource, "OperationOutcome")) {
        // An error, or an issue that says the search was cut short whatever its severity (a
        // warning "too-costly" left the rest of the results out: FHIR IssueType codes).
        bool error = false;
        detail::for_each_item(detail::member(*resource, "issue"), [&](const json& issue) {
          const std::string_view severity = detail::text_at(issue, "severity");
          const std::string_view code = detail::text_at(issue, "code");
          error = error || severity == "error" || severity == "fatal" || code == "too-costly" ||
                  code == "incomplete" || code == "throttled" || code == "too-long" ||
                  code == "timeout";
        });
        if (error) report(outcome_text(*resource));
        return;
      }
      // A Medication a medication search includes (FHIR `_include`, marked so or not): never
      // one of its matches (a search that found only Medications found no order).
      const bool included_medication = from == section::medications &&
                                       detail::is_type(*resource, "Medication") && mode != "match";
      if (from && mode != "include" && !included_medication && !belongs(*resource, *from, kind)) {
        report(at + " is " + kind_of(*resource) + ", not a resource of this kind");
        return;
      }
      if (mode != "include" && !included_medication) ++matches;
      const json* full_url = detail::member(item, "fullUrl");
      const bool malformed =
          full_url != nullptr && !full_url->is_null() &&
          (!full_url->is_string() || full_url->get_ref<const std::string&>().empty());
      add_entry(entry{resource, from, std::string(detail::text_of(full_url)), false, malformed});
    });
    return matches;
  }

  void mark(section s, section_state state, std::string why) {
    detail::mark_section(sections_, s, state, std::move(why));
  }

  using medication_index = std::map<std::string, std::vector<std::size_t>, std::less<>>;

  // Every resource goes in through here. A Medication is also indexed by the references that
  // name it (its type/id and its fullUrl): resolving a medicationReference is then a look-up,
  // not a pass over every resource (thousands of orders naming one Medication took minutes).
  // A copy identical to one already indexed under the same reference is one; past
  // max_medication_copies different ones, the rest are not indexed and the medications are
  // incomplete (every order naming them would read every copy).
  void add_entry(entry e) {
    // A Medication of another server, or one a modifier changes, names no order's medication:
    // left out of the index, an order that references it reads as one whose drug is unknown.
    if (detail::is_type(*e.resource, "Medication") &&
        detail::misplaced(options_.fhir_server, e.full_url, e.full_url_malformed, *e.resource)
            .empty() &&
        detail::unread_modifier(*e.resource).empty()) {
      const std::size_t at = resources_.size();
      index_medication(medications_by_reference_, detail::reference_of(*e.resource), at,
                       *e.resource);
      if (!e.full_url.empty())
        index_medication(medications_by_full_url_, e.full_url, at, *e.resource);
    }
    resources_.push_back(std::move(e));
  }

  void index_medication(medication_index& index, const std::string& key, std::size_t at,
                        const json& medication) {
    std::vector<std::size_t>& copies = index[key];
    for (const std::size_t i : copies) {
      if (*resources_[i].resource == medication) return;
    }
    if (copies.size() == max_medication_copies) {
      if (too_many_copies_.empty()) too_many_copies_ = key;
      mark(section::medications, section_state::incomplete,
           key + ": more than " + std::to_string(max_medication_copies) +
               " different copies under one reference; the rest were not read");
      return;
    }
    copies.push_back(at);
  }

  // Every Medication a reference names: one, or none where it was not sent; more where the data
  // holds several under one id, which are all read (a second copy must not hide a class).
  std::vector<const json*> find_medications(std::string_view reference, const json& from) const {
    std::vector<const json*> found;
    std::vector<std::size_t> hashes;  // of found: a copy is compared whole only on a match
    auto add = [&](const json& medication) {
      const std::size_t hash = std::hash<json>{}(medication);
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (hashes[i] == hash && *found[i] == medication) return;
      }
      found.push_back(&medication);
      hashes.push_back(hash);
    };
    if (!reference.empty() && reference.front() == '#') {
      detail::for_each_item(detail::member(from, "contained"), [&](const json& contained) {
        if (detail::is_type(contained, "Medication") &&
            "#" + std::string(detail::text_at(contained, "id")) == reference) {
          add(contained);
        }
      });
      return found;
    }
    // Sent as `reference` itself (type/id or fullUrl), or as the type/id an absolute reference
    // ends with ("https://x/fhir/Medication/7"), where its base is the data's server (once
    // fhir_server is given): FHIR compares absolute references whole, so another server's
    // Medication/7 is not the one sent.
    std::vector<std::size_t> at;
    const auto take = [&at](const medication_index& index, std::string_view key) {
      if (const auto it = index.find(key); it != index.end()) {
        at.insert(at.end(), it->second.begin(), it->second.end());
      }
    };
    // A version names the same Medication (R4: a reference may carry one).
    if (const std::size_t at_history = reference.find("/_history/");
        at_history != std::string_view::npos &&
        detail::is_fhir_id(reference.substr(at_history + 10))) {
      reference = reference.substr(0, at_history);
    }
    take(medications_by_reference_, reference);
    take(medications_by_full_url_, reference);
    const std::optional<std::string>& server = options_.fhir_server;
    for (std::size_t slash = reference.find('/'); slash != std::string_view::npos;
         slash = reference.find('/', slash + 1)) {
      if (slash > 0 && (!server || on_server(reference.substr(0, slash), *server)))
        take(medications_by_reference_, reference.substr(slash + 1));
    }
    std::sort(at.begin(), at.end());  // in the order sent
    at.erase(std::unique(at.begin(), at.end()), at.end());
    for (const std::size_t i : at) add(*resources_[i].resource);
    return found;
  }

  read_options options_;
  std::vector<entry> resources_;
  medication_index medications_by_reference_;  // Medication entries by their type/id
  medication_index medications_by_full_url_;   // and by their fullUrl
  std::map<std::string, std::vector<const json*>, std::less<>> entry_urls_;  // add_entry_url
  std::string too_many_copies_;  // the first reference past max_medication_copies
  std::array<section_status, section_count> sections_{};
  std::array<partial_page, section_count> partial_pages_{};
};

inline detail::concept_reading reader::read_medication(const json& resource,
                                                       const std::string& reference) const {
  // medication[x] is one or the other. Where both are sent each is read, glutamine where either
  // says so; a null concept is absent (it hid the reference to a glutamine Medication).
  const json* code_concept = detail::member(resource, "medicationCodeableConcept");
  const json* medication_reference = detail::member(resource, "medicationReference");
  const bool concept_sent = code_concept != nullptr && !code_concept->is_null();
  // A concept that names something: a text, or a coding with a code or a display ({} or a
  // string names nothing, and what is ordered is then unknown).
  bool concept_names = false;
  if (concept_sent) {
    concept_names = !detail::text_of(detail::member(*code_concept, "text")).empty();
    detail::for_each_item(detail::member(*code_concept, "coding"), [&](const json& c) {
      concept_names = concept_names || !detail::text_at(c, "code").empty() ||
                      !detail::text_at(c, "display").empty();
    });
  }
  const bool is_request = detail::is_type(resource, "MedicationRequest");
  detail::concept_reading read;
  if (concept_sent && medication_reference == nullptr) {
    read = detail::read_medication_concept(code_concept, reference, options_.lookup);
    if (!concept_names && is_request)
      read.unidentified = "its medicationCodeableConcept names nothing (no code, display or text)";
  } else {
    read = read_referenced_medication(resource, reference);
  }
  if (concept_sent && medication_reference != nullptr) {
    detail::merge_reading(
        read, detail::read_medication_concept(code_concept, reference, options_.lookup));
    if (concept_names) read.unidentified.clear();  // the concept names it
  } else if (!concept_sent &&
             (medication_reference == nullptr || medication_reference->is_null()) && is_request) {
    read.unidentified = "it names no medication (no medication[x])";
  }
  // What it names must be readable: a word, or a well-formed code of a system gln holds (a
  // blank text, a local code, a malformed RxNorm code, a Medication without a code name
  // nothing gln can tell from glutamine).
  if (is_request && read.unidentified.empty() && !read.glutamine && read.medication_facts.empty()) {
    const bool worded = read.words.find_first_not_of(" \t\r\n") != std::string::npos;
    const bool coded =
        std::any_of(read.codings.begin(), read.codings.end(), [](const read_coding& c) {
          return c.status == lookup_status::mapped || c.status == lookup_status::unmapped;
        });
    if (!worded && !coded) {
      read.unidentified =
          "what it orders is named by no word and no well-formed code of a system gln holds";
    }
  }
  return read;
}

inline detail::concept_reading reader::read_referenced_medication(
    const json& resource, const std::string& reference) const {
  const json* medication_reference = detail::member(resource, "medicationReference");
  const std::string_view target =
      detail::text_of(detail::member(medication_reference, "reference"));
  const std::vector<const json*> medications = find_medications(target, resource);
  if (medications.empty()) {
    // The Medication was not sent: the reference's display is the only name of the product, so
    // it is read as a medication text (an order for "Endari" is a glutamine order).
    detail::concept_reading named{};
    named.words = std::string(detail::text_of(detail::member(medication_reference, "display")));
    if (named.words.empty()) {
      named.unidentified = "its medicationReference '" + detail::shown(target) +
                           "' names no Medication sent, and gives no display";
    }
    if (gln::names_glutamine(named.words)) {
      named.glutamine = true;
      named.glutamine_from =
          provenance{reference, named.words, coding{}, matched_by::medication_text};
    }
    return named;
  }
  detail::concept_reading read = detail::read_medication_concept(
      detail::member(*medications.front(), "code"), reference, options_.lookup);
  auto merge = [&read](detail::concept_reading part) {
    detail::merge_reading(read, std::move(part));
  };
  for (std::size_t i = 0; i < medications.size(); ++i) {
    if (i > 0) {
      merge(detail::read_medication_concept(detail::member(*medications[i], "code"), reference,
                                            options_.lookup));
    }
    // A Medication's ingredients may carry the codes its own code lacks.
    detail::for_each_item(
        detail::member(*medications[i], "ingredient"), [&](const json& ingredient) {
          const json* item = detail::member(ingredient, "itemCodeableConcept");
          if (item == nullptr) return;
          merge(detail::read_medication_concept(item, reference, options_.lookup));
        });
  }
  return read;
}

inline record reader::read(std::string_view checked_order, const date& screening_date) const {
  using detail::member;
  using detail::text_at;
  record out{};
  out.screening_date = screening_date;
  out.sections = sections_;
  const gln::policy rules = gln::effective(options_.policy);
  const date& on = screening_date;

  condition_set conditions{};
  medication_set medications{};
  auto add_condition = [&](const condition_fact& fact) {
    conditions = conditions | condition_set{fact.condition};
    out.conditions.push_back(fact);
  };
  auto add_medication = [&](const medication_fact& fact) {
    medications = medications | medication_set{fact.medication};
    out.medications.push_back(fact);
  };

  // The latest status saying pregnant, by the last day its date allows, and the first day the
  // latest saying not pregnant allows: not pregnant decides only where it is certainly later.
  std::optional<std::pair<date, const entry*>> latest_pregnant;
  std::optional<date> latest_not_pregnant;
  std::optional<weight_reading> weight;
  std::optional<date> weight_last_day;  // the last day the weight's date allows

  auto incomplete = [&](section s, std::string why) {
    detail::mark_section(out.sections, s, section_state::incomplete, std::move(why));
  };

  // The patient the data is about: options().patient_id, else the first Patient's id.
  std::string patient_id = options_.patient_id;
  for (const entry& e : resources_) {
    if (!options_.patient_id.empty()) break;
    if (detail::is_type(*e.resource, "Patient")) {
      patient_id = text_at(*e.resource, "id");
      break;
    }
  }

  // Data about another patient, or that cannot be read as written (unread_modifier), is not
  // used, and leaves its section incomplete: what it would have said of this patient is unknown.
  auto about_another = [&](const entry& e, const std::string& reference, std::string_view type) {
    const std::string why = [&]() -> std::string {
      if (std::string modifier = detail::unread_modifier(*e.resource); !modifier.empty())
        return modifier;
      if (patient_id.empty()) return {};
      const std::optional<std::string>& server = options_.fhir_server;
      // Where the data came from a named server, a base elsewhere is another server's patient.
      // With no server named, an absolute reference or fullUrl names none this patient is
      // known to be on.
      const auto elsewhere = [&](std::string_view base, std::string_view what) {
        return detail::elsewhere(server, base, what);
      };
      const auto misplaced = [&]() {
        return detail::misplaced(server, e.full_url, e.full_url_malformed, *e.resource);
      };
      // A Patient whose id is missing (or not a string) cannot be shown to be the one asked for.
      const auto patient_problem = [&](const json& patient) -> std::string {
        const std::string_view id = text_at(patient, "id");
        if (id.empty()) return "a Patient without an id, so not known to be Patient/" + patient_id;
        if (id != patient_id)
          return "it is about Patient/" + std::string(id) + ", not Patient/" + patient_id;
        return {};
      };
      if (type == "Patient") {
        if (text_at(*e.resource, "id").empty() && options_.patient_id.empty()) return {};
        const std::string problem = patient_problem(*e.resource);
        return problem.empty() ? misplaced() : problem;
      }
      // A subject that is a Group or a RelatedPerson is not this patient either.
      // An Observation's focus says it is about something other than its subject, whatever
      // that is (the patient named again as its focus included).
      if (const std::string kind = detail::other_subject_of(*e.resource); !kind.empty()) {
        const bool focus = kind.rfind("its focus", 0) == 0;
        return "it is about " + kind +
               (focus ? std::string(" rather than its subject") : ", not Patient/" + patient_id);
      }
      const std::string field = type == "AllergyIntolerance" ? "patient" : "subject";
      // Whose it is, written in a field R4 does not give its type (a DSTU2 Condition's
      // `patient`, a `subject` on an AllergyIntolerance), may name another patient, instead of
      // its own field or beside it.
      const std::string foreign = field == "patient" ? "subject" : "patient";
      if (const json* other = member(*e.resource, foreign); other != nullptr && !other->is_null()) {
        return "its '" + foreign + "' is no field of a FHIR R4 " + std::string(type) +
               ", so it is not known to be Patient/" + patient_id + "'s";
      }
      const json* subject = detail::subject_member_of(*e.resource);
      if (subject == nullptr || subject->is_null())
        return misplaced();  // the patient's, as searched
      const json* written = member(subject, "reference");
      if (!subject->is_object() || written == nullptr || !written->is_string()) {
        return "its " + field + " is no reference to Patient/" + patient_id;
      }
      const std::string_view text = detail::text_of(written);
      // A reference to another entry of the data: the entry decides.
      if (detail::is_entry_urn(text)) {
        const auto found = entry_urls_.find(text);
        if (found == entry_urls_.end() || found->second.size() != 1) {
          return "its " + field + " '" + detail::shown(text) + "' names " +
                 (found == entry_urls_.end() ? "no entry" : "more than one entry") + " of the data";
        }
        const json& target = *found->second.front();
        if (!detail::is_type(target, "Patient")) {
          const std::string_view kind = text_at(target, "resourceType");
          return "it is about a " + std::string(kind.empty() ? "resource" : kind) + " (" +
                 detail::shown(text) + "), not Patient/" + patient_id;
        }
        const std::string problem = patient_problem(target);
        return problem.empty() ? misplaced() : problem;
      }
      const std::optional<detail::patient_reference> named = detail::read_patient_reference(text);
      if (!named) {
        return "its " + field + " '" + detail::shown(text) + "' is no reference to Patient/" +
               patient_id;
      }
      if (named->id != patient_id) {
        return "it is about Patient/" + std::string(named->id) + ", not Patient/" + patient_id;
      }
      if (!named->base.empty()) return elsewhere(named->base, "it is about a patient of");
      return misplaced();
    }();
    if (why.empty()) return false;
    out.skipped.push_back(skipped_entry{reference, why});
    std::vector<section> kinds = e.from ? std::vector<section>{*e.from} : sections_of(*e.resource);
    if (e.draft) kinds = {section::medications};
    // The patient's own record not in use (inactive, replaced by another) or changed by a
    // modifier: what is recorded under its id may be elsewhere, or not hold as written.
    const bool own_record = type == "Patient" && !detail::unread_modifier(*e.resource).empty() &&
                            (patient_id.empty() || text_at(*e.resource, "id") == patient_id);
    if (own_record) {
      for (std::size_t s = 0; s < section_count; ++s) {
        incomplete(static_cast<section>(s),
                   reference + ": " + why + ", so what is recorded under it may be incomplete");
      }
      return true;
    }
    for (section s : kinds) incomplete(s, reference + ": " + why);
    return true;
  };

  // Body weights not used, with the last day each may be of (none: undated).
  struct unused_weight {
    std::optional<date> last_day;
    std::string reference;
    std::string why;
  };
  std::vector<unused_weight> unused_weights;

  // Two copies of the patient that disagree on what is read of it: neither is believed.
  const json* first_patient = nullptr;
  bool patients_disagree = false;

  auto read_condition = [&](const json& resource, const std::string& reference,
                            const partial_date* born) {
    if (!detail::condition_active(resource, on, born)) return;
    ++out.active_conditions;
    detail::concept_reading read = detail::read_concept(member(resource, "code"), reference,
                                                        code_role::condition, options_.lookup);
    for (const condition_fact& fact : read.condition_facts) add_condition(fact);
    if (read.condition_facts.empty()) {
      out.unmapped_conditions.push_back(
          unmapped_entry{reference, detail::concept_text(member(resource, "code")), read.codings});
    }
  };
  std::vector<const entry*> abated_by_age;

  for (const entry& e : resources_) {
    const json& resource = *e.resource;
    const std::string reference = detail::reference_of(resource, e.full_url);
    const std::string_view type = text_at(resource, "resourceType");
    if (about_another(e, reference, type)) continue;

    if (type == "Patient") {
      if (first_patient != nullptr) {
        // What is read of a copy: its birthDate, and whether and when it says the patient died
        // (deceasedBoolean false and no deceased[x] say the same).
        auto read_of = [](const json& copy) {
          const json* born = member(copy, "birthDate");
          const json* died = member(copy, "deceasedDateTime");
          const json* flag = member(copy, "deceasedBoolean");
          const bool alive_flag = flag == nullptr || (flag->is_boolean() && !flag->get<bool>());
          return std::make_tuple(born != nullptr ? born->dump() : std::string(),
                                 died != nullptr ? died->dump() : std::string(),
                                 alive_flag ? std::string() : flag->dump());
        };
        const bool same = read_of(*first_patient) == read_of(resource);
        if (!same) {
          const std::string why =
              "a second copy of the patient that disagrees on birthDate or "
              "deceased[x]: the age is unknown";
          out.skipped.push_back(skipped_entry{reference, why});
          incomplete(section::patient, reference + ": " + why);
          patients_disagree = true;
        }
        continue;
      }
      first_patient = &resource;
      out.patient = reference;
      if (const json* born = member(resource, "birthDate")) {
        out.birth_date = parse_partial_date(detail::text_of(born));
        if (!out.birth_date)
          out.skipped.push_back(skipped_entry{reference, "birthDate cannot be read"});
      }
      if (const json* died = member(resource, "deceasedDateTime")) {
        out.deceased = true;
        out.deceased_text = std::string(detail::text_of(died));
      } else if (const json* flag = member(resource, "deceasedBoolean")) {
        out.deceased = flag->is_boolean() && flag->get<bool>();
        if (out.deceased) out.deceased_text = "yes";
        if (!flag->is_boolean()) {
          out.skipped.push_back(skipped_entry{reference, "deceasedBoolean is not true or false"});
        }
      }
    } else if (type == "Condition") {
      // An abatement given as an age waits for the birth date, known after this loop.
      if (detail::abatement_by_age(resource)) {
        abated_by_age.push_back(&e);
        continue;
      }
      read_condition(resource, reference, nullptr);
    } else if (type == "MedicationRequest" || type == "MedicationStatement") {
      if (!e.draft && detail::medication_status_rules_out(text_at(resource, "status"))) continue;
      if (!checked_order.empty() && reference == checked_order) continue;
      ++out.active_medications;
      detail::concept_reading read = read_medication(resource, reference);
      const json* code_concept = member(resource, "medicationCodeableConcept");
      std::string words = read.words;
      if (words.empty()) {
        words = std::string(
            detail::text_of(member(member(resource, "medicationReference"), "display")));
      }
      for (medication_fact& fact : read.medication_facts) add_medication(fact);
      if (read.glutamine) {
        out.glutamine.push_back(
            glutamine_medication{reference, words, *read.glutamine_from, e.resource, e.draft});
        add_medication(medication_fact{gln::medication::supplement_stack, *read.glutamine_from});
      } else if (read.medication_facts.empty()) {
        if (!read.unidentified.empty())
          out.unidentified_medications.push_back(skipped_entry{reference, read.unidentified});
        add_medication(
            medication_fact{gln::medication::other_prescription,
                            provenance{reference, words, coding{}, matched_by::no_class}});
        out.unmapped_medications.push_back(unmapped_entry{reference, words, read.codings});
        if (code_concept == nullptr && !read.mapped_any && read.codings.empty()) {
          out.skipped.push_back(skipped_entry{reference, "its medication is not in the data sent"});
        }
      }
    } else if (type == "Procedure") {
      const std::string_view status = text_at(resource, "status");
      if (status == "not-done" || status == "entered-in-error") continue;
      // An ongoing procedure (a period with no end yet) is dated on the screening date.
      const json* period = member(resource, "performedPeriod");
      const bool ongoing =
          period != nullptr && period->is_object() && member(period, "end") == nullptr;
      const std::optional<date> day =
          ongoing ? std::optional<date>{on}
                  : detail::dated(resource, {"performedDateTime", "performedPeriod"});
      detail::concept_reading read = detail::read_concept(member(resource, "code"), reference,
                                                          code_role::procedure, options_.lookup);
      for (const condition_fact& fact : read.condition_facts) {
        const int window = fact.condition == gln::condition::recent_icu_stay
                               ? rules.recent_icu_days
                               : rules.recent_procedure_days;
        // A procedure without a date cannot be placed outside the window: it counts.
        if (!day || days_between(*day, on) <= window) add_condition(fact);
      }
    } else if (type == "AllergyIntolerance") {
      if (detail::status_rules_out(resource)) continue;
      detail::concept_reading read = detail::read_concept(member(resource, "code"), reference,
                                                          code_role::substance, options_.lookup);
      for (const condition_fact& fact : read.condition_facts) add_condition(fact);
      if (read.condition_facts.empty()) {
        out.unmapped_allergies.push_back(unmapped_entry{
            reference, detail::concept_text(member(resource, "code")), read.codings});
      }
    } else if (type == "Observation") {
      const std::string_view status = text_at(resource, "status");
      const bool usable = status == "final" || status == "amended" || status == "corrected";
      bool is_weight = false;
      bool is_pregnancy = false;
      for (const coding& c : detail::codings_of(member(resource, "code"))) {
        const code_match found = gln::code_lookup(c.system, c.code);
        is_weight = is_weight || (found.mapped() && found.role == code_role::body_weight);
        is_pregnancy =
            is_pregnancy || (found.mapped() && found.role == code_role::pregnancy_status);
      }
      // A pregnancy status that may say pregnant (it does, or its answer is one gln does not
      // read) but is not used leaves the status not known: the card says so. One entered in
      // error, or cancelled (no result), says nothing.
      const json* answer = member(resource, "valueCodeableConcept");
      const bool sent_as_pregnancy = is_pregnancy || e.from == section::pregnancy_status;
      const bool may_say_pregnant =
          sent_as_pregnancy && status != "entered-in-error" && status != "cancelled" &&
          (detail::says_pregnant(answer) || detail::unread_answer(resource));
      const auto skip = [&](const std::string& why) {
        out.skipped.push_back(skipped_entry{reference, why});
        // A body weight not used, unless withdrawn or not yet taken: it may be newer than the
        // one used (undated, any day).
        if (is_weight && status != "entered-in-error" && status != "cancelled" &&
            why != "dated after the screening date") {
          unused_weights.push_back(
              unused_weight{detail::observation_day(resource), reference, why});
        }
        if (may_say_pregnant) {
          incomplete(section::pregnancy_status,
                     reference + ": " + why + ", and it may say pregnant");
          out.pregnancy_to_review.push_back(skipped_entry{reference, why});
        }
      };
      if (!is_weight && !is_pregnancy) {
        // Sent as a weight or a pregnancy status under a code gln does not read (a height, the
        // reported status 11449-6): said, not read.
        if (e.from == section::weight || e.from == section::pregnancy_status)
          skip("its code names no body weight or pregnancy status gln reads");
        continue;
      }
      if (!usable) {
        skip("status " + std::string(status.empty() ? "missing" : status));
        continue;
      }
      const std::optional<date> day = detail::observation_day(resource);
      if (!day) {
        skip("no date");
        continue;
      }
      // A date of a month or a year that holds the screening date may be before it.
      const date first_day = *detail::observation_day(resource, true);
      if (first_day > on) {
        skip("dated after the screening date");
        continue;
      }
      if (is_pregnancy) {
        // Pregnant or not pregnant decides (knowledge.md §2b); an answer of unknown (LA4489-6),
        // or none, says nothing, so it does not replace an earlier status (nor does one gln
        // does not read, which leaves the status not known).
        if (!detail::states_pregnancy(answer)) {
          skip(detail::unread_answer(resource)
                   ? "a pregnancy status answer gln does not read"
                   : "pregnancy status neither pregnant nor not pregnant");
          continue;
        }
        if (detail::says_pregnant(member(resource, "valueCodeableConcept"))) {
          if (!latest_pregnant || latest_pregnant->first < *day)
            latest_pregnant = std::make_pair(*day, &e);
        } else if (!latest_not_pregnant || *latest_not_pregnant < first_day) {
          latest_not_pregnant = first_day;
        }
        continue;
      }
      const json* quantity = member(resource, "valueQuantity");
      // "<40 kg" bounds a weight but is none: it could pass a per-kg ceiling the weight fails.
      if (const json* comparator = member(quantity, "comparator")) {
        const std::string how =
            comparator->is_string() ? comparator->get<std::string>() : comparator->dump();
        skip("a weight given as '" + how + "' a value is not a measured weight");
        continue;
      }
      const std::optional<double> value = detail::number_of(member(quantity, "value"));
      // The UCUM code only where the quantity says it is UCUM; otherwise its unit text.
      const bool ucum = detail::text_of(member(quantity, "system")) == system_uri::ucum;
      const std::string_view unit_code =
          ucum ? detail::text_of(member(quantity, "code")) : std::string_view{};
      const std::string_view unit_text = detail::text_of(member(quantity, "unit"));
      // "26.5 lb" coded kg: which was meant is not known (never guessed).
      if (detail::unit_text_contradicts(unit_text, unit_code)) {
        skip("weight unit '" + std::string(unit_text) + "' and UCUM code '" +
             std::string(unit_code) + "' disagree");
        continue;
      }
      const gln::optional<kilograms> kg =
          value ? gln::weight_in_kilograms(*value, unit_code, unit_text) : gln::nullopt;
      if (!kg) {
        skip(value ? "weight unit '" + std::string(unit_code.empty() ? unit_text : unit_code) +
                         "' is not kg, g or [lb_av]"
                   : "no weight value");
        continue;
      }
      const date measured = first_day;
      const weight_reading reading{kg->value(),
                                   *value,
                                   std::string(unit_code.empty() ? unit_text : unit_code),
                                   measured,
                                   days_between(measured, on),
                                   reference};
      if (!weight || *weight_last_day < measured) {
        weight = reading;
        weight_last_day = *day;
      } else if (!(*day < weight->measured) && !(weight->kilograms == reading.kilograms)) {
        // Two weights that differ and may be of the same day (a date of a month may be any of
        // its days): the lower, whose per-kg ceilings are the stricter, and the other said not
        // used.
        const bool one_day = measured == *day && weight->measured == *weight_last_day;
        const weight_reading higher = reading.kilograms < weight->kilograms ? *weight : reading;
        if (reading.kilograms < weight->kilograms) {
          weight = reading;
          weight_last_day = *day;
        }
        out.skipped.push_back(skipped_entry{
            higher.resource, one_day
                                 ? "another weight of the same day is lower, and the lower is used"
                                 : "another weight whose date may be the same day is lower, and "
                                   "the lower is used"});
      }
    }
  }

  // A newest-first page with more pages answers when what it gives is newer than its oldest
  // entry: the next pages are older, or of that day (a lower weight of that day would be used).
  auto newer_than_page = [&](section s, const std::optional<date>& newest, const char* what) {
    const partial_page& page = partial_pages_[static_cast<std::size_t>(s)];
    if (!page.partial || (newest && page.oldest && *page.oldest < *newest)) return;
    incomplete(s, std::string("the search result has more pages, and the newest ") + what +
                      " may be on them");
  };
  newer_than_page(section::weight, weight ? std::optional<date>{weight->measured} : std::nullopt,
                  "usable weight");
  // A weight not used that may be newer than the one used (or of its day): the weight in force
  // is not known, and the per-kg checks rest on one that may be out of date.
  if (weight) {
    for (const unused_weight& unused : unused_weights) {
      if (unused.last_day && *unused.last_day < weight->measured) continue;
      incomplete(section::weight, unused.reference + ": " + unused.why +
                                      ", and it may be newer than the weight used");
      break;
    }
  }
  const bool pregnant_decides =
      latest_pregnant && !(latest_not_pregnant && latest_pregnant->first < *latest_not_pregnant);
  newer_than_page(
      section::pregnancy_status,
      pregnant_decides ? std::optional<date>{latest_pregnant->first} : latest_not_pregnant,
      "pregnancy status that says pregnant or not");

  if (pregnant_decides) {
    const json& observation = *latest_pregnant->second->resource;
    const std::string reference =
        detail::reference_of(observation, latest_pregnant->second->full_url);
    const json* answer = member(observation, "valueCodeableConcept");
    const std::string words = detail::concept_text(answer);
    for (const coding& c : detail::codings_of(answer)) {
      const code_match found = gln::code_lookup(c.system, c.code);
      if (!found.mapped()) continue;
      for (gln::condition each : found.conditions) {
        if (each == gln::condition::pregnancy) {
          add_condition(condition_fact{each, provenance{reference, words, c, matched_by::code}});
        }
      }
    }
  }

  if (patients_disagree) out.birth_date.reset();
  for (const entry* e : abated_by_age) {
    read_condition(*e->resource, detail::reference_of(*e->resource, e->full_url),
                   out.birth_date ? &*out.birth_date : nullptr);
  }
  gln::profile& p = out.profile;
  if (out.birth_date) p.set_age(static_cast<double>(whole_years(out.birth_date->latest, on)));
  if (weight) {
    p.set_weight(weight->kilograms);
    p.weight_age_days = static_cast<int>(std::min<std::int64_t>(weight->age_days, 1'000'000));
    out.weight = weight;
  }
  p.conditions = conditions;
  p.medications = medications;
  p.conditions_known = out.known(section::conditions);
  p.medications_known = out.known(section::medications);
  p.unmapped_conditions =
      static_cast<std::uint16_t>(std::min<std::size_t>(out.unmapped_conditions.size(), 65535U));
  return out;
}

// Reads a whole Bundle; see reader::add_bundle.
inline record read_bundle(const json& bundle, const read_options& options = {}) {
  reader r(options);
  r.add_bundle(bundle);
  return r.read();
}

// Reads a CDS Hooks prefetch object; see reader::add_prefetch.
inline record read_prefetch(const json& prefetch, const read_options& options = {},
                            const prefetch_keys& keys = {}) {
  reader r(options);
  r.add_prefetch(prefetch, keys);
  return r.read();
}

}  // namespace fhir
}  // namespace gln

#endif  // GLN_FHIR_READ_HPP
