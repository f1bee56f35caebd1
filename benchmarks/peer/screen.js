'use strict';
// The rules-engine side of the peer comparison (scripts/peer-compare.sh):
//   node screen.js --engine NAME --in profiles.json --out peer.json [--min-seconds S]
// Screens every profile written by `gln_peer generate` with one engine (json-rules-engine
// with rules.js, or zen-engine with zen-rules.js), times it, and writes each overall verdict
// and fired rule id with the time per query.
const fs = require('fs');

// Each engine: its name and version, and an async function from a profile to the rules that
// fired, as [{ rule, verdict }].
const engines = {
  'json-rules-engine': () => {
    const { Engine } = require('json-rules-engine');
    const { rules } = require('./rules');
    const engine = new Engine([], { allowUndefinedFacts: false });
    for (const r of rules) engine.addRule(r);
    return {
      tool: `json-rules-engine ${require('json-rules-engine/package.json').version}`,
      fire: async (profile) =>
        (await engine.run(profile)).events.map((e) => ({ rule: e.type, verdict: e.params.verdict })),
    };
  },
  zen: () => {
    const { ZenEngine } = require('@gorules/zen-engine');
    const { decision } = require('./zen-rules');
    const compiled = new ZenEngine().createDecision(decision);
    return {
      tool: `GoRules zen-engine ${require('@gorules/zen-engine/package.json').version}`,
      fire: async (profile) => (await compiled.evaluate(profile)).result,
    };
  },
};

const ORDER = ['suitable', 'caution', 'clinician_only', 'avoid'];

function parseArgs(argv) {
  const args = { minSeconds: 1.0, engine: 'json-rules-engine' };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value for ${key}`);
    if (key === '--engine') args.engine = value;
    else if (key === '--in') args.in = value;
    else if (key === '--out') args.out = value;
    else if (key === '--min-seconds') args.minSeconds = Number(value);
    else throw new Error(`unknown option ${key}`);
  }
  if (!args.in || !args.out) {
    throw new Error('usage: node screen.js --engine NAME --in FILE --out FILE');
  }
  if (!(args.engine in engines)) {
    throw new Error(`unknown engine ${args.engine} (${Object.keys(engines).join(', ')})`);
  }
  return args;
}

// What an app does with the engine's answer: oversight, then the worst verdict.
function overall(fired, supervised) {
  let worst = 0;
  for (const { verdict: selfDirected } of fired) {
    let verdict = selfDirected;
    if (supervised && verdict === 'clinician_only') verdict = 'caution';
    worst = Math.max(worst, ORDER.indexOf(verdict));
  }
  return ORDER[worst];
}

async function screen(engine, profile) {
  const fired = await engine.fire(profile);
  return { verdict: overall(fired, profile.oversight === 'clinician_supervised'), fired };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const profiles = JSON.parse(fs.readFileSync(args.in, 'utf8')).profiles;
  const engine = engines[args.engine]();

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
    const { verdict, fired } = await screen(engine, profile);
    results.push({ verdict, rules: fired.map((f) => f.rule) });
  }
  const out = {
    tool: `${engine.tool} on Node ${process.version}`,
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
