/**
 * Writes the synthetic bank-marketing twin, fixtures/bank.csv, from its seeded generator
 * (src/data/fixture.ts), or checks that the committed file is what the generator writes.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  FIXTURE_PATH,
  FIXTURE_ROWS,
  FIXTURE_SEED,
  FIXTURE_SHA256,
  fixtureCsvChunks,
} from "../src/data/index.js";

const HELP = `Usage: tsx scripts/make-fixture.ts [options]   (npm run make-fixture -- [options])

Regenerates fixtures/bank.csv, the synthetic twin of the Bank Marketing file, byte for byte
from its seeded generator (src/data/fixture.ts; see fixtures/README.md).

Options:
  --check        do not write: exit 1 unless the file equals what the generator writes
  --out PATH     write to PATH instead of fixtures/bank.csv
  --seed N       generator seed (default ${FIXTURE_SEED}; another seed gives another twin)
  --rows N       number of rows (default ${FIXTURE_ROWS})
  -h, --help     show this help
`;

function fail(message: string): never {
  process.stderr.write(`make-fixture: ${message}\n`);
  process.exit(2);
}

function integerOption(name: string, text: string | undefined, fallback: number, min: number) {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min)
    fail(`--${name} must be an integer ≥ ${min}, got "${text}"`);
  return Number(text);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      check: { type: "boolean" },
      out: { type: "string" },
      seed: { type: "string" },
      rows: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const seed = integerOption("seed", values.seed, FIXTURE_SEED, 0);
const rows = integerOption("rows", values.rows, FIXTURE_ROWS, 1);
const out = values.out === undefined ? FIXTURE_PATH : resolve(values.out);
const text = [...fixtureCsvChunks({ seed, rows })].join("");
const sha256 = createHash("sha256").update(text).digest("hex");
const standard = seed === FIXTURE_SEED && rows === FIXTURE_ROWS;

if (values.check) {
  let committed: string;
  try {
    committed = createHash("sha256").update(readFileSync(out)).digest("hex");
  } catch (error) {
    fail(`cannot read ${out}: ${(error as Error).message}`);
  }
  if (committed !== sha256) {
    process.stderr.write(`make-fixture: ${out} differs from the generator's output\n`);
    process.stderr.write(`  file      ${committed}\n  generator ${sha256}\n`);
    process.exit(1);
  }
  process.stdout.write(`${out}: matches the generator (sha256 ${sha256})\n`);
} else {
  const temporary = `${out}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, out);
  process.stdout.write(`wrote ${out}: ${rows} rows, seed ${seed}, sha256 ${sha256}\n`);
}
if (standard && sha256 !== FIXTURE_SHA256) {
  process.stderr.write(
    `make-fixture: the generator's output no longer matches FIXTURE_SHA256 (${FIXTURE_SHA256}) ` +
      "in src/data/fixture.ts: if the change is intended, update it and fixtures/README.md\n",
  );
  process.exit(1);
}
