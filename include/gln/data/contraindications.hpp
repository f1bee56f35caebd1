#ifndef GLN_DATA_CONTRAINDICATIONS_HPP
#define GLN_DATA_CONTRAINDICATIONS_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "../core/enum_set.hpp"
#include "../core/enums.hpp"
#include "../core/names.hpp"
#include "rules.hpp"

// What makes each screening rule of docs/knowledge.md §4 fire. The verdict, reason and sources
// are in rules.hpp; this table holds only the triggers.

// A condition that needs more than set membership, and what it asks of the profile (shown in
// docs/knowledge.md §4; a "{name}" is a policy knob or a number of the dose tables, as in the
// rule texts).
// X(extra, "name", "description")
#define GLN_TRIGGER_EXTRAS(X)                                                                     \
  X(none, "none", "")                                                                             \
  X(age_below_adult, "age_below_adult", "age known and below {adult_age_years} years")            \
  X(age_below_sickle_min, "age_below_sickle_min",                                                 \
    "age known and below {sickle_cell_min_age_years} years, the Endari label's lowest age")       \
  X(medication_absent, "medication_absent", "none of the rule's medications is taken")            \
  X(age_unknown, "age_unknown", "no age given")                                                   \
  X(conditions_unknown, "conditions_unknown", "the profile says its conditions are not known")    \
  X(medications_unknown, "medications_unknown", "the profile says its medications are not known") \
  X(conditions_unmapped, "conditions_unmapped", "the profile holds conditions gln could not map") \
  X(weight_stale, "weight_stale",                                                                 \
    "a valid weight older than {max_weight_age_days_adult} days for an adult, "                   \
    "{max_weight_age_days_minor} days for anyone not known to be an adult")

GLN_BEGIN_NAMESPACE

GLN_DEFINE_DESCRIBED_ENUM(trigger_extra, GLN_TRIGGER_EXTRAS);

namespace data {

// A rule fires when the purpose is in `purposes` (an empty set means any purpose) and:
// any of `conditions` or `medications` is present, or, with an extra, the extra holds;
// a rule with neither fires on the purpose alone.
struct screening_trigger {
  gln::rule id{};
  purpose_set purposes;
  condition_set conditions;
  medication_set medications;
  trigger_extra extra = trigger_extra::none;
};

// docs/knowledge.md §4, purpose.clinician_managed.
inline constexpr purpose_set clinician_managed_purposes{purpose::oral_mucositis,
                                                        purpose::surgical_recovery,
                                                        purpose::critical_illness,
                                                        purpose::trauma,
                                                        purpose::burns,
                                                        purpose::sickle_cell_disease,
                                                        purpose::short_bowel_syndrome};

// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
namespace screening_triggers_table {  // the short names that lay the table out, kept out of data::
using r = gln::rule;
using c = gln::condition;
using m = gln::medication;
using p = gln::purpose;
using x = trigger_extra;
inline constexpr std::array<screening_trigger, 34> screening_triggers{{
    {r::contra_hepatic_encephalopathy, {}, {c::hepatic_encephalopathy}, {}, x::none},
    {r::contra_hepatic_failure, {}, {c::hepatic_failure}, {}, x::none},
    {r::contra_cirrhosis, {}, {c::cirrhosis}, {}, x::none},
    {r::contra_liver_disease, {}, {c::liver_disease}, {}, x::none},
    {r::contra_severe_kidney_disease, {}, {c::severe_kidney_disease}, {}, x::none},
    {r::contra_kidney_disease, {}, {c::kidney_disease}, {}, x::none},
    {r::contra_multiorgan_failure, {}, {c::multiorgan_failure}, {}, x::none},
    {r::contra_shock, {}, {c::shock}, {}, x::none},
    {r::contra_reyes_syndrome, {}, {c::reyes_syndrome}, {}, x::none},
    {r::contra_metabolic_acidosis, {}, {c::metabolic_acidosis}, {}, x::none},
    {r::caution_cancer, {}, {c::cancer}, {}, x::none},
    {r::caution_cancer_treatment, {}, {c::cancer_treatment}, {m::antineoplastic}, x::none},
    {r::caution_pregnancy, {}, {c::pregnancy}, {}, x::none},
    {r::caution_breastfeeding, {}, {c::breastfeeding}, {}, x::none},
    {r::caution_recent_icu_stay, {}, {c::recent_icu_stay}, {}, x::none},
    {r::caution_sepsis, {}, {c::sepsis}, {}, x::none},
    {r::caution_neurologic_symptoms, {}, {c::unexplained_neurologic_symptoms}, {}, x::none},
    {r::caution_seizure_disorder, {}, {c::seizure_disorder}, {m::anticonvulsant}, x::none},
    {r::caution_bipolar_disorder, {}, {c::bipolar_disorder}, {}, x::none},
    {r::caution_lactulose, {}, {}, {m::lactulose}, x::none},
    {r::caution_msg_sensitivity, {}, {c::msg_sensitivity}, {}, x::none},
    {r::caution_other_prescription, {}, {}, {m::other_prescription}, x::none},
    {r::caution_supplement_stack, {}, {}, {m::supplement_stack}, x::none},
    {r::caution_minor, {}, {}, {}, x::age_below_adult},
    {r::caution_age_unknown, {}, {}, {}, x::age_unknown},
    {r::purpose_clinician_managed, clinician_managed_purposes, {}, {}, x::none},
    {r::purpose_critical_with_organ_failure,
     {p::critical_illness, p::trauma},
     {c::multiorgan_failure, c::shock, c::severe_kidney_disease, c::hepatic_failure},
     {},
     x::none},
    {r::purpose_sickle_cell_age, {p::sickle_cell_disease}, {}, {}, x::age_below_sickle_min},
    {r::purpose_short_bowel_needs_gh,
     {p::short_bowel_syndrome},
     {},
     {m::growth_hormone},
     x::medication_absent},
    {r::purpose_ibs_other_causes, {p::ibs_symptoms}, {}, {}, x::none},
    {r::input_conditions_unknown, {}, {}, {}, x::conditions_unknown},
    {r::input_medications_unknown, {}, {}, {}, x::medications_unknown},
    {r::input_conditions_unmapped, {}, {}, {}, x::conditions_unmapped},
    {r::input_weight_stale, {}, {}, {}, x::weight_stale},
}};
}  // namespace screening_triggers_table
using screening_triggers_table::screening_triggers;

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_CONTRAINDICATIONS_HPP
