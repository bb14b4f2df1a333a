/**
 * npm run mutation (after Stryker): the mutation score of src/reference without the equivalent
 * mutants, and the check that mutation/equivalent-mutants.md lists exactly the survivors
 * (mutation-score.ts).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { mutationScore, type StrykerReport } from "./mutation-score.js";

const usage = `Usage: tsx mutation/score.ts [--report FILE] [--equivalents FILE] [--threshold N]

Reads Stryker's JSON report and the list of surviving mutants, prints the score without the
equivalent ones, and fails if a survivor is not listed, a listed one is not a survivor, or the
score is below the threshold.

  --report FILE       Stryker's JSON report (default reports/mutation/mutation.json)
  --equivalents FILE  the list (default mutation/equivalent-mutants.md)
  --threshold N       the lowest passing score, in percent (default 90)
  -h, --help          print this help

Exit status: 0 when the check passes; 1 when it fails or a file cannot be read; 2 on a usage error.`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        report: { type: "string", default: "reports/mutation/mutation.json" },
        equivalents: { type: "string", default: "mutation/equivalent-mutants.md" },
        threshold: { type: "string", default: "90" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const threshold = Number(values.threshold);
  if (!(threshold >= 0 && threshold <= 100)) {
    console.error(`--threshold: expected a percentage from 0 to 100, got "${values.threshold}"`);
    return 2;
  }
  try {
    const report = readReport(values.report);
    const equivalents = readFileSync(values.equivalents, "utf8");
    const { lines, passed } = mutationScore(report, equivalents, threshold, values.equivalents);
    for (const line of lines) console.log(line);
    return passed ? 0 : 1;
  } catch (error) {
    const { code, path, message } = error as NodeJS.ErrnoException;
    if (code === "ENOENT") console.error(`${path}: no such file (run Stryker first?)`);
    else console.error(message);
    return 1;
  }
}

function readReport(file: string): StrykerReport {
  const text = readFileSync(file, "utf8");
  let report: Partial<StrykerReport> | null;
  try {
    report = JSON.parse(text) as Partial<StrykerReport> | null;
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof report?.files !== "object" || report.files === null) {
    throw new Error(`${file}: not a Stryker JSON report (no "files" object)`);
  }
  return report as StrykerReport;
}

process.exitCode = main();
