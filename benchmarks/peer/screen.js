'use strict';
// The json-rules-engine side of the peer comparison (scripts/peer-compare.sh):
//   node screen.js --in profiles.json --out peer.json [--min-seconds S]
// Screens every profile written by `gln_peer generate` with the rules of rules.js, times
// it, and writes each overall verdict and fired rule id with the time per query.
const fs = require('fs');
const { Engine } = require('json-rules-engine');
const { rules } = require('./rules');

const ORDER = ['suitable', 'caution', 'clinician_only', 'avoid'];

function parseArgs(argv) {
  const args = { minSeconds: 1.0 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value for ${key}`);
    if (key === '--in') args.in = value;
    else if (key === '--out') args.out = value;
    else if (key === '--min-seconds') args.minSeconds = Number(value);
    else throw new Error(`unknown option ${key}`);
  }
  if (!args.in || !args.out) throw new Error('usage: node screen.js --in FILE --out FILE');
  return args;
}

function makeEngine() {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const r of rules) engine.addRule(r);
  return engine;
}

// What an app does with the engine's answer: oversight, then the worst verdict.
function overall(events, supervised) {
  let worst = 0;
  for (const event of events) {
    let verdict = event.params.verdict;
    if (supervised && verdict === 'clinician_only') verdict = 'caution';
    worst = Math.max(worst, ORDER.indexOf(verdict));
  }
  return ORDER[worst];
}

async function screen(engine, profile) {
  const { events } = await engine.run(profile);
  return { verdict: overall(events, profile.oversight === 'clinician_supervised'), events };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const profiles = JSON.parse(fs.readFileSync(args.in, 'utf8')).profiles;
  const engine = makeEngine();

  // Warm-up: let the JIT compile the engine's paths before timing.
  for (let i = 0; i < Math.min(profiles.length, 2000); ++i) await screen(engine, profiles[i]);

  // Timed: whole passes over the profiles until minSeconds have gone by.
  const verdicts = new Array(profiles.length);
  let passes = 0;
  let totalNs = 0n;
  let bestPassNs = null;
  while (Number(totalNs) / 1e9 < args.minSeconds || passes < 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < profiles.length; ++i) {
      verdicts[i] = (await screen(engine, profiles[i])).verdict;
    }
    const elapsed = process.hrtime.bigint() - start;
    totalNs += elapsed;
    if (bestPassNs === null || elapsed < bestPassNs) bestPassNs = elapsed;
    ++passes;
  }

  const results = [];
  for (const profile of profiles) {
    const { verdict, events } = await screen(engine, profile);
    results.push({ verdict, rules: events.map((event) => event.type) });
  }
  const out = {
    tool: `json-rules-engine ${require('json-rules-engine/package.json').version} on Node ${process.version}`,
    queries: profiles.length,
    passes,
    ns_per_query: Number(totalNs) / (profiles.length * passes),
    best_pass_ns_per_query: Number(bestPassNs) / profiles.length,
    results,
  };
  fs.writeFileSync(args.out, `${JSON.stringify(out)}\n`);
}

main().catch((error) => {
  console.error(`screen.js: ${error.message}`);
  process.exit(2);
});
