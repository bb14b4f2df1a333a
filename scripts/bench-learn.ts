/**
 * npm run bench:learn — how long a learner waits for `npm run learn` after a save.
 *
 * For each of the article steps 1, 3, 5 and 9: in a scratch copy of the project (mkdtemp,
 * node_modules linked) whose src/impl has the shipped solution for the earlier steps and stubs
 * from this step on, starts `npm run learn` in watch mode and saves the step's file five times,
 * alternating a version with one mistake and the stub. Each save is timed to the first report
 * on screen and to the end of its run, and its report is checked: the mistake's function blamed,
 * or every stub of the step listed (so the save was really seen). Prints each time, the median
 * per step, and the load average (1 min) before and after: the machine's other work slows it.
 */
import { readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { LearnSession, scratchProject, type SaveResult } from "./bench/learn-session.js";
import { shippedSnapshot } from "../src/exercise/shipped.js";
import { fileText } from "../src/exercise/snapshot.js";
import { stubsByStep } from "../src/learn/stubs.js";

const root = resolve(import.meta.dirname, "..");
const SAVES = 5;

/** A mistake in each measured step's file: the text replaced, its replacement, the function blamed. */
const MISTAKES: Record<number, { file: string; from: string; to: string; blames: string }> = {
  1: { file: "1-model.ts", from: "return z + b;", to: "return z - b;", blames: "predict" },
  3: {
    file: "3-gradients.ts",
    from: "dw[j] = sum / m;",
    to: "dw[j] = sum;",
    blames: "computeGradientsVectorized",
  },
  5: {
    file: "5-features.ts",
    from: 'if (value === "no") return 0;',
    to: 'if (value === "no") return 1;',
    blames: "yesNoFlag",
  },
  9: {
    file: "9-evaluation.ts",
    from: "return (c.truePositives + c.trueNegatives) / m;",
    to: "return c.truePositives / m;",
    blames: "accuracy",
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The step's file with its mistake, from the shipped solution; throws if the text moved. */
function withMistake(step: number): string {
  const { file, from, to } = MISTAKES[step];
  const solved = fileText(shippedSnapshot(root, "src/impl", "HEAD"), file) ?? "";
  if (!solved.includes(from)) throw new Error(`src/impl/${file} no longer contains "${from}"`);
  return solved.replace(from, to);
}

/** Why a save's first report does not show what was saved, or undefined when it does. */
function mismatch(
  step: number,
  buggy: boolean,
  result: SaveResult,
  stubs: string[],
): string | undefined {
  if (buggy) {
    const blames = new RegExp(`blames\\s+${MISTAKES[step].blames}\\b`);
    return blames.test(result.first) ? undefined : `does not blame ${MISTAKES[step].blames}`;
  }
  const missing = stubs.filter((name) => !result.first.includes(`not implemented yet: ${name} `));
  return missing.length === 0 ? undefined : `does not list the stub(s) ${missing.join(", ")}`;
}

/** Times the saves at one step; returns their results, or undefined on a wrong report. */
async function benchStep(step: number): Promise<SaveResult[] | undefined> {
  const dir = scratchProject(root, step);
  const { file } = MISTAKES[step];
  const stub = readFileSync(join(root, "src", "impl-stubs", file), "utf8");
  const stubs = stubsByStep(join(root, "src", "impl-stubs")).get(step) ?? [];
  const session = new LearnSession(dir);
  try {
    const start = await session.started();
    console.log(`step ${step}: start-up and first run ${start.doneSeconds.toFixed(2)} s`);
    const results: SaveResult[] = [];
    for (let i = 0; i < SAVES; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const buggy = i % 2 === 0;
      const result = await session.save(file, buggy ? withMistake(step) : stub);
      results.push(result);
      const wrong = mismatch(step, buggy, result, stubs);
      console.log(
        `  save ${i + 1} (${buggy ? `a mistake in ${MISTAKES[step].blames}` : "the stub"}): ` +
          `first report ${result.firstSeconds.toFixed(2)} s, run done ${result.doneSeconds.toFixed(2)} s`,
      );
      if (wrong) {
        console.log(`  the report ${wrong}:\n${result.first}`);
        return undefined;
      }
    }
    return results;
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const loadBefore = loadavg()[0];
  const medians: string[] = [];
  for (const step of Object.keys(MISTAKES).map(Number)) {
    const results = await benchStep(step);
    if (!results) return 1;
    const first = median(results.map((r) => r.firstSeconds)).toFixed(2);
    const done = median(results.map((r) => r.doneSeconds)).toFixed(2);
    medians.push(`step ${step}: first report ${first} s, run done ${done} s`);
  }
  console.log(`\nmedians over ${SAVES} saves each, from the save:`);
  for (const line of medians) console.log(`  ${line}`);
  console.log(
    `load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
  );
  return 0;
}

process.exitCode = await main();
