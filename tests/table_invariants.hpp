#ifndef GLN_TESTS_TABLE_INVARIANTS_HPP
#define GLN_TESTS_TABLE_INVARIANTS_HPP

// The invariants of gln's tables: what an edit of a table must keep true. They live here, in
// gln's own test build (tests/table_invariants.cpp asserts them at compile time), and not in
// the headers, so that no user's translation unit evaluates them on every include.
#include <gln/gln.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

GLN_BEGIN_NAMESPACE
namespace data {

// An ICD-10-CM code as §2 shapes it, stored: a letter, then letters or digits, 3 to 7
// characters, upper case, no dot.
constexpr bool is_normalized_code(std::string_view code) noexcept {
  if (code.size() < 3 || code.size() > 7) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    const bool upper = ch >= 'A' && ch <= 'Z';
    const bool digit = ch >= '0' && ch <= '9';
    if (!upper && !(digit && i > 0)) return false;
  }
  return true;
}

constexpr bool starts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.substr(0, prefix.size()) == prefix;
}

constexpr bool names_a_text_number(std::string_view name) noexcept {
  for (const named_number& number : text_numbers) {
    if (number.name == name) return true;
  }
  return false;
}

template <class Q>
constexpr bool ordered(const gln::optional<range<Q>>& r) noexcept {
  return !r || (r->min.value() > 0.0 && r->min <= r->max);
}

// True when every id in `list` names a source that exists and is not retracted.
constexpr bool cites_only_live_sources(const citation_list& list) noexcept {
  if (list.empty() || list.overflowed()) return false;
  for (gln::source id : list) {
    if (!is_valid(id) || sources[index_of(id)].retracted) return false;
  }
  return true;
}

constexpr bool is_known_set(condition_set set) noexcept { return !set.has_out_of_range(); }

// A medication code names a class or is glutamine, and nothing outside the enum.
constexpr bool names_a_medication(medication_set medications, bool glutamine) noexcept {
  return !medications.has_out_of_range() && (glutamine || !medications.empty());
}

constexpr bool is_lower_words(std::string_view name) noexcept {
  if (name.empty() || name.front() == ' ' || name.back() == ' ') return false;
  for (char ch : name) {
    if (!((ch >= 'a' && ch <= 'z') || ch == ' ')) return false;
  }
  return true;
}

// <gln/data/sources.hpp>

constexpr bool sources_are_indexed_by_id() noexcept {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (index_of(sources[i].id) != i || sources[i].text.empty()) return false;
  }
  return true;
}

// <gln/data/rules.hpp>

constexpr bool rules_are_consistent() noexcept {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const rule_info& info = rules[i];
    if (index_of(info.id) != i || info.reason.empty() || !is_valid(info.cause)) return false;
    // A rule cites sources of its own unless it borrows its dose row's.
    if (info.cites_dose_row ? !info.sources.empty() : !cites_only_live_sources(info.sources)) {
      return false;
    }
    // Supervision may soften clinician_only to caution; it never makes anything worse, and
    // it never moves avoid (the one documented exception is the adult maximum).
    if (info.supervised_level > info.level) return false;
    if (info.level == verdict::clinician_only && info.supervised_level != verdict::caution) {
      return false;
    }
    if (info.level == verdict::avoid && info.supervised_level != verdict::avoid &&
        info.id != gln::rule::dose_above_adult_maximum) {
      return false;
    }
  }
  return true;
}

// <gln/data/contraindications.hpp>

constexpr bool triggers_are_consistent() noexcept {
  for (std::size_t i = 0; i < screening_triggers.size(); ++i) {
    const screening_trigger& t = screening_triggers[i];
    // In rule order, each a screening rule, none of them a dose rule.
    if (i > 0 && !(screening_triggers[i - 1].id < t.id)) return false;
    if (t.id <= gln::rule::input_invalid || t.id >= gln::rule::dose_no_self_directed_range) {
      return false;
    }
    if (describe(t.id).cites_dose_row || describe(t.id).self_directed_only) return false;
  }
  return screening_triggers.size() ==
         index_of(gln::rule::dose_no_self_directed_range) - index_of(gln::rule::input_invalid) - 1;
}

// Every condition and medication is read by some screening rule, except the
// conditions that name a purpose (indications, such as sickle_cell_disease): a condition added
// to the vocabulary cannot silently screen as fine.
constexpr bool every_input_is_screened() noexcept {
  condition_set conditions{};
  medication_set medications{};
  for (const screening_trigger& t : screening_triggers) {
    conditions = conditions | t.conditions;
    medications = medications | t.medications;
  }
  for (std::size_t i = 0; i < enum_count<gln::condition>; ++i) {
    const auto c = static_cast<gln::condition>(i);
    if (!conditions.contains(c) && !parse<gln::purpose>(to_string(c))) return false;
  }
  return medications.size() == enum_count<gln::medication>;
}

// <gln/data/doses.hpp>

constexpr bool doses_are_consistent() noexcept {
  for (std::size_t i = 0; i < doses.size(); ++i) {
    const dose_row& row = doses[i];
    if (index_of(row.id) != i || !cites_only_live_sources(row.sources) || row.amount.empty()) {
      return false;
    }
    if (!ordered(row.per_dose) || !ordered(row.per_day) || !ordered(row.per_kg_day)) {
      return false;
    }
    if (row.doses_per_day &&
        (row.doses_per_day->min < 1 || row.doses_per_day->min > row.doses_per_day->max)) {
      return false;
    }
    if (row.min_weeks && row.max_weeks && *row.min_weeks > *row.max_weeks) return false;
    // A self-directed row always states a full range, so a dose can be checked against it.
    if (row.access == dose_access::self_directed &&
        (!row.per_dose || !row.doses_per_day || !row.per_day)) {
      return false;
    }
    // Per dose times doses per day must reach the daily range.
    if (row.per_dose && row.doses_per_day && row.per_day &&
        (row.per_dose->min.value() * row.doses_per_day->min > row.per_day->min.value() ||
         row.per_dose->max.value() * row.doses_per_day->max < row.per_day->max.value())) {
      return false;
    }
  }
  return true;
}

constexpr bool bands_are_ordered() noexcept {
  for (std::size_t i = 1; i < sickle_cell_weight_bands.size(); ++i) {
    if (!(sickle_cell_weight_bands[i - 1].up_to < sickle_cell_weight_bands[i].up_to) ||
        !(sickle_cell_weight_bands[i - 1].per_dose < sickle_cell_weight_bands[i].per_dose)) {
      return false;
    }
  }
  return true;
}

// <gln/data/thresholds.hpp>

// One row per knob in order, live sources, a switch's default is 0 or 1, a bounded knob starts
// within its bound.
constexpr bool knobs_are_consistent() noexcept {
  for (std::size_t i = 0; i < policy_knobs.size(); ++i) {
    const knob_info& knob = policy_knobs[i];
    if (index_of(knob.id) != i || !cites_only_live_sources(knob.sources)) return false;
    const bool is_switch = knob.stricter == direction::on || knob.stricter == direction::off;
    if (is_switch != (knob.unit == unit::on_off)) return false;
    if (is_switch && knob.default_value != 0.0 && knob.default_value != 1.0) return false;
    if (!is_switch && !(knob.default_value > 0.0)) return false;
    if (knob.at_most &&
        (knob.stricter != direction::later ||
         policy_knobs[index_of(*knob.at_most)].default_value < knob.default_value)) {
      return false;
    }
  }
  return true;
}

// <gln/data/dose_triggers.hpp>

// One row per dose rule, in rule order; a measure has a comparison and a bound, and a bound
// exactly the knob or number it names, in the measure's unit; a per-kg bound needs a weight.
constexpr bool dose_triggers_are_consistent() noexcept {
  if (dose_triggers.size() !=
      enum_count<gln::rule> - index_of(gln::rule::dose_no_self_directed_range)) {
    return false;
  }
  for (std::size_t i = 0; i < dose_triggers.size(); ++i) {
    const dose_trigger& t = dose_triggers[i];
    if (index_of(t.id) != index_of(gln::rule::dose_no_self_directed_range) + i) return false;
    const bool measured = t.measure != dose_measure::none;
    if (measured != (t.comparison != dose_comparison::none) ||
        measured != (t.bound != dose_bound::none)) {
      return false;
    }
    const bool knob_bound = t.bound == dose_bound::knob || t.bound == dose_bound::knob_per_kg;
    if (knob_bound != t.knob.has_value()) return false;
    if ((t.bound == dose_bound::number) != names_a_text_number(t.number)) return false;
    if (t.knob) {
      const unit expected = t.bound == dose_bound::knob_per_kg          ? unit::g_per_kg_day
                            : t.measure == dose_measure::grams_per_dose ? unit::g
                                                                        : unit::g_per_day;
      if (describe(*t.knob).unit != expected) return false;
    }
    if (t.bound == dose_bound::knob_per_kg &&
        !t.conditions.contains(dose_condition::weight_known) &&
        !t.conditions.contains(dose_condition::weight_current)) {
      return false;
    }
    if (t.conditions.has_out_of_range() || t.purposes.has_out_of_range()) return false;
    if (t.yields_to && (!is_dose_rule(*t.yields_to) || *t.yields_to == t.id)) return false;
  }
  return true;
}

// <gln/data/evidence.hpp>

constexpr bool evidence_is_consistent() noexcept {
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const evidence_row& row = evidence[i];
    if (index_of(row.id) != i || row.summary.empty() || !is_valid(row.grade) ||
        !cites_only_live_sources(row.sources)) {
      return false;
    }
    // Disagreement needs at least two sources to disagree.
    if (row.sources_disagree && row.sources.size() < 2) return false;
  }
  return true;
}

// <gln/data/trials.hpp>

constexpr bool trials_are_consistent() noexcept {
  for (std::size_t i = 0; i < trials.size(); ++i) {
    const trial_row& row = trials[i];
    if (index_of(row.id) != i || row.outcomes.has_out_of_range()) return false;
    // A trial with a review has something to track, and one without has nothing.
    if (!row.review.has_value() != row.outcomes.empty()) return false;
  }
  for (const advice* text : {&trial_rule, &basics_first, &athlete_protein, &side_effects, &forms,
                             &timing, &product_quality, &endurance_context}) {
    if (text->text.empty() || !cites_only_live_sources(text->sources)) return false;
  }
  return true;
}

// <gln/data/texts.hpp>

// One row per rule, in order, with a gist.
constexpr bool patient_texts_are_consistent() noexcept {
  for (std::size_t i = 0; i < patient_texts.size(); ++i) {
    if (index_of(patient_texts[i].id) != i || patient_texts[i].gist.empty() ||
        !is_valid(patient_texts[i].frame)) {
      return false;
    }
  }
  return true;
}

// <gln/data/codes.hpp>

// Normalized codes, valid conditions, sorted without repeats; an initial-encounter entry is
// a T code shorter than 7 characters.
constexpr bool icd10_codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < icd10_codes.size(); ++i) {
    const icd10_entry& entry = icd10_codes[i];
    if (!is_normalized_code(entry.code) || !is_valid(entry.condition)) return false;
    if (entry.match == icd10_match::initial_encounter &&
        (entry.code[0] != 'T' || entry.code.size() >= 7)) {
      return false;
    }
    if (i == 0) continue;
    const icd10_entry& before = icd10_codes[i - 1];
    if (before.code != entry.code) {
      if (before.code > entry.code) return false;
      continue;
    }
    if (before.match > entry.match) return false;
    if (before.match == entry.match && index_of(before.condition) >= index_of(entry.condition)) {
      return false;
    }
  }
  return true;
}

// 3-character categories, first <= last, sorted by first; a not-puerperal range lies inside a
// range that gives its condition.
constexpr bool icd10_ranges_are_consistent() noexcept {
  for (std::size_t i = 0; i < icd10_ranges.size(); ++i) {
    const icd10_range& range = icd10_ranges[i];
    if (range.first.size() != 3 || range.last.size() != 3 || !is_normalized_code(range.first) ||
        !is_normalized_code(range.last) || range.last < range.first || !is_valid(range.condition)) {
      return false;
    }
    if (i > 0 && icd10_ranges[i - 1].first > range.first) return false;
    if (!range.not_puerperal) continue;
    bool inside = false;
    for (const icd10_range& wider : icd10_ranges) {
      inside = inside || (!wider.not_puerperal && wider.condition == range.condition &&
                          wider.first <= range.first && range.last <= wider.last);
    }
    if (!inside) return false;
  }
  return true;
}

// Each broad condition is narrowed once, never by itself; every exclusion is a well-formed code
// that no entry of icd10_codes matches.
constexpr bool icd10_rules_are_consistent() noexcept {
  for (std::size_t i = 0; i < icd10_narrowings.size(); ++i) {
    const icd10_narrowing& narrowing = icd10_narrowings[i];
    if (!is_valid(narrowing.broad) || narrowing.specific.empty() ||
        narrowing.specific.has_out_of_range() || narrowing.specific.contains(narrowing.broad)) {
      return false;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (icd10_narrowings[j].broad == narrowing.broad) return false;
    }
  }
  for (const std::string_view excluded : icd10_exclusions) {
    if (!is_normalized_code(excluded)) return false;
    for (const icd10_entry& entry : icd10_codes) {
      if (starts_with(excluded, entry.code)) return false;
    }
  }
  return true;
}

constexpr bool codes_are_consistent() noexcept {
  return icd10_codes_are_consistent() && icd10_ranges_are_consistent() &&
         icd10_rules_are_consistent();
}

// <gln/data/terminology.hpp>

constexpr bool code_system_sources_are_consistent() noexcept {
  for (std::size_t i = 0; i < code_system_sources.size(); ++i) {
    if (index_of(code_system_sources[i].system) != i) return false;
    if (!cites_only_live_sources({code_system_sources[i].source})) return false;
  }
  return true;
}

constexpr bool snomed_codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < snomed_codes.size(); ++i) {
    const snomed_entry& entry = snomed_codes[i];
    if (!is_sctid(entry.code) || !is_known_set(entry.conditions)) return false;
    if (i > 0 && !(snomed_codes[i - 1].code < entry.code)) return false;  // sorted, no repeats
    const code_role role = entry.role;
    if (role != code_role::condition && role != code_role::procedure &&
        role != code_role::substance) {
      return false;
    }
    // Every row names a condition: a code that names none is left out (unmapped).
    if (entry.conditions.empty()) return false;
    for (std::uint64_t excluded : snomed_exclusions) {
      if (entry.code == excluded || !is_sctid(excluded)) return false;
    }
  }
  return true;
}

constexpr bool rxnorm_codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < rxnorm_codes.size(); ++i) {
    const rxnorm_entry& entry = rxnorm_codes[i];
    if (!is_rxcui(entry.code) || !names_a_medication(entry.medications, entry.glutamine)) {
      return false;
    }
    if (i > 0 && !(rxnorm_codes[i - 1].code < entry.code)) return false;
    // An ingredient has its RxNorm name in rxnorm_names, once; the product has none.
    std::size_t names = 0;
    for (const rxnorm_name& name : rxnorm_names) {
      if (name.code == entry.code && name.rxnorm) ++names;
    }
    if (names != (entry.glutamine ? 0U : 1U)) return false;
  }
  return true;
}

// Names are lower-case words, sorted, and none starts another (so a display word matches at
// most one), each naming an ingredient of rxnorm_codes; the letter index covers them all.
constexpr bool rxnorm_names_are_consistent() noexcept {
  if (rxnorm_names.size() > 255 || rxnorm_names_by_letter[0] != 0 ||
      rxnorm_names_by_letter[26] != rxnorm_names.size()) {
    return false;
  }
  for (std::size_t i = 0; i < rxnorm_names.size(); ++i) {
    const rxnorm_name& entry = rxnorm_names[i];
    if (!is_lower_words(entry.name)) return false;
    if (i > 0) {
      const std::string_view before = rxnorm_names[i - 1].name;
      if (!(before < entry.name) || entry.name.substr(0, before.size()) == before) return false;
    }
    bool ingredient = false;
    for (const rxnorm_entry& code : rxnorm_codes) {
      ingredient = ingredient || (code.code == entry.code && !code.glutamine);
    }
    if (!ingredient) return false;
  }
  return true;
}

constexpr bool atc_codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < atc_codes.size(); ++i) {
    const atc_entry& entry = atc_codes[i];
    if (!is_atc_code(entry.code) || !names_a_medication(entry.medications, entry.glutamine)) {
      return false;
    }
    // Sorted, and no code under another: the one entry a code can fall under is the greatest
    // one not after it.
    if (i > 0) {
      const std::string_view before = atc_codes[i - 1].code;
      if (!(atc_keys[i - 1] < atc_keys[i]) || entry.code.substr(0, before.size()) == before) {
        return false;
      }
    }
    for (std::string_view excluded : atc_exclusions) {
      if (excluded.substr(0, entry.code.size()) == entry.code || !is_atc_code(excluded)) {
        return false;
      }
    }
  }
  return true;
}

constexpr bool ndc_codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < ndc_codes.size(); ++i) {
    const ndc_entry& entry = ndc_codes[i];
    if (!is_ndc_product(entry.labeler, entry.product) || !entry.glutamine) return false;
    if (i > 0) {
      const ndc_entry& before = ndc_codes[i - 1];
      if (!(before.labeler < entry.labeler ||
            (before.labeler == entry.labeler && before.product < entry.product))) {
        return false;
      }
    }
  }
  return true;
}

constexpr bool loinc_codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < loinc_codes.size(); ++i) {
    const loinc_entry& entry = loinc_codes[i];
    if (!is_loinc_code(entry.code) || !is_known_set(entry.conditions)) return false;
    if (i > 0 && !(loinc_keys[i - 1] < loinc_keys[i])) return false;  // sorted, no repeats
    const bool answer = entry.code.substr(0, 2) == "LA";
    if (answer != (entry.role == code_role::observation_answer)) return false;
    if (!answer &&
        (entry.role != code_role::body_weight && entry.role != code_role::pregnancy_status)) {
      return false;
    }
    if (!answer && !entry.conditions.empty()) return false;
  }
  return true;
}

constexpr bool ucum_weight_units_are_consistent() noexcept {
  for (std::size_t i = 0; i < ucum_weight_units.size(); ++i) {
    if (ucum_weight_units[i].code.empty() || !(ucum_weight_units[i].kilograms_per_unit > 0.0)) {
      return false;
    }
    if (i > 0 && !(ucum_weight_units[i - 1].code < ucum_weight_units[i].code)) return false;
  }
  return true;
}

}  // namespace data

namespace detail {

// Every name is non-empty and used once.
template <class E>
constexpr bool names_are_unique() noexcept {
  const auto& names = enum_traits<E>::names;
  for (std::size_t i = 0; i < enum_count<E>; ++i) {
    if (names[i].empty()) return false;
    for (std::size_t j = i + 1; j < enum_count<E>; ++j) {
      if (names[i] == names[j]) return false;
    }
  }
  return true;
}

// Every "{name}" of `pattern` is a policy knob or a named number of the dose tables, at most
// two per text, and braces pair up.
constexpr bool placeholders_resolve(std::string_view pattern) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '}') return false;
    if (pattern[i] != '{') continue;
    const std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) return false;
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    bool known = parse<policy_knob>(name).has_value() || name == weight_age_days_name;
    for (const data::named_number& number : data::text_numbers)
      known = known || number.name == name;
    if (!known || ++count > text_arguments{}.size()) return false;
    i = close;
  }
  return true;
}

// Every placeholder of the rule reasons, the invalid-input reasons and the patient texts.
constexpr bool rule_texts_resolve() noexcept {
  for (const rule_info& info : data::rules) {
    if (!placeholders_resolve(info.reason)) return false;
  }
  for (std::string_view reason : data::invalid_input_reasons) {
    if (!placeholders_resolve(reason)) return false;
  }
  for (const patient_text_row& row : data::patient_texts) {
    if (!placeholders_resolve(row.gist)) return false;
  }
  return true;
}

// The keys sort as the codes do, so icd10_lookup's binary search finds what a search of the
// text would.
constexpr bool icd10_keys_are_sorted() noexcept {
  for (std::size_t i = 1; i < icd10_keyed_codes.size(); ++i) {
    if (icd10_keyed_codes[i - 1].key > icd10_keyed_codes[i].key) return false;
  }
  for (std::size_t i = 0; i < icd10_keyed_ranges.size(); ++i) {
    if (icd10_keyed_ranges[i].first > icd10_keyed_ranges[i].last) return false;
  }
  return true;
}

}  // namespace detail
GLN_END_NAMESPACE

#endif  // GLN_TESTS_TABLE_INVARIANTS_HPP
