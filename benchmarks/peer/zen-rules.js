'use strict';
// The screening rules of docs/knowledge.md §4 as a GoRules JSON Decision Model (JDM) for
// zen-engine, the way an app without gln would write them: one decision table, hit policy
// "collect", one row per rule with its condition as a ZEN expression. Facts as in rules.js.
//
// In ZEN a comparison with null is an error, and a row whose cell errors silently does not
// match. So a rule on the age or weight states "known" (`!= null`) before it compares: the
// outcome then never depends on that silent failure.

const known = (field) => `${field} != null`;
const hasCondition = (name) => `"${name}" in conditions`;
const hasMedication = (name) => `"${name}" in medications`;
const ageKnownBelow = (years) => `${known('age')} and age >= 0 and age < ${years}`;

// [rule id, verdict for self-directed use, when]
const rows = [
  [
    'input.invalid',
    'avoid',
    `(${known('age')} and (age < 0 or age > 130)) or ` +
      `(${known('weight_kg')} and (weight_kg < 0.2 or weight_kg > 700))`,
  ],
  ['caution.age_unknown', 'caution', 'age == null'],
  ['contra.hepatic_encephalopathy', 'avoid', hasCondition('hepatic_encephalopathy')],
  ['contra.hepatic_failure', 'avoid', hasCondition('hepatic_failure')],
  ['contra.cirrhosis', 'avoid', hasCondition('cirrhosis')],
  ['contra.liver_disease', 'clinician_only', hasCondition('liver_disease')],
  ['contra.severe_kidney_disease', 'avoid', hasCondition('severe_kidney_disease')],
  ['contra.kidney_disease', 'clinician_only', hasCondition('kidney_disease')],
  ['contra.multiorgan_failure', 'avoid', hasCondition('multiorgan_failure')],
  ['contra.metabolic_acidosis', 'avoid', hasCondition('metabolic_acidosis')],
  ['caution.sepsis', 'clinician_only', hasCondition('sepsis')],
  ['contra.shock', 'avoid', hasCondition('shock')],
  ['contra.reyes_syndrome', 'avoid', hasCondition('reyes_syndrome')],
  ['caution.cancer', 'clinician_only', hasCondition('cancer')],
  [
    'caution.cancer_treatment',
    'clinician_only',
    `${hasCondition('cancer_treatment')} or ${hasMedication('antineoplastic')}`,
  ],
  ['caution.pregnancy', 'clinician_only', hasCondition('pregnancy')],
  ['caution.breastfeeding', 'clinician_only', hasCondition('breastfeeding')],
  ['caution.recent_icu_stay', 'clinician_only', hasCondition('recent_icu_stay')],
  [
    'caution.neurologic_symptoms',
    'clinician_only',
    hasCondition('unexplained_neurologic_symptoms'),
  ],
  [
    'caution.seizure_disorder',
    'clinician_only',
    `${hasCondition('seizure_disorder')} or ${hasMedication('anticonvulsant')}`,
  ],
  ['caution.bipolar_disorder', 'clinician_only', hasCondition('bipolar_disorder')],
  ['caution.lactulose', 'clinician_only', hasMedication('lactulose')],
  ['caution.msg_sensitivity', 'caution', hasCondition('msg_sensitivity')],
  ['caution.other_prescription', 'caution', hasMedication('other_prescription')],
  ['caution.supplement_stack', 'caution', hasMedication('supplement_stack')],
  // policy.adult_age_years, 18 by default.
  ['caution.minor', 'clinician_only', ageKnownBelow(18)],
  [
    'purpose.clinician_managed',
    'clinician_only',
    'purpose in ["oral_mucositis", "surgical_recovery", "critical_illness", "trauma", ' +
      '"burns", "sickle_cell_disease", "short_bowel_syndrome"]',
  ],
  [
    'purpose.critical_with_organ_failure',
    'avoid',
    'purpose in ["critical_illness", "trauma"] and (' +
      ['multiorgan_failure', 'shock', 'severe_kidney_disease', 'hepatic_failure']
        .map(hasCondition)
        .join(' or ') +
      ')',
  ],
  [
    'purpose.sickle_cell_age',
    'clinician_only',
    `purpose == "sickle_cell_disease" and ${ageKnownBelow(5)}`,
  ],
  [
    'purpose.short_bowel_needs_gh',
    'caution',
    `purpose == "short_bowel_syndrome" and not (${hasMedication('growth_hormone')})`,
  ],
  ['purpose.ibs_other_causes', 'caution', 'purpose == "ibs_symptoms"'],
];

// The JDM graph: request -> decision table -> response.
const decision = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
    {
      id: 'screening',
      type: 'decisionTableNode',
      name: 'Screening rules',
      position: { x: 300, y: 0 },
      content: {
        hitPolicy: 'collect',
        inputs: [{ id: 'when', type: 'expression', field: '', name: 'When' }],
        outputs: [
          { id: 'rule', type: 'expression', field: 'rule', name: 'Rule id' },
          { id: 'verdict', type: 'expression', field: 'verdict', name: 'Verdict' },
        ],
        rules: rows.map(([id, verdict, when]) => ({
          _id: id,
          when,
          rule: JSON.stringify(id),
          verdict: JSON.stringify(verdict),
        })),
      },
    },
    { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'request-screening', type: 'edge', sourceId: 'request', targetId: 'screening' },
    { id: 'screening-response', type: 'edge', sourceId: 'screening', targetId: 'response' },
  ],
};

module.exports = { decision };
