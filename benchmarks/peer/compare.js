'use strict';
// node compare.js profiles.json gln.json peer.json [peer.json ...]
// Checks that gln and each rules engine agree on every profile (the overall verdict, and the
// set of rule ids that fired), then prints the time per query of each and the ratio.
// Exit status 1 when one disagrees: gln or that engine's rules encode section 4 wrongly.
const fs = require('fs');

const [profilesPath, glnPath, ...peerPaths] = process.argv.slice(2);
if (peerPaths.length === 0) {
  console.error('usage: node compare.js profiles.json gln.json peer.json [peer.json ...]');
  process.exit(2);
}
const read = (path) => JSON.parse(fs.readFileSync(path, 'utf8'));
const profiles = read(profilesPath).profiles;
const gln = read(glnPath);
const peers = peerPaths.map(read);

if ([gln, ...peers].some((answers) => answers.results.length !== profiles.length)) {
  console.error('compare.js: result counts differ from the profile count');
  process.exit(2);
}

// gln reports one input.invalid per bad field; an engine fires the rule once.
const ruleSet = (rules) => [...new Set(rules)].sort().join(' ');
const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} us` : `${ns.toFixed(1)} ns`);
const timing = (answers) =>
  `${fmt(answers.ns_per_query)} per query (fastest pass ` +
  `${fmt(answers.best_pass_ns_per_query)}; ${answers.passes} passes)`;

console.log(`profiles: ${profiles.length}`);
console.log(`${gln.tool}: ${timing(gln)}`);
let disagreeing = 0;
for (const peer of peers) {
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
  const ratio = peer.ns_per_query / gln.ns_per_query;
  console.log(`${peer.tool}: ${timing(peer)}`);
  console.log(`  same overall verdict: ${profiles.length - verdictDisagreements} of ${profiles.length}`);
  console.log(`  same rules fired:     ${profiles.length - ruleDisagreements} of ${profiles.length}`);
  console.log(`  ratio peer/gln:       ${Math.round(ratio)}x (goal: at least 1000x)`);
  if (shown.length > 0) {
    ++disagreeing;
    console.log('  DISAGREEMENTS (first 10): a bug in gln or in this engine\'s rules');
    console.log(shown.join('\n'));
  }
}
process.exit(disagreeing > 0 ? 1 : 0);
