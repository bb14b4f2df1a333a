/**
 * The mutation score of src/reference, from Stryker's JSON report (reports/mutation/mutation.json,
 * written by `npm run mutation`), with the survivors that no test can tell apart from the
 * original (listed as equivalent, with their reasons, in mutation/equivalent-mutants.md) left out:
 *
 *     score = (killed + timed out) / (valid mutants − equivalent ones)
 *
 * Survivors listed there as unstable (killed or not depending on the order and timing of tests; such a row may also
 * find its mutant killed) stay in the score. Exit status 1 when a survivor (or an uncovered mutant) is not listed there,
 * when a listed one no longer survives or no longer exists (the list must be kept exact), or
 * when the score is below the threshold (90%, or --threshold N).
 *
 * Usage: tsx mutation/score.ts [--report reports/mutation/mutation.json]
 *          [--equivalents mutation/equivalent-mutants.md] [--threshold 90]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const { values } = parseArgs({
  options: {
    report: { type: "string", default: "reports/mutation/mutation.json" },
    equivalents: { type: "string", default: "mutation/equivalent-mutants.md" },
    threshold: { type: "string", default: "90" },
  },
});

/** One mutant as the equivalents list names it: file, line, mutator, replacement (spaces collapsed). */
const key = (file: string, line: number, mutator: string, replacement: string): string =>
  [file, line, mutator, replacement.replace(/\s+/g, " ").trim()].join(" | ");

type Kind = "equivalent" | "unstable";

/** The table rows of the list: | file | line | mutator | `replacement` | kind | reason |. */
function listedSurvivors(markdown: string): Map<string, Kind[]> {
  const listed = new Map<string, Kind[]>();
  for (const row of markdown.split("\n")) {
    const cells = row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
    if (cells.length < 8 || !/^\d+$/.test(cells[2])) continue;
    const kind = cells[5];
    if (kind !== "equivalent" && kind !== "unstable") {
      throw new Error(`${values.equivalents}: kind must be equivalent or unstable: ${row}`);
    }
    const replacement = cells[4].replace(/^`|`$/g, "");
    const k = key(cells[1].replace(/^`|`$/g, ""), Number(cells[2]), cells[3], replacement);
    listed.set(k, [...(listed.get(k) ?? []), kind]);
  }
  return listed;
}

const report = JSON.parse(readFileSync(values.report, "utf8")) as Report;
const listed = listedSurvivors(readFileSync(values.equivalents, "utf8"));
const counts: Record<string, number> = {};
const unlisted: string[] = [];
let equivalent = 0;
let unstable = 0;
/** Listed as equivalent, yet stopped by Stryker's timeout: a run slowed by load, not a kill. */
const timedOutEquivalents: string[] = [];
const timedOut: string[] = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    const k = key(file, mutant.location.start.line, mutant.mutatorName, mutant.replacement ?? "");
    if (mutant.status === "Timeout") timedOut.push(k);
    if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") continue;
    const kind = listed.get(k)?.shift();
    if (kind === "equivalent") equivalent++;
    else if (kind === "unstable") unstable++;
    else unlisted.push(`${k}  (${mutant.status})`);
  }
}
// Only rows that no survivor took: two mutants of one line can share a key, one killed, one not.
for (const k of timedOut) {
  if (listed.get(k)?.[0] !== "equivalent") continue;
  listed.get(k)?.shift();
  timedOutEquivalents.push(k);
}
const stale = [...listed]
  .filter(([, kinds]) => kinds.some((kind) => kind !== "unstable"))
  .map(([k]) => k);
const strykerDetected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = strykerDetected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
// a timed-out equivalent is neither credited as detected nor counted among the mutants to detect
const detected = strykerDetected - timedOutEquivalents.length;
const score = (100 * detected) / (valid - equivalent - timedOutEquivalents.length);
const threshold = Number(values.threshold);

console.log(
  `mutants: ${valid} valid (${strykerDetected} killed or timed out: ${counts.Killed ?? 0} killed, ` +
    `${counts.Timeout ?? 0} timed out; ${counts.Survived ?? 0} survived, ` +
    `${counts.NoCoverage ?? 0} not covered), ${counts.RuntimeError ?? 0} runtime errors, ` +
    `${counts.CompileError ?? 0} compile errors`,
);
console.log(
  `listed in ${values.equivalents}: ${equivalent} equivalent, ${unstable} unstable survivors`,
);
console.log(`Stryker's score: ${((100 * strykerDetected) / valid).toFixed(2)}%`);
for (const line of timedOutEquivalents) {
  console.log(
    `listed as equivalent but timed out (not credited; the machine was slow, or the row is wrong: ` +
      `a mutant that hangs a test is not equivalent): ${line}`,
  );
}
console.log(`score without the equivalent mutants: ${score.toFixed(2)}% (threshold ${threshold}%)`);
for (const line of unlisted) console.log(`survivor not listed in ${values.equivalents}: ${line}`);
for (const line of stale)
  console.log(`listed in ${values.equivalents} but not a survivor of this run: ${line}`);
if (unlisted.length > 0 || stale.length > 0 || !(score >= threshold)) process.exitCode = 1;
