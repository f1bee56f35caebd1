'use strict';
// node compare.js profiles.json gln.json peer.json
// Checks that gln and json-rules-engine agree on every profile (the overall verdict, and the
// set of rule ids that fired), then prints the time per query of each and the ratio.
// Exit status 1 when they disagree: one of the two encodes section 4 wrongly.
const fs = require('fs');

const [profilesPath, glnPath, peerPath] = process.argv.slice(2);
if (!peerPath) {
  console.error('usage: node compare.js profiles.json gln.json peer.json');
  process.exit(2);
}
const read = (path) => JSON.parse(fs.readFileSync(path, 'utf8'));
const profiles = read(profilesPath).profiles;
const gln = read(glnPath);
const peer = read(peerPath);

if (gln.results.length !== profiles.length || peer.results.length !== profiles.length) {
  console.error('compare.js: result counts differ from the profile count');
  process.exit(2);
}

// gln reports one input.invalid per bad field; the engine fires the rule once.
const ruleSet = (rules) => [...new Set(rules)].sort().join(' ');

let verdictDisagreements = 0;
let ruleDisagreements = 0;
const shown = [];
for (let i = 0; i < profiles.length; ++i) {
  const a = gln.results[i];
  const b = peer.results[i];
  const verdictDiffers = a.verdict !== b.verdict;
  const rulesDiffer = ruleSet(a.rules) !== ruleSet(b.rules);
  if (verdictDiffers) ++verdictDisagreements;
  if (rulesDiffer) ++ruleDisagreements;
  if ((verdictDiffers || rulesDiffer) && shown.length < 10) {
    shown.push(
      `  profile ${i}: ${JSON.stringify(profiles[i])}\n` +
        `    gln:  ${a.verdict} [${ruleSet(a.rules)}]\n` +
        `    peer: ${b.verdict} [${ruleSet(b.rules)}]`,
    );
  }
}

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} us` : `${ns.toFixed(1)} ns`);
console.log(`profiles:               ${profiles.length}`);
console.log(`same overall verdict:   ${profiles.length - verdictDisagreements} of ${profiles.length}`);
console.log(`same rules fired:       ${profiles.length - ruleDisagreements} of ${profiles.length}`);
console.log(`gln                     ${fmt(gln.ns_per_query)} per query (fastest pass ` +
  `${fmt(gln.best_pass_ns_per_query)}; ${gln.tool}, ${gln.passes} passes)`);
console.log(`json-rules-engine       ${fmt(peer.ns_per_query)} per query (fastest pass ` +
  `${fmt(peer.best_pass_ns_per_query)}; ${peer.tool}, ${peer.passes} passes)`);
const ratio = peer.ns_per_query / gln.ns_per_query;
console.log(`ratio peer/gln          ${Math.round(ratio)}x (goal: at least 1000x)`);

if (shown.length > 0) {
  console.log('DISAGREEMENTS (first 10): a bug in gln or in benchmarks/peer/rules.js');
  console.log(shown.join('\n'));
  process.exit(1);
}
