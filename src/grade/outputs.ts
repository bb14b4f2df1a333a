import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { gradescopeResults } from "./gradescope-results.js";
import { csvText, fileNames } from "./names.js";
import { pointsFor, type Rubric } from "./rubric.js";
import type { Grade, ScoredProperty } from "./grade.js";
import type { PropertyId, SubmissionOutcome } from "./types.js";

/**
 * The grader's outputs, from the outcomes and the rubric: grades.csv, grades.json,
 * feedback/<submission>.md and gradescope/<submission>/results.json (file names bounded and
 * unique, CSV cells that a spreadsheet would run as formulas neutralised: names.ts), written into a fresh folder
 * that then replaces --out in one rename (the old one is renamed away first, then removed).
 */

export interface Settings {
  seed: number;
  stepLimitSeconds: number;
  memoryMb: number;
  rubric: string | null;
  /** What the class folder holds that was not graded, and why (discover.ts). */
  skipped: { name: string; reason: string }[];
}

/** Rounds to 1e-6 so that sums of fractional points print the same on every machine. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function score(
  submission: string,
  outcome: SubmissionOutcome,
  rubric: Rubric,
  properties: PropertyId[],
): Grade {
  const byKey = new Map(outcome.properties.map((p) => [`${p.file}\n${p.name}`, p]));
  const scored = properties.map((property): ScoredProperty => {
    const result = byKey.get(`${property.file}\n${property.name}`);
    const max = pointsFor(rubric, property);
    const passed = result?.passed ?? false;
    return {
      ...property,
      passed,
      points: passed ? max : 0,
      max,
      hidden: rubric.hidden.includes(property.name),
      ...(passed ? {} : { message: result?.message ?? "not run" }),
    };
  });
  const steps: Grade["steps"] = {};
  for (const p of scored) {
    const step = (steps[String(p.step)] ??= { score: 0, max: 0 });
    step.score += p.points;
    step.max += p.max;
  }
  // Rounded once, after summing: 3 × 10/3 is 10, not 9.999999 (a step's total split in thirds).
  for (const step of Object.values(steps)) {
    step.score = round(step.score);
    step.max = round(step.max);
  }
  return {
    submission,
    total: round(scored.reduce((sum, p) => sum + p.points, 0)),
    max: round(scored.reduce((sum, p) => sum + p.max, 0)),
    steps,
    notes: outcome.notes,
    properties: scored,
    seconds: outcome.seconds,
  };
}

export function gradesCsv(grades: Grade[], steps: number[]): string {
  const header = ["submission", "total", "max", ...steps.map((s) => `step ${s}`)];
  const rows = grades.map((g) => [
    csvText(g.submission),
    String(g.total),
    String(g.max),
    ...steps.map((s) => String(g.steps[String(s)]?.score ?? 0)),
  ]);
  return [header, ...rows].map((row) => row.join(",")).join("\n") + "\n";
}

export function gradesJson(grades: Grade[], settings: Settings): string {
  return JSON.stringify({ ...settings, submissions: grades }, null, 2) + "\n";
}

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}text\n${text}\n${ticks}`;
}

/** The learner's feedback: score, notes, then each visible property with its failure message. */
export function feedbackMarkdown(grade: Grade, settings: Settings): string {
  const visible = grade.properties.filter((p) => !p.hidden);
  const hidden = grade.properties.filter((p) => p.hidden);
  const visibleScore = round(visible.reduce((sum, p) => sum + p.points, 0));
  const visibleMax = round(visible.reduce((sum, p) => sum + p.max, 0));
  const lines = [
    `# Feedback: ${grade.submission}`,
    "",
    `Score on the properties shown here: **${visibleScore} / ${visibleMax}**.`,
  ];
  if (hidden.length > 0) {
    const points = round(hidden.reduce((sum, p) => sum + p.max, 0));
    lines.push(
      `${hidden.length} more ${hidden.length === 1 ? "property is" : "properties are"} graded but not shown (${points} points).`,
    );
  }
  lines.push(
    "",
    `Checked with the kit's property suite (properties/model), seed ${settings.seed}, at most ${settings.stepLimitSeconds} s of your code's time per step.`,
  );
  if (grade.notes.length > 0) {
    lines.push("", "## What stopped your code", "", ...grade.notes.map((note) => `- ${note}`));
  }
  for (const step of [...new Set(visible.map((p) => p.step))]) {
    const here = visible.filter((p) => p.step === step);
    const got = round(here.reduce((sum, p) => sum + p.points, 0));
    const max = round(here.reduce((sum, p) => sum + p.max, 0));
    lines.push("", `## Step ${step}: ${got} / ${max}`, "");
    for (const p of here) {
      lines.push(`- ${p.passed ? "✅" : "❌"} ${p.name} (${p.points} / ${p.max})`);
    }
    for (const p of here.filter((q) => !q.passed)) {
      lines.push("", `### ❌ ${p.name}`, "", `\`${p.file}\``, "", fence(p.message ?? ""));
    }
  }
  return lines.join("\n") + "\n";
}

/** Writes every output into a fresh folder next to `out`, then swaps it into place. */
export async function writeOutputs(out: string, grades: Grade[], settings: Settings) {
  const steps = [...new Set(grades.flatMap((g) => Object.keys(g.steps).map(Number)))].sort(
    (a, b) => a - b,
  );
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const fresh = join(dirname(out), `.${basename(out)}.new-${suffix}`);
  const old = join(dirname(out), `.${basename(out)}.old-${suffix}`);
  await mkdir(join(fresh, "feedback"), { recursive: true });
  try {
    await writeFile(join(fresh, "grades.csv"), gradesCsv(grades, steps));
    await writeFile(join(fresh, "grades.json"), gradesJson(grades, settings));
    // Bounded, unique file names (names.ts): a 254-byte folder name still gets its feedback.
    const rows = grades.map((grade) => grade.submission);
    const feedbackFiles = fileNames(rows, ".md");
    const resultFolders = fileNames(rows, "");
    for (const [index, grade] of grades.entries()) {
      await writeFile(
        join(fresh, "feedback", feedbackFiles[index]),
        feedbackMarkdown(grade, settings),
      );
      const folder = join(fresh, "gradescope", resultFolders[index]);
      await mkdir(folder, { recursive: true });
      await writeFile(
        join(folder, "results.json"),
        JSON.stringify(gradescopeResults(grade), null, 2) + "\n",
      );
    }
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  let moved = false;
  try {
    await rename(out, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await rename(fresh, out);
  if (moved) await rm(old, { recursive: true, force: true });
}
