#ifndef GLN_RULES_SCREEN_HPP
#define GLN_RULES_SCREEN_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "../core/profile.hpp"
#include "../data/contraindications.hpp"
#include "../data/doses.hpp"
#include "../detail/validate.hpp"
#include "../policy.hpp"
#include "findings.hpp"

GLN_BEGIN_NAMESPACE

// The result of screening a profile for a purpose.
struct screening {
  verdict overall = verdict::suitable;  // the worst finding; suitable when there is none
  finding_list findings;                // in rule order
  gln::purpose purpose = gln::purpose::general_recovery;
  gln::oversight oversight = gln::oversight::self_directed;

  // False when any input was invalid (an input.invalid finding is present).
  constexpr bool valid() const noexcept { return !findings.contains(gln::rule::input_invalid); }
};

namespace detail {

// The extras that are facts of the profile alone (all but none and medication_absent, which
// reads the trigger's own medications): computed once per profile as one bit each.
using fact_mask = std::uint16_t;
static_assert(enum_count<trigger_extra> <= 16, "fact_mask holds one bit per trigger extra");

constexpr bool is_fact(trigger_extra x) noexcept {
  return !detail::same(x, trigger_extra::none) &&
         !detail::same(x, trigger_extra::medication_absent);
}
constexpr fact_mask fact_bit(trigger_extra x) noexcept {
  return static_cast<fact_mask>(1U << static_cast<unsigned>(x));
}

// What a purpose brings to screening: the rules that fire on the purpose alone, the fact-only
// rules that apply to it, and which compound triggers do (bit i: compound_trigger_rows[i]).
struct purpose_screen {
  rule_mask fires = 0;
  rule_mask fact_rules = 0;
  std::uint32_t checks = 0;
};

// The look-up tables screening runs on, derived from data::screening_triggers by
// detail/derive.hpp and written out by scripts/derive-tables.sh, so that no includer evaluates
// the derivation; gln's test build asserts that the two agree. A trigger is plain (a condition
// or medication, any purpose), purpose-only, fact-only (caution.minor,
// input.conditions_unknown...) or compound (anything else: few, checked one by one).

// The plain rules of any set of conditions or medications, four members at a time: entry
// [k][n] holds the rules of the members 4k to 4k+3 whose bits are set in n. A set's rules are
// then a fixed number of look-ups whatever it holds, with no loop over its members, whose
// varying length a varied batch mispredicts. Each entry's comment names its members and
// their rules.
inline constexpr rule_mask condition_rules_by_nibble[(enum_count<gln::condition> + 3) / 4][16] = {
    // derived condition_rules_by_nibble
    // clang-format off
    {
        0x0000000000000000,  // none of hepatic_encephalopathy, hepatic_failure, cirrhosis, liver_disease: no rule
        0x0000000000000002,  // hepatic_encephalopathy: contra.hepatic_encephalopathy
        0x0000000000000004,  // hepatic_failure: contra.hepatic_failure
        0x0000000000000006,  // hepatic_encephalopathy + hepatic_failure: contra.hepatic_encephalopathy, contra.hepatic_failure
        0x0000000000000008,  // cirrhosis: contra.cirrhosis
        0x000000000000000a,  // hepatic_encephalopathy + cirrhosis: contra.hepatic_encephalopathy, contra.cirrhosis
        0x000000000000000c,  // hepatic_failure + cirrhosis: contra.hepatic_failure, contra.cirrhosis
        0x000000000000000e,  // hepatic_encephalopathy + hepatic_failure + cirrhosis: contra.hepatic_encephalopathy, contra.hepatic_failure, contra.cirrhosis
        0x0000000000000010,  // liver_disease: contra.liver_disease
        0x0000000000000012,  // hepatic_encephalopathy + liver_disease: contra.hepatic_encephalopathy, contra.liver_disease
        0x0000000000000014,  // hepatic_failure + liver_disease: contra.hepatic_failure, contra.liver_disease
        0x0000000000000016,  // hepatic_encephalopathy + hepatic_failure + liver_disease: contra.hepatic_encephalopathy, contra.hepatic_failure, contra.liver_disease
        0x0000000000000018,  // cirrhosis + liver_disease: contra.cirrhosis, contra.liver_disease
        0x000000000000001a,  // hepatic_encephalopathy + cirrhosis + liver_disease: contra.hepatic_encephalopathy, contra.cirrhosis, contra.liver_disease
        0x000000000000001c,  // hepatic_failure + cirrhosis + liver_disease: contra.hepatic_failure, contra.cirrhosis, contra.liver_disease
        0x000000000000001e,  // hepatic_encephalopathy + hepatic_failure + cirrhosis + liver_disease: contra.hepatic_encephalopathy, contra.hepatic_failure, contra.cirrhosis, contra.liver_disease
    },
    {
        0x0000000000000000,  // none of severe_kidney_disease, kidney_disease, multiorgan_failure, sepsis: no rule
        0x0000000000000020,  // severe_kidney_disease: contra.severe_kidney_disease
        0x0000000000000040,  // kidney_disease: contra.kidney_disease
        0x0000000000000060,  // severe_kidney_disease + kidney_disease: contra.severe_kidney_disease, contra.kidney_disease
        0x0000000000000080,  // multiorgan_failure: contra.multiorgan_failure
        0x00000000000000a0,  // severe_kidney_disease + multiorgan_failure: contra.severe_kidney_disease, contra.multiorgan_failure
        0x00000000000000c0,  // kidney_disease + multiorgan_failure: contra.kidney_disease, contra.multiorgan_failure
        0x00000000000000e0,  // severe_kidney_disease + kidney_disease + multiorgan_failure: contra.severe_kidney_disease, contra.kidney_disease, contra.multiorgan_failure
        0x0000000000010000,  // sepsis: caution.sepsis
        0x0000000000010020,  // severe_kidney_disease + sepsis: contra.severe_kidney_disease, caution.sepsis
        0x0000000000010040,  // kidney_disease + sepsis: contra.kidney_disease, caution.sepsis
        0x0000000000010060,  // severe_kidney_disease + kidney_disease + sepsis: contra.severe_kidney_disease, contra.kidney_disease, caution.sepsis
        0x0000000000010080,  // multiorgan_failure + sepsis: contra.multiorgan_failure, caution.sepsis
        0x00000000000100a0,  // severe_kidney_disease + multiorgan_failure + sepsis: contra.severe_kidney_disease, contra.multiorgan_failure, caution.sepsis
        0x00000000000100c0,  // kidney_disease + multiorgan_failure + sepsis: contra.kidney_disease, contra.multiorgan_failure, caution.sepsis
        0x00000000000100e0,  // severe_kidney_disease + kidney_disease + multiorgan_failure + sepsis: contra.severe_kidney_disease, contra.kidney_disease, contra.multiorgan_failure, caution.sepsis
    },
    {
        0x0000000000000000,  // none of metabolic_acidosis, shock, reyes_syndrome, cancer: no rule
        0x0000000000000400,  // metabolic_acidosis: contra.metabolic_acidosis
        0x0000000000000100,  // shock: contra.shock
        0x0000000000000500,  // metabolic_acidosis + shock: contra.shock, contra.metabolic_acidosis
        0x0000000000000200,  // reyes_syndrome: contra.reyes_syndrome
        0x0000000000000600,  // metabolic_acidosis + reyes_syndrome: contra.reyes_syndrome, contra.metabolic_acidosis
        0x0000000000000300,  // shock + reyes_syndrome: contra.shock, contra.reyes_syndrome
        0x0000000000000700,  // metabolic_acidosis + shock + reyes_syndrome: contra.shock, contra.reyes_syndrome, contra.metabolic_acidosis
        0x0000000000000800,  // cancer: caution.cancer
        0x0000000000000c00,  // metabolic_acidosis + cancer: contra.metabolic_acidosis, caution.cancer
        0x0000000000000900,  // shock + cancer: contra.shock, caution.cancer
        0x0000000000000d00,  // metabolic_acidosis + shock + cancer: contra.shock, contra.metabolic_acidosis, caution.cancer
        0x0000000000000a00,  // reyes_syndrome + cancer: contra.reyes_syndrome, caution.cancer
        0x0000000000000e00,  // metabolic_acidosis + reyes_syndrome + cancer: contra.reyes_syndrome, contra.metabolic_acidosis, caution.cancer
        0x0000000000000b00,  // shock + reyes_syndrome + cancer: contra.shock, contra.reyes_syndrome, caution.cancer
        0x0000000000000f00,  // metabolic_acidosis + shock + reyes_syndrome + cancer: contra.shock, contra.reyes_syndrome, contra.metabolic_acidosis, caution.cancer
    },
    {
        0x0000000000000000,  // none of cancer_treatment, pregnancy, breastfeeding, recent_icu_stay: no rule
        0x0000000000001000,  // cancer_treatment: caution.cancer_treatment
        0x0000000000002000,  // pregnancy: caution.pregnancy
        0x0000000000003000,  // cancer_treatment + pregnancy: caution.cancer_treatment, caution.pregnancy
        0x0000000000004000,  // breastfeeding: caution.breastfeeding
        0x0000000000005000,  // cancer_treatment + breastfeeding: caution.cancer_treatment, caution.breastfeeding
        0x0000000000006000,  // pregnancy + breastfeeding: caution.pregnancy, caution.breastfeeding
        0x0000000000007000,  // cancer_treatment + pregnancy + breastfeeding: caution.cancer_treatment, caution.pregnancy, caution.breastfeeding
        0x0000000000008000,  // recent_icu_stay: caution.recent_icu_stay
        0x0000000000009000,  // cancer_treatment + recent_icu_stay: caution.cancer_treatment, caution.recent_icu_stay
        0x000000000000a000,  // pregnancy + recent_icu_stay: caution.pregnancy, caution.recent_icu_stay
        0x000000000000b000,  // cancer_treatment + pregnancy + recent_icu_stay: caution.cancer_treatment, caution.pregnancy, caution.recent_icu_stay
        0x000000000000c000,  // breastfeeding + recent_icu_stay: caution.breastfeeding, caution.recent_icu_stay
        0x000000000000d000,  // cancer_treatment + breastfeeding + recent_icu_stay: caution.cancer_treatment, caution.breastfeeding, caution.recent_icu_stay
        0x000000000000e000,  // pregnancy + breastfeeding + recent_icu_stay: caution.pregnancy, caution.breastfeeding, caution.recent_icu_stay
        0x000000000000f000,  // cancer_treatment + pregnancy + breastfeeding + recent_icu_stay: caution.cancer_treatment, caution.pregnancy, caution.breastfeeding, caution.recent_icu_stay
    },
    {
        0x0000000000000000,  // none of unexplained_neurologic_symptoms, seizure_disorder, bipolar_disorder, msg_sensitivity: no rule
        0x0000000000020000,  // unexplained_neurologic_symptoms: caution.neurologic_symptoms
        0x0000000000040000,  // seizure_disorder: caution.seizure_disorder
        0x0000000000060000,  // unexplained_neurologic_symptoms + seizure_disorder: caution.neurologic_symptoms, caution.seizure_disorder
        0x0000000000080000,  // bipolar_disorder: caution.bipolar_disorder
        0x00000000000a0000,  // unexplained_neurologic_symptoms + bipolar_disorder: caution.neurologic_symptoms, caution.bipolar_disorder
        0x00000000000c0000,  // seizure_disorder + bipolar_disorder: caution.seizure_disorder, caution.bipolar_disorder
        0x00000000000e0000,  // unexplained_neurologic_symptoms + seizure_disorder + bipolar_disorder: caution.neurologic_symptoms, caution.seizure_disorder, caution.bipolar_disorder
        0x0000000000200000,  // msg_sensitivity: caution.msg_sensitivity
        0x0000000000220000,  // unexplained_neurologic_symptoms + msg_sensitivity: caution.neurologic_symptoms, caution.msg_sensitivity
        0x0000000000240000,  // seizure_disorder + msg_sensitivity: caution.seizure_disorder, caution.msg_sensitivity
        0x0000000000260000,  // unexplained_neurologic_symptoms + seizure_disorder + msg_sensitivity: caution.neurologic_symptoms, caution.seizure_disorder, caution.msg_sensitivity
        0x0000000000280000,  // bipolar_disorder + msg_sensitivity: caution.bipolar_disorder, caution.msg_sensitivity
        0x00000000002a0000,  // unexplained_neurologic_symptoms + bipolar_disorder + msg_sensitivity: caution.neurologic_symptoms, caution.bipolar_disorder, caution.msg_sensitivity
        0x00000000002c0000,  // seizure_disorder + bipolar_disorder + msg_sensitivity: caution.seizure_disorder, caution.bipolar_disorder, caution.msg_sensitivity
        0x00000000002e0000,  // unexplained_neurologic_symptoms + seizure_disorder + bipolar_disorder + msg_sensitivity: caution.neurologic_symptoms, caution.seizure_disorder, caution.bipolar_disorder, caution.msg_sensitivity
    },
    {
        0x0000000000000000,  // none of sickle_cell_disease, short_bowel_syndrome, oral_mucositis: no rule
        0x0000000000000000,  // sickle_cell_disease: no rule
        0x0000000000000000,  // short_bowel_syndrome: no rule
        0x0000000000000000,  // sickle_cell_disease + short_bowel_syndrome: no rule
        0x0000000000000000,  // oral_mucositis: no rule
        0x0000000000000000,  // sickle_cell_disease + oral_mucositis: no rule
        0x0000000000000000,  // short_bowel_syndrome + oral_mucositis: no rule
        0x0000000000000000,  // sickle_cell_disease + short_bowel_syndrome + oral_mucositis: no rule
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
    },
    // clang-format on
    // end of derived condition_rules_by_nibble
};
inline constexpr rule_mask medication_rules_by_nibble[(enum_count<gln::medication> + 3) / 4][16] = {
    // derived medication_rules_by_nibble
    // clang-format off
    {
        0x0000000000000000,  // none of lactulose, anticonvulsant, antineoplastic, growth_hormone: no rule
        0x0000000000100000,  // lactulose: caution.lactulose
        0x0000000000040000,  // anticonvulsant: caution.seizure_disorder
        0x0000000000140000,  // lactulose + anticonvulsant: caution.seizure_disorder, caution.lactulose
        0x0000000000001000,  // antineoplastic: caution.cancer_treatment
        0x0000000000101000,  // lactulose + antineoplastic: caution.cancer_treatment, caution.lactulose
        0x0000000000041000,  // anticonvulsant + antineoplastic: caution.cancer_treatment, caution.seizure_disorder
        0x0000000000141000,  // lactulose + anticonvulsant + antineoplastic: caution.cancer_treatment, caution.seizure_disorder, caution.lactulose
        0x0000000000000000,  // growth_hormone: no rule
        0x0000000000100000,  // lactulose + growth_hormone: caution.lactulose
        0x0000000000040000,  // anticonvulsant + growth_hormone: caution.seizure_disorder
        0x0000000000140000,  // lactulose + anticonvulsant + growth_hormone: caution.seizure_disorder, caution.lactulose
        0x0000000000001000,  // antineoplastic + growth_hormone: caution.cancer_treatment
        0x0000000000101000,  // lactulose + antineoplastic + growth_hormone: caution.cancer_treatment, caution.lactulose
        0x0000000000041000,  // anticonvulsant + antineoplastic + growth_hormone: caution.cancer_treatment, caution.seizure_disorder
        0x0000000000141000,  // lactulose + anticonvulsant + antineoplastic + growth_hormone: caution.cancer_treatment, caution.seizure_disorder, caution.lactulose
    },
    {
        0x0000000000000000,  // none of other_prescription, supplement_stack: no rule
        0x0000000000400000,  // other_prescription: caution.other_prescription
        0x0000000000800000,  // supplement_stack: caution.supplement_stack
        0x0000000000c00000,  // other_prescription + supplement_stack: caution.other_prescription, caution.supplement_stack
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000400000,  // a member past the last (no set holds it): never read
        0x0000000000800000,  // a member past the last (no set holds it): never read
        0x0000000000c00000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000400000,  // a member past the last (no set holds it): never read
        0x0000000000800000,  // a member past the last (no set holds it): never read
        0x0000000000c00000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000000400000,  // a member past the last (no set holds it): never read
        0x0000000000800000,  // a member past the last (no set holds it): never read
        0x0000000000c00000,  // a member past the last (no set holds it): never read
    },
    // clang-format on
    // end of derived medication_rules_by_nibble
};

// The rules of the members in `bits` (an enum_set's bits, or a fact_mask), from a table
// above: one look-up per group of four, unrolled (g++ -O2 keeps a loop of six).
template <std::size_t Group = 0, std::size_t Groups>
constexpr rule_mask plain_rules_of(std::uint64_t bits,
                                   const rule_mask (&by_nibble)[Groups][16]) noexcept {
  const rule_mask here = by_nibble[Group][(bits >> (4 * Group)) & 0xFU];
  if constexpr (Group + 1 < Groups) {
    return here | plain_rules_of<Group + 1>(bits, by_nibble);
  } else {
    return here;
  }
}

// The fact-only rules of any set of facts (a fact_mask), four facts at a time as for the
// conditions above, whatever the purpose (purpose_screen::fact_rules narrows).
inline constexpr rule_mask fact_rules_by_nibble[(enum_count<trigger_extra> + 3) / 4][16] = {
    // derived fact_rules_by_nibble
    // clang-format off
    {
        0x0000000000000000,  // none of none, age_below_adult, age_below_sickle_min, medication_absent: no rule
        0x0000000000000000,  // none: no rule
        0x0000000001000000,  // age_below_adult: caution.minor
        0x0000000001000000,  // none + age_below_adult: caution.minor
        0x0000000010000000,  // age_below_sickle_min: purpose.sickle_cell_age
        0x0000000010000000,  // none + age_below_sickle_min: purpose.sickle_cell_age
        0x0000000011000000,  // age_below_adult + age_below_sickle_min: caution.minor, purpose.sickle_cell_age
        0x0000000011000000,  // none + age_below_adult + age_below_sickle_min: caution.minor, purpose.sickle_cell_age
        0x0000000000000000,  // medication_absent: no rule
        0x0000000000000000,  // none + medication_absent: no rule
        0x0000000001000000,  // age_below_adult + medication_absent: caution.minor
        0x0000000001000000,  // none + age_below_adult + medication_absent: caution.minor
        0x0000000010000000,  // age_below_sickle_min + medication_absent: purpose.sickle_cell_age
        0x0000000010000000,  // none + age_below_sickle_min + medication_absent: purpose.sickle_cell_age
        0x0000000011000000,  // age_below_adult + age_below_sickle_min + medication_absent: caution.minor, purpose.sickle_cell_age
        0x0000000011000000,  // none + age_below_adult + age_below_sickle_min + medication_absent: caution.minor, purpose.sickle_cell_age
    },
    {
        0x0000000000000000,  // none of age_unknown, conditions_unknown, medications_unknown, conditions_unmapped: no rule
        0x0000000002000000,  // age_unknown: caution.age_unknown
        0x0000000080000000,  // conditions_unknown: input.conditions_unknown
        0x0000000082000000,  // age_unknown + conditions_unknown: caution.age_unknown, input.conditions_unknown
        0x0000000100000000,  // medications_unknown: input.medications_unknown
        0x0000000102000000,  // age_unknown + medications_unknown: caution.age_unknown, input.medications_unknown
        0x0000000180000000,  // conditions_unknown + medications_unknown: input.conditions_unknown, input.medications_unknown
        0x0000000182000000,  // age_unknown + conditions_unknown + medications_unknown: caution.age_unknown, input.conditions_unknown, input.medications_unknown
        0x0000000200000000,  // conditions_unmapped: input.conditions_unmapped
        0x0000000202000000,  // age_unknown + conditions_unmapped: caution.age_unknown, input.conditions_unmapped
        0x0000000280000000,  // conditions_unknown + conditions_unmapped: input.conditions_unknown, input.conditions_unmapped
        0x0000000282000000,  // age_unknown + conditions_unknown + conditions_unmapped: caution.age_unknown, input.conditions_unknown, input.conditions_unmapped
        0x0000000300000000,  // medications_unknown + conditions_unmapped: input.medications_unknown, input.conditions_unmapped
        0x0000000302000000,  // age_unknown + medications_unknown + conditions_unmapped: caution.age_unknown, input.medications_unknown, input.conditions_unmapped
        0x0000000380000000,  // conditions_unknown + medications_unknown + conditions_unmapped: input.conditions_unknown, input.medications_unknown, input.conditions_unmapped
        0x0000000382000000,  // age_unknown + conditions_unknown + medications_unknown + conditions_unmapped: caution.age_unknown, input.conditions_unknown, input.medications_unknown, input.conditions_unmapped
    },
    {
        0x0000000000000000,  // none of weight_stale: no rule
        0x0000000400000000,  // weight_stale: input.weight_stale
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
        0x0000000000000000,  // a member past the last (no set holds it): never read
        0x0000000400000000,  // a member past the last (no set holds it): never read
    },
    // clang-format on
    // end of derived fact_rules_by_nibble
};

// The rows of data::screening_triggers that are compound, in table order.
inline constexpr std::uint8_t compound_trigger_rows[] = {
    // derived compound_trigger_rows
    // clang-format off
    26,  // purpose.critical_with_organ_failure
    28,  // purpose.short_bowel_needs_gh
    // clang-format on
    // end of derived compound_trigger_rows
};
static_assert(sizeof(compound_trigger_rows) <= 32,
              "purpose_screen::checks holds one bit per compound trigger");

// Indexed by purpose; the last entry is for a value outside the enum, which no purpose rule
// matches (input.invalid reports it).
inline constexpr std::array<purpose_screen, enum_count<gln::purpose> + 1> screen_by_purpose{{
    // derived screen_by_purpose
    // clang-format off
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // general_recovery
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // gut_barrier
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // exercise_recovery
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // endurance_gut_stress
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // immune_support
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // muscle_strength
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // athletic_performance
    {0x0000000040000000, 0x0000000783000000, 0x0000000000000000},  // ibs_symptoms
    {0x0000000004000000, 0x0000000783000000, 0x0000000000000000},  // oral_mucositis
    {0x0000000004000000, 0x0000000783000000, 0x0000000000000000},  // surgical_recovery
    {0x0000000004000000, 0x0000000783000000, 0x0000000000000001},  // critical_illness
    {0x0000000004000000, 0x0000000783000000, 0x0000000000000001},  // trauma
    {0x0000000004000000, 0x0000000783000000, 0x0000000000000000},  // burns
    {0x0000000004000000, 0x0000000793000000, 0x0000000000000000},  // sickle_cell_disease
    {0x0000000004000000, 0x0000000783000000, 0x0000000000000002},  // short_bowel_syndrome
    {0x0000000000000000, 0x0000000783000000, 0x0000000000000000},  // a value outside the enum
    // clang-format on
    // end of derived screen_by_purpose
}};

// What the rules read of a profile beyond its sets, worked out once per call.
struct profile_facts {
  field_mask invalid = 0;       // the bad fields of the profile and purpose
  fact_mask facts = 0;          // bit per trigger_extra that holds
  bool age_known = false;       // an age given and valid
  bool weight_known = false;    // a weight given and valid
  bool weight_current = false;  // a weight known and not stale: it may choose a dose (§12)

  constexpr bool holds(trigger_extra x) const noexcept { return (facts & fact_bit(x)) != 0; }
};

// Each fact as a bit, with no branch on the profile (a varied batch mispredicts one).
constexpr fact_mask fact_bit_if(bool holds, trigger_extra x) noexcept {
  return static_cast<fact_mask>(static_cast<unsigned>(holds) * fact_bit(x));
}

constexpr profile_facts facts_of(const profile& person, gln::purpose p,
                                 const policy& rules) noexcept {
  using x = trigger_extra;
  profile_facts out{};
  out.invalid = invalid_fields(person, p, rules);
  const bool age_given = person.age_years.has_value();
  const bool weight_given = person.weight_kg.has_value();
  const bool days_given = person.weight_age_days.has_value();
  // From the checks themselves, not read back from `invalid`: a shorter chain of operations.
  out.age_known = both(age_given, age_is_valid(person, rules));
  out.weight_known = both(weight_given, weight_is_valid(person, rules));
  const double age = held_or_default(person.age_years);  // read only where age_known
  const bool adult = both(out.age_known, age >= rules.adult_age_years);
  // input.weight_stale: the minors' (shorter) limit unless the person is known to be an adult.
  const int adult_days = rules.max_weight_age_days_adult;  // both read: a select, not a branch
  const int minor_days = rules.max_weight_age_days_minor;
  const int max_days = adult ? adult_days : minor_days;
  const int days = held_or_default(person.weight_age_days);  // read only where given
  const bool stale = both(both(out.weight_known, days_given), days > max_days);
  out.facts =
      static_cast<fact_mask>(fact_bit_if(both(out.age_known, !adult), x::age_below_adult) |
                             fact_bit_if(both(out.age_known, age < data::sickle_cell_min_age_years),
                                         x::age_below_sickle_min) |
                             fact_bit_if(!age_given, x::age_unknown) |
                             fact_bit_if(!person.conditions_known, x::conditions_unknown) |
                             fact_bit_if(!person.medications_known, x::medications_unknown) |
                             fact_bit_if(person.unmapped_conditions > 0, x::conditions_unmapped) |
                             fact_bit_if(stale, x::weight_stale));
  out.weight_current = both(out.weight_known, !stale);
  return out;
}

// Whether a compound trigger fires, its purpose already known to match: no branch on the
// profile (those on the row go the same way for every profile).
constexpr bool compound_fires(const data::screening_trigger& t, const profile& person,
                              fact_mask facts) noexcept {
  const bool by_condition = person.conditions.intersects(t.conditions);
  const bool by_medication = person.medications.intersects(t.medications);
  const bool any = by_condition || by_medication;
  if (detail::same(t.extra, trigger_extra::medication_absent)) return !any;
  const bool fact_holds = !is_fact(t.extra) || (facts & fact_bit(t.extra)) != 0;
  const bool on_facts_alone = t.conditions.empty() && t.medications.empty();
  return fact_holds && (any || on_facts_alone);
}

// The compound rules that fire, from the checks the purpose asks for (purpose_screen::checks,
// bit i: compound_trigger_rows[i]): every row is tested and masked by its check bit, so the loop
// runs the same number of times for every profile and the purpose's checks are not a branch.
constexpr rule_mask compound_rules(const profile& person, const purpose_screen& by_purpose,
                                   fact_mask facts) noexcept {
  rule_mask out = 0;
  for (std::size_t row = 0; row < sizeof(compound_trigger_rows); ++row) {
    const data::screening_trigger& t = data::screening_triggers[compound_trigger_rows[row]];
    const bool asked = ((by_purpose.checks >> row) & 1U) != 0;
    const bool holds = compound_fires(t, person, facts);
    out |= static_cast<rule_mask>(both(asked, holds)) << index_of(t.id);
  }
  return out;
}

// The worst self-directed level among the rules in `fired` (suitable for none).
constexpr verdict worst_self_directed_level(rule_mask fired) noexcept {
  for (std::size_t level = enum_count<verdict>; level-- > 1;) {
    if ((fired & rules_by_level[0][level]) != 0) return static_cast<verdict>(level);
  }
  return verdict::suitable;
}

// Every screening rule the profile triggers, as one bit per rule.
constexpr rule_mask fired_rules(const profile& person, gln::purpose p,
                                const profile_facts& known) noexcept {
  const purpose_screen& by_purpose =
      screen_by_purpose[is_valid(p) ? index_of(p) : enum_count<gln::purpose>];
  rule_mask fired = by_purpose.fires;
  fired |= plain_rules_of(person.conditions.bits(), condition_rules_by_nibble);
  fired |= plain_rules_of(person.medications.bits(), medication_rules_by_nibble);
  fired |= plain_rules_of(known.facts, fact_rules_by_nibble) & by_purpose.fact_rules;
  fired |= compound_rules(person, by_purpose, known.facts);
  return fired;
}

// Writes the screening findings of a profile into `out`, which start() has set up.
constexpr void add_screening(const profile& person, gln::purpose p, const profile_facts& known,
                             finding_list& out) noexcept {
  finding_writer::add_invalid(out, known.invalid);
  finding_writer::add_rules(out, fired_rules(person, p, known));
}

// Fills a result (a screening, a dose check, an assessment) whose findings finding_writer
// started for the same person, purpose and policy: the screening findings, then what
// `add_more(result, facts)` adds, then the worst level. `rules` must already be effective().
template <class Result, class AddMore>
constexpr void evaluate_into(Result& result, const profile& person, gln::purpose p,
                             const policy& rules, const AddMore& add_more) noexcept {
  const profile_facts known = facts_of(person, p, rules);
  add_screening(person, p, known, result.findings);
  add_more(result, known);
  finding_writer::finish(result.findings);
  detail::assign(result.overall, result.findings.worst_level());
}

// Makes a result of type Result (a screening, a dose check) and fills it (evaluate_into).
// Made from `{}` and then written: GCC then leaves out the clearing (a result made member by
// member from a braced list is cleared whole first).
template <class Result, class AddMore>
constexpr Result evaluate(const profile& person, gln::purpose p, const policy& rules,
                          const AddMore& add_more) noexcept {
  Result result{};
  detail::assign(result.purpose, p);
  detail::assign(result.oversight, person.oversight);
  finding_writer::start(result.findings, person, p, rules);
  evaluate_into(result, person, p, rules, add_more);
  return result;
}

// `rules` must already be effective().
constexpr screening screen_with(const profile& person, gln::purpose p,
                                const policy& rules) noexcept {
  return evaluate<screening>(person, p, rules,
                             [](screening&, const profile_facts&) constexpr noexcept {});
}

}  // namespace detail

// Screens a profile for a purpose: contraindications, cautions and purpose rules
// (docs/knowledge.md §4). `overall` is the worst finding. A policy can only make it stricter.
constexpr screening screen(const profile& person, gln::purpose p,
                           const policy& requested = detail::default_policy) noexcept {
  return detail::with_policy_in_force(requested, detail::screen_with, person, p);
}

// How serious a set of conditions reads on its own: the worst self-directed verdict of the
// rules the conditions fire whatever the purpose (docs/knowledge.md §4); suitable for conditions
// that fire none, such as an indication (sickle_cell_disease). Codes are ranked by it
// (docs/knowledge.md §2).
constexpr verdict self_directed_verdict_of(condition_set conditions) noexcept {
  return detail::worst_self_directed_level(
      detail::plain_rules_of(conditions.bits(), detail::condition_rules_by_nibble));
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_SCREEN_HPP
