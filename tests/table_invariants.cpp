// The invariants of gln's tables (table_invariants.hpp), checked once, here, in gln's own
// build: an edit that breaks one does not compile. Users' translation units never see them.
#include <gln/gln.hpp>

#include <string_view>

#include "table_invariants.hpp"

#include <gln/detail/derive.hpp>

namespace {

namespace data = gln::data;
namespace detail = gln::detail;

// Every enum: names present and unique.
static_assert(detail::names_are_unique<gln::purpose>());
static_assert(detail::names_are_unique<gln::condition>());
static_assert(detail::names_are_unique<gln::medication>());
static_assert(detail::names_are_unique<gln::verdict>());
static_assert(detail::names_are_unique<gln::evidence_grade>());
static_assert(detail::names_are_unique<gln::oversight>());
static_assert(detail::names_are_unique<gln::source_kind>());
static_assert(detail::names_are_unique<gln::source>());
static_assert(detail::names_are_unique<gln::rule>());
static_assert(detail::names_are_unique<gln::input_field>());
static_assert(detail::names_are_unique<gln::outcome>());
static_assert(detail::names_are_unique<gln::dose_access>());
static_assert(detail::names_are_unique<gln::plan_status>());
static_assert(detail::names_are_unique<gln::unit>());
static_assert(detail::names_are_unique<gln::direction>());
static_assert(detail::names_are_unique<gln::policy_knob>());
static_assert(detail::names_are_unique<gln::code_system>());
static_assert(detail::names_are_unique<gln::lookup_status>());
static_assert(detail::names_are_unique<gln::code_role>());

static_assert(data::sources_are_indexed_by_id(),
              "sources[i].id must equal i: the table is indexed by id");
static_assert(data::knobs_are_consistent(),
              "threshold table: one row per knob in order, live sources, sane defaults");
static_assert(data::rules_are_consistent(),
              "rule table: indexed by id, cites live sources, supervision never moves avoid");
static_assert(detail::rule_texts_resolve(),
              "every {placeholder} of a rule text is a policy knob or a named number");
static_assert(data::patient_texts_are_consistent(),
              "patient texts: one row per rule, in order, each with a gist");
static_assert(detail::names_are_unique<gln::patient_frame>());
static_assert(detail::names_are_unique<gln::icd10_match>());
static_assert(detail::names_are_unique<gln::trigger_extra>());
static_assert(detail::names_are_unique<gln::dose_measure>());
static_assert(detail::names_are_unique<gln::dose_comparison>());
static_assert(detail::names_are_unique<gln::dose_bound>());
static_assert(detail::names_are_unique<gln::dose_condition>());

// Every "{name}" of an enum's descriptions is a policy knob or a named number.
template <class E>
constexpr bool descriptions_resolve() {
  for (std::string_view text : gln::enum_traits<E>::descriptions) {
    if (!detail::placeholders_resolve(text)) return false;
  }
  return true;
}
static_assert(descriptions_resolve<gln::trigger_extra>() &&
                  descriptions_resolve<gln::dose_bound>() &&
                  descriptions_resolve<gln::dose_condition>(),
              "the trigger descriptions name only policy knobs and numbers of the dose tables");
static_assert(data::dose_triggers_are_consistent(),
              "dose triggers: one row per dose rule, in order; bounds that name a knob or number "
              "in the measure's unit");
static_assert(data::triggers_are_consistent(),
              "every screening rule has exactly one trigger, in order");
static_assert(data::every_input_is_screened(),
              "every condition and medication is read by a screening rule (or names a purpose)");
static_assert(data::doses_are_consistent(),
              "dose table: one row per purpose in order, live sources, min <= max");
static_assert(data::bands_are_ordered(), "weight bands: ascending weight and dose");
static_assert(data::evidence_is_consistent(),
              "evidence table: one row per purpose in order, live sources");
static_assert(data::trials_are_consistent(),
              "trial table: one row per purpose in order, live sources");
static_assert(data::codes_are_consistent(),
              "ICD-10-CM tables: normalized codes, sorted without repeats, ranges ordered, valid "
              "conditions, exclusions no entry matches");
static_assert(detail::icd10_keys_are_sorted(), "ICD-10-CM look-up keys sort as the codes do");
static_assert(data::code_system_sources_are_consistent(),
              "code system sources: one row per system in order, live sources");
static_assert(data::snomed_codes_are_consistent(),
              "SNOMED CT table: valid SCTIDs, sorted, no repeats, roles, exclusions absent");
static_assert(data::rxnorm_codes_are_consistent(),
              "RxNorm table: valid RxCUIs, sorted, no repeats, a class or glutamine");
static_assert(data::rxnorm_names_are_consistent(),
              "RxNorm names: lower-case words, sorted, none starts another, listed codes");
static_assert(data::atc_codes_are_consistent(),
              "ATC table: valid codes, sorted, none under another, exclusions not covered");
static_assert(data::ndc_codes_are_consistent(), "NDC table: valid parts, sorted, glutamine");
static_assert(data::loinc_codes_are_consistent(),
              "LOINC table: valid check digits, sorted, no repeats, roles");
static_assert(data::ucum_weight_units_are_consistent(),
              "UCUM table: codes sorted, positive factors");

// The look-up tables the headers hold written out are those their knowledge tables derive
// (detail/derive.hpp); after an edit of a knowledge table, scripts/derive-tables.sh writes them.
namespace derive = gln::detail::derive;
#define GLN_DERIVED(table)                                    \
  static_assert(derive::same(detail::table, derive::table()), \
                #table " differs from its derivation: run scripts/derive-tables.sh")
GLN_DERIVED(condition_rules_by_nibble);
GLN_DERIVED(medication_rules_by_nibble);
GLN_DERIVED(fact_rules_by_nibble);
GLN_DERIVED(compound_trigger_rows);
GLN_DERIVED(screen_by_purpose);
GLN_DERIVED(rules_by_level);
GLN_DERIVED(self_directed_only_rules);
GLN_DERIVED(code_characters);
GLN_DERIVED(icd10_keyed_codes);
GLN_DERIVED(icd10_keyed_ranges);
#undef GLN_DERIVED
static_assert(derive::same(data::rxnorm_names_by_letter, derive::rxnorm_names_by_letter()),
              "rxnorm_names_by_letter differs from its derivation: run scripts/derive-tables.sh");
static_assert(derive::same(data::atc_keys, derive::atc_keys()),
              "atc_keys differs from its derivation: run scripts/derive-tables.sh");
static_assert(derive::same(data::loinc_keys, derive::loinc_keys()),
              "loinc_keys differs from its derivation: run scripts/derive-tables.sh");

}  // namespace
