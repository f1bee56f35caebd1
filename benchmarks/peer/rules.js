'use strict';
// The screening rules of docs/knowledge.md §4 written for json-rules-engine, the way an
// app without gln would write them. Facts: age (number or null), weight_kg (number or null),
// conditions and medications (arrays of names), oversight and purpose (names).
//
// Each rule's event carries its rule id and its verdict for self-directed use; screen.js
// applies the oversight (clinician_only counts as caution under clinician supervision,
// avoid stays avoid) and takes the worst verdict, or suitable when nothing fires.

const has = (fact, name) => ({ fact, operator: 'contains', value: name });
const condition = (name) => has('conditions', name);
const medication = (name) => has('medications', name);
const purposeIs = (name) => ({ fact: 'purpose', operator: 'equal', value: name });
const purposeIn = (names) => ({ fact: 'purpose', operator: 'in', value: names });
// "age known and below": a null age is not a number, so the comparison is false.
const ageKnownBelow = (years) => ({
  all: [
    { fact: 'age', operator: 'greaterThanInclusive', value: 0 },
    { fact: 'age', operator: 'lessThan', value: years },
  ],
});

const rule = (id, verdict, conditions) => ({
  name: id,
  conditions,
  event: { type: id, params: { verdict } },
});

const onCondition = (id, verdict, name) => rule(id, verdict, { all: [condition(name)] });

const rules = [
  // Invalid input fails closed. JSON cannot carry NaN or infinity, so the range checks are
  // the ones that apply here.
  rule('input.invalid', 'avoid', {
    any: [
      { fact: 'age', operator: 'lessThan', value: 0 },
      { fact: 'age', operator: 'greaterThan', value: 130 },
      { fact: 'weight_kg', operator: 'lessThan', value: 0.2 },
      { fact: 'weight_kg', operator: 'greaterThan', value: 700 },
    ],
  }),
  rule('caution.age_unknown', 'caution', {
    all: [{ fact: 'age', operator: 'equal', value: null }],
  }),
  onCondition('contra.hepatic_encephalopathy', 'avoid', 'hepatic_encephalopathy'),
  onCondition('contra.hepatic_failure', 'avoid', 'hepatic_failure'),
  onCondition('contra.cirrhosis', 'avoid', 'cirrhosis'),
  onCondition('contra.liver_disease', 'clinician_only', 'liver_disease'),
  onCondition('contra.severe_kidney_disease', 'avoid', 'severe_kidney_disease'),
  onCondition('contra.kidney_disease', 'clinician_only', 'kidney_disease'),
  onCondition('contra.multiorgan_failure', 'avoid', 'multiorgan_failure'),
  onCondition('contra.metabolic_acidosis', 'avoid', 'metabolic_acidosis'),
  onCondition('caution.sepsis', 'clinician_only', 'sepsis'),
  onCondition('contra.shock', 'avoid', 'shock'),
  onCondition('contra.reyes_syndrome', 'avoid', 'reyes_syndrome'),
  onCondition('caution.cancer', 'clinician_only', 'cancer'),
  rule('caution.cancer_treatment', 'clinician_only', {
    any: [condition('cancer_treatment'), medication('antineoplastic')],
  }),
  onCondition('caution.pregnancy', 'clinician_only', 'pregnancy'),
  onCondition('caution.breastfeeding', 'clinician_only', 'breastfeeding'),
  onCondition('caution.recent_icu_stay', 'clinician_only', 'recent_icu_stay'),
  onCondition('caution.neurologic_symptoms', 'clinician_only', 'unexplained_neurologic_symptoms'),
  rule('caution.seizure_disorder', 'clinician_only', {
    any: [condition('seizure_disorder'), medication('anticonvulsant')],
  }),
  onCondition('caution.bipolar_disorder', 'clinician_only', 'bipolar_disorder'),
  rule('caution.lactulose', 'clinician_only', { all: [medication('lactulose')] }),
  onCondition('caution.msg_sensitivity', 'caution', 'msg_sensitivity'),
  rule('caution.other_prescription', 'caution', { all: [medication('other_prescription')] }),
  rule('caution.supplement_stack', 'caution', { all: [medication('supplement_stack')] }),
  // policy.adult_age_years, 18 by default.
  rule('caution.minor', 'clinician_only', { all: [ageKnownBelow(18)] }),
  rule('purpose.clinician_managed', 'clinician_only', {
    all: [
      purposeIn([
        'oral_mucositis',
        'surgical_recovery',
        'critical_illness',
        'trauma',
        'burns',
        'sickle_cell_disease',
        'short_bowel_syndrome',
      ]),
    ],
  }),
  rule('purpose.critical_with_organ_failure', 'avoid', {
    all: [
      purposeIn(['critical_illness', 'trauma']),
      {
        any: [
          condition('multiorgan_failure'),
          condition('shock'),
          condition('severe_kidney_disease'),
          condition('hepatic_failure'),
        ],
      },
    ],
  }),
  rule('purpose.sickle_cell_age', 'clinician_only', {
    all: [purposeIs('sickle_cell_disease'), ageKnownBelow(5)],
  }),
  rule('purpose.short_bowel_needs_gh', 'caution', {
    all: [
      purposeIs('short_bowel_syndrome'),
      { fact: 'medications', operator: 'doesNotContain', value: 'growth_hormone' },
    ],
  }),
  rule('purpose.ibs_other_causes', 'caution', { all: [purposeIs('ibs_symptoms')] }),
];

module.exports = { rules };
