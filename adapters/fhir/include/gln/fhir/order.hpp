#ifndef GLN_FHIR_ORDER_HPP
#define GLN_FHIR_ORDER_HPP

// A MedicationRequest read as a glutamine order: is it glutamine, for which purpose, at what
// regimen (knowledge.md §2b, §5, §6).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "read.hpp"

namespace gln {
namespace fhir {

struct order_reading {
  std::string resource;  // "MedicationRequest/<id>"
  std::string text;      // the medication's words
  bool glutamine = false;
  std::optional<provenance> glutamine_from;
  gln::purpose purpose = gln::purpose::general_recovery;
  std::string purpose_reason;  // why this purpose, for people
  std::optional<gln::regimen> regimen;
  std::string regimen_text;      // "10 g twice a day (20 g/day)", or why no regimen was read
  std::optional<date> authored;  // authoredOn
  bool draft = true;             // a draft order (order-select, order-sign): it can be removed
  // Why what it orders is unknown (a Medication not sent, with no display), else empty: it may
  // be glutamine, unchecked.
  std::string medication_unknown;
};

namespace detail {

// The conditions that name a purpose (knowledge.md §2, "indications").
inline std::optional<gln::purpose> purpose_of(gln::condition c) {
  switch (c) {
    case gln::condition::sickle_cell_disease: return gln::purpose::sickle_cell_disease;
    case gln::condition::short_bowel_syndrome: return gln::purpose::short_bowel_syndrome;
    case gln::condition::oral_mucositis: return gln::purpose::oral_mucositis;
    default: return std::nullopt;
  }
}

// Whether an NDC coding is Endari (labeler and product of the NDC table's Endari row, any package).
inline bool is_endari(const coding& c) {
  if (c.system != system_uri::ndc) return false;
  const code_match found = gln::code_lookup(gln::code_system::ndc, c.code);
  if (!found.mapped() || !found.glutamine) return false;
  // The shape is already checked: the labeler and product are the first two parts, or the
  // first 5 and next 4 digits of an 11-digit code without hyphens.
  std::string parts[2];
  std::size_t part = 0;
  for (char ch : c.code) {
    if (ch == '-') {
      if (++part == 2) break;
    } else if (ch >= '0' && ch <= '9') {
      parts[part] += ch;
    }
  }
  if (part == 0 && parts[0].size() == 11) {
    parts[1] = parts[0].substr(5, 4);
    parts[0] = parts[0].substr(0, 5);
  }
  auto number = [](const std::string& digits) {
    std::uint32_t value = 0;
    for (char ch : digits.substr(0, 9)) value = value * 10U + static_cast<std::uint32_t>(ch - '0');
    return value;
  };
  for (const ndc_entry& row : gln::data::ndc_codes) {
    if (row.name.substr(0, 6) == "Endari" && row.labeler == number(parts[0]) &&
        row.product == number(parts[1]))
      return true;
  }
  return false;
}

inline std::string describe_coding(const coding& c) {
  std::string out = c.system + " " + c.code;
  if (!c.display.empty()) out += " (" + c.display + ")";
  return out;
}

inline std::string number_text(double value) {
  char out[32];
  std::snprintf(out, sizeof out, "%g", value);
  return out;
}

// Doses a day of a timing.code from HL7's TimingAbbreviation value set (v3 GTSAbbreviation),
// in any case ("qid" is read the larger way, as QID); 0 for one that is not a whole number a day
// (QOD, WK, MO) or not in the set.
inline int abbreviation_doses_per_day(std::string_view given) {
  std::string code(given);
  std::transform(code.begin(), code.end(), code.begin(), [](char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  });
  constexpr std::pair<std::string_view, int> codes[] = {
      {"QD", 1},   {"AM", 1},   {"PM", 1},  {"BED", 1}, {"BID", 2}, {"TID", 3}, {"QID", 4},
      {"Q1H", 24}, {"Q2H", 12}, {"Q3H", 8}, {"Q4H", 6}, {"Q6H", 4}, {"Q8H", 3}};
  for (const auto& [name, doses] : codes) {
    if (name == code) return doses;
  }
  return 0;
}

// The number of items of an array member (0 for any other value).
inline std::size_t items_in(const json* array) {
  return array != nullptr && array->is_array() ? array->size() : 0U;
}

// Doses a day of a timing.code: the most any of its codings or its text names (0: none does).
inline int code_doses_per_day(const json* code) {
  int most = abbreviation_doses_per_day(text_of(member(code, "text")));
  for_each_item(member(code, "coding"), [&](const json& c) {
    most = std::max(most, abbreviation_doses_per_day(text_at(c, "code")));
  });
  return most;
}

// The most of a Timing's events (dateTimes) that fall on one day: that many doses that day.
inline std::size_t events_on_one_day(const json* events) {
  std::map<std::string, std::size_t> per_day;
  std::size_t most = 0;
  for_each_item(events, [&](const json& event) {
    const std::string_view when = text_of(&event);
    if (when.size() >= 10) most = std::max(most, ++per_day[std::string(when.substr(0, 10))]);
  });
  return most;
}

// Doses a day from a Timing: its repeat's frequency (frequencyMax where given: the most a day)
// per period of h, d or wk; at least as many as the times of day the repeat lists on a day it
// is taken (timeOfDay, when: "08:00" and "20:00" are two doses that day, whatever the period);
// and at least what its code says (BID, TID...). The larger reading throughout; empty, with
// the reason in `problem`, unless a whole number from 1 (or an invalid frequency, below).
inline std::optional<int> doses_per_day(const json* timing, std::string& problem) {
  const json* repeat = member(timing, "repeat");
  const json* code = member(timing, "code");
  if (code != nullptr && !code->is_object()) {  // "TID" as a plain string is no CodeableConcept
    problem = "the order's timing code is not a CodeableConcept";
    return std::nullopt;
  }
  const int by_code = code_doses_per_day(code);
  if (repeat == nullptr) {
    if (by_code > 0) return by_code;
    problem = code != nullptr ? "the order's timing code is not one of a whole number of doses a "
                                "day (BID, TID, QID, Q4H...)"
                              : "the order gives no timing.repeat";
    return std::nullopt;
  }
  // A frequency or frequencyMax sent as something else than a number is not read as absent (a
  // string "3" read as once a day).
  for (const char* name : {"frequency", "frequencyMax"}) {
    const json* value = member(repeat, name);
    if (value != nullptr && !value->is_number()) {
      problem = "the order's timing " + std::string(name) + " is not a number";
      return std::nullopt;
    }
  }
  // A frequency or frequencyMax below 1 (FHIR's are positive integers) makes the regimen
  // invalid whatever the rest says, as an amount that is no positive number does: kept as given
  // (a whole number not below -1000, else 0), so the dose check refuses it and the card shows it.
  for (const char* name : {"frequency", "frequencyMax"}) {
    const std::optional<double> value = number_of(member(repeat, name));
    if (value && !(*value >= 1.0)) {
      return *value >= -1000.0 && std::floor(*value) == *value ? static_cast<int>(*value) : 0;
    }
  }
  // frequencyMax where given; the larger of the two where it contradicts frequency.
  const double given = number_of(member(repeat, "frequency")).value_or(1.0);
  const double frequency =
      std::max(given, number_of(member(repeat, "frequencyMax")).value_or(given));
  // periodMax where it is shorter than period (2 a day every 1-2 days is up to 2 a day).
  const json* period_max = member(repeat, "periodMax");
  if (period_max != nullptr && !(period_max->is_number() && period_max->get<double>() > 0.0)) {
    problem = "the order's timing periodMax is not a positive number";
    return std::nullopt;
  }
  const double period = std::min(number_of(member(repeat, "period")).value_or(0.0),
                                 number_of(period_max).value_or(HUGE_VAL));
  const std::string_view unit = text_of(member(repeat, "periodUnit"));
  if (!(period > 0.0)) {
    problem = "the order's timing gives no period";
    return std::nullopt;
  }
  double per_day = 0.0;
  if (unit == "h") {
    per_day = frequency * 24.0 / period;
  } else if (unit == "d") {
    per_day = frequency / period;
  } else if (unit == "wk") {
    per_day = frequency / (7.0 * period);
  } else {
    problem = "the order's timing period unit '" + std::string(unit) + "' is not h, d or wk";
    return std::nullopt;
  }
  const auto times = static_cast<double>(
      std::max({items_in(member(repeat, "timeOfDay")), items_in(member(repeat, "when")),
                events_on_one_day(member(timing, "event"))}));
  per_day = std::max({per_day, times, static_cast<double>(by_code)});
  if (!(per_day >= 1.0) || std::floor(per_day) != per_day) {
    problem = "the order's timing is not a whole number of doses a day";
    return std::nullopt;
  }
  // Far more a day than the dose check allows is refused by it: kept as given, up to what an
  // int holds (more than that is at least that many).
  constexpr double most = std::numeric_limits<int>::max();
  return static_cast<int>(std::min(per_day, most));
}

// Grams a unit text names in words ("g", "gram", "Milligrams"...), 0 for another.
inline double grams_named(std::string_view unit_text) {
  const std::string text = lower_ascii(unit_text);
  if (text == "g" || text == "gm" || text == "gram" || text == "grams") return 1.0;
  if (text == "mg" || text == "milligram" || text == "milligrams") return 0.001;
  return 0.0;
}

// Grams from a dose quantity in UCUM g or mg (or a unit text g or mg without a system). Not
// read: a comparator (`>` 5 g is more than 5 g), another system's code, a code that the unit
// text contradicts (code mg, unit g or "gram": 1000 times apart; without a system, any code
// other than the unit text).
inline std::optional<double> dose_grams(const json* quantity, std::string& problem) {
  const std::optional<double> value = number_of(member(quantity, "value"));
  const std::string_view system = text_of(member(quantity, "system"));
  const bool ucum = system == system_uri::ucum;
  const std::string_view code = text_of(member(quantity, "code"));
  const std::string_view unit_text = text_of(member(quantity, "unit"));
  const std::string_view unit = ucum ? code : unit_text;
  if (!value) {
    problem = "the order gives no dose quantity";
    return std::nullopt;
  }
  if (member(quantity, "comparator") != nullptr) {
    problem = "the order's dose has a comparator ('" +
              std::string(text_of(member(quantity, "comparator"))) + "')";
    return std::nullopt;
  }
  if (member(quantity, "system") != nullptr && !ucum) {
    problem = "the order's dose unit system '" + std::string(system) + "' is not UCUM";
    return std::nullopt;
  }
  const bool disagree = ucum ? grams_named(unit_text) != 0.0 && grams_named(code) != 0.0 &&
                                   grams_named(unit_text) != grams_named(code)
                             : !code.empty() && code != unit_text;
  if (disagree) {
    problem = "the order's dose unit '" + std::string(unit_text) + "' and code '" +
              std::string(code) + "' disagree";
    return std::nullopt;
  }
  if (unit == "g") return *value;
  if (unit == "mg") return *value / 1000.0;
  problem = "the order's dose unit '" + std::string(unit) + "' is not g or mg";
  return std::nullopt;
}

// Days in a duration Quantity of UCUM h, d or wk (code, else unit text); empty for another.
inline std::optional<double> duration_days(const json* quantity) {
  if (member(quantity, "comparator") != nullptr) return std::nullopt;  // "<1 d" is no length
  const std::optional<double> value = number_of(member(quantity, "value"));
  std::string_view unit = text_of(member(quantity, "code"));
  if (unit.empty()) unit = text_of(member(quantity, "unit"));
  if (!value || !(*value > 0.0)) return std::nullopt;
  if (unit == "h") return *value / 24.0;
  if (unit == "d") return *value;
  if (unit == "wk") return *value * 7.0;
  return std::nullopt;
}

// Why a dosage's maxDosePerAdministration or maxDosePerPeriod (a Ratio, or R5's list of them)
// keeps its dose from being checked: one that allows more than the dose, or that cannot be read;
// empty where each allows no more than `grams` a dose and `grams` x `doses` a day.
inline std::string allowed_above(const json& instruction, double grams, int doses) {
  std::string problem;
  if (const json* most = member(instruction, "maxDosePerAdministration")) {
    const std::optional<double> cap = dose_grams(most, problem);
    if (!cap) return problem + " (maxDosePerAdministration)";
    if (*cap > grams) {
      return "the order allows up to " + number_text(*cap) +
             " g a dose (maxDosePerAdministration), more than its dose";
    }
  }
  const json* periods = member(instruction, "maxDosePerPeriod");
  if (periods == nullptr) return {};
  std::string found;
  auto check = [&](const json& ratio) {
    if (!found.empty()) return;
    const std::optional<double> cap = dose_grams(member(ratio, "numerator"), problem);
    const std::optional<double> days = duration_days(member(ratio, "denominator"));
    if (!cap || !days) {
      found = (cap ? std::string("the order's maxDosePerPeriod period is not h, d or wk without a "
                                 "comparator")
                   : problem + " (maxDosePerPeriod)");
    } else if (*cap / *days > grams * doses) {
      found = "the order allows up to " + number_text(*cap / *days) +
              " g a day (maxDosePerPeriod), more than its dose";
    }
  };
  if (periods->is_array()) {
    for (const json& ratio : *periods) check(ratio);
  } else {
    check(*periods);
  }
  return found;
}

}  // namespace detail

// Reads a draft or active MedicationRequest as an order: whether it is glutamine (its codes,
// or a text naming glutamine), the purpose (the order's reason when it maps to a condition that
// names a purpose, else the product: Endari by NDC or by name is sickle_cell_disease, NutreStore
// by name short_bowel_syndrome, else general_recovery) and
// the regimen (one dosage instruction with a dose in g or mg and a timing a day).
inline order_reading read_order(const reader& from, const record& context, const json& request) {
  using detail::member;
  order_reading out{};
  out.resource = detail::reference_of(request);
  const detail::concept_reading medication = from.read_medication(request, out.resource);
  out.text = medication.words;
  out.glutamine = medication.glutamine;
  out.glutamine_from = medication.glutamine_from;
  if (!out.glutamine) out.medication_unknown = medication.unidentified;
  if (const json* authored = member(request, "authoredOn"))
    out.authored = parse_date(detail::text_of(authored));

  // The purpose.
  std::optional<std::pair<gln::purpose, std::string>> by_reason;
  const lookup_hook& hook = from.options().lookup;
  detail::for_each_item(member(request, "reasonCode"), [&](const json& reason) {
    const detail::concept_reading read =
        detail::read_concept(&reason, out.resource, code_role::condition, hook);
    for (const condition_fact& fact : read.condition_facts) {
      const auto p = detail::purpose_of(fact.condition);
      if (p && !by_reason) {
        by_reason =
            std::make_pair(*p, "the order's reason code " + detail::describe_coding(fact.from.by) +
                                   " is " + std::string(gln::to_string(fact.condition)));
      }
    }
  });
  detail::for_each_item(member(request, "reasonReference"), [&](const json& reason) {
    const std::string_view target = detail::text_at(reason, "reference");
    for (const condition_fact& fact : context.conditions) {
      const auto p = detail::purpose_of(fact.condition);
      if (p && !by_reason && !target.empty() && fact.from.resource == target) {
        by_reason = std::make_pair(*p, "the order's reason " + std::string(target) + " is " +
                                           std::string(gln::to_string(fact.condition)));
      }
    }
  });
  bool endari = false;
  for (const read_coding& c : medication.codings) endari = endari || detail::is_endari(c.value);
  // A product named by brand only ("Endari 5 g packet", no code): the brand's label decides, as
  // Endari's NDC does.
  gln::brand_match brand{};
  std::vector<std::string_view> texts{medication.words};
  for (const read_coding& c : medication.codings) texts.push_back(c.value.display);
  for (const std::string_view text : texts) {
    if (brand.matched()) break;
    brand = gln::glutamine_brand_in(text);
  }
  if (by_reason) {
    out.purpose = by_reason->first;
    out.purpose_reason = by_reason->second;
  } else if (endari) {
    out.purpose = gln::purpose::sickle_cell_disease;
    out.purpose_reason = "the product is Endari (NDC), labelled for sickle cell disease";
  } else if (brand.matched()) {
    out.purpose = brand.labelled_for;
    out.purpose_reason = "the order names " + std::string(brand.brand) + ", labelled for " +
                         std::string(gln::to_string(brand.labelled_for));
  } else {
    out.purpose = gln::purpose::general_recovery;
    out.purpose_reason =
        "the order gives no reason that names an indication (sickle cell disease, short bowel "
        "syndrome, oral mucositis) and names no prescription glutamine (Endari, NutreStore)";
  }

  // The regimen: a MedicationRequest's dosageInstruction, a MedicationStatement's dosage (FHIR
  // R4 names them so; the other's name is no element of it, and is not read).
  const bool statement = detail::is_type(request, "MedicationStatement");
  const json* dosage = member(request, statement ? "dosage" : "dosageInstruction");
  if (dosage == nullptr || !dosage->is_array() || dosage->empty()) {
    out.regimen_text =
        statement ? "the statement gives no dosage" : "the order gives no dosage instruction";
    return out;
  }
  if (dosage->size() > 1) {
    out.regimen_text = "the order gives several dosage instructions";
    return out;
  }
  const json& instruction = dosage->front();
  std::string problem;
  // A dose range is checked at its upper end, and of several doses (doseAndRate lists the
  // ordered and the calculated one) the largest; one that cannot be read leaves the dose
  // unchecked.
  std::optional<double> grams;
  const json* dose_and_rate = member(instruction, "doseAndRate");
  if (dose_and_rate == nullptr || !dose_and_rate->is_array() || dose_and_rate->empty()) {
    grams = detail::dose_grams(nullptr, problem);
  } else {
    for (const json& each : *dose_and_rate) {
      const json* quantity = member(each, "doseQuantity");
      const json* range = member(each, "doseRange");
      if (quantity != nullptr && range != nullptr) {  // dose[x] is one or the other
        problem = "the order gives a doseQuantity and a doseRange in one dose";
        grams.reset();
        break;
      }
      if (quantity == nullptr) quantity = member(range, "high");
      std::optional<double> one = detail::dose_grams(quantity, problem);
      // A range whose low end is above its high end: the larger is what may be given.
      if (one && range != nullptr && member(range, "low") != nullptr) {
        const std::optional<double> low = detail::dose_grams(member(range, "low"), problem);
        one = low ? std::optional<double>(std::max(*one, *low)) : std::nullopt;
      }
      if (!one) {
        grams.reset();
        break;
      }
      // An amount that is no positive number makes the dose invalid whatever the others say: it
      // is kept as given, so the dose check refuses it and the card shows it (-10 g read as 0).
      if (!(*one > 0.0)) {
        grams = one;
        break;
      }
      grams = grams ? std::max(*grams, *one) : *one;
    }
  }
  const std::optional<int> doses =
      grams ? detail::doses_per_day(member(instruction, "timing"), problem) : std::nullopt;
  if (!grams || !doses) {
    out.regimen_text = problem;
    return out;
  }
  // The most the order allows where it says more than its dose (as needed up to 60 g a day) is
  // what may be given: no regimen holds it, so the dose is not checked.
  if (const std::string above = detail::allowed_above(instruction, *grams, *doses);
      !above.empty()) {
    out.regimen_text = above;
    return out;
  }
  gln::regimen plan{gln::grams{*grams}, *doses, gln::nullopt};
  // The duration, a boundsDuration in UCUM d or wk; any other unit, a comparator, or a duration
  // given another way (boundsRange, boundsPeriod, count) is not read, and the text says so.
  std::string duration_problem;
  const json* repeat = member(member(instruction, "timing"), "repeat");
  const json* bounds = member(repeat, "boundsDuration");
  if (bounds != nullptr) {
    const auto length = detail::number_of(member(bounds, "value"));
    const std::string_view unit = detail::text_of(member(bounds, "code"));
    if (member(bounds, "comparator") != nullptr) {
      duration_problem = "; its duration has a comparator, so the duration was not checked";
    } else if (!length) {
      duration_problem = "; its duration gives no number, so the duration was not checked";
    } else if (unit == "wk") {
      plan.weeks = *length;
    } else if (unit == "d") {
      plan.weeks = *length / 7.0;
    } else {
      duration_problem = "; its duration unit '" + std::string(unit) +
                         "' is not d or wk, so the duration was not checked";
    }
  } else {
    for (const char* other : {"boundsRange", "boundsPeriod", "count"}) {
      if (member(repeat, other) != nullptr) {
        duration_problem = "; its duration is given as " + std::string(other) +
                           ", which is not read, so the duration was not checked";
        break;
      }
    }
  }
  out.regimen = plan;
  out.regimen_text = detail::number_text(*grams) + " g x " + std::to_string(*doses) + " a day (" +
                     detail::number_text(plan.per_day().value()) + " g/day)";
  if (plan.weeks) out.regimen_text += " for " + detail::number_text(*plan.weeks) + " weeks";
  out.regimen_text += duration_problem;
  return out;
}

}  // namespace fhir
}  // namespace gln

#endif  // GLN_FHIR_ORDER_HPP
