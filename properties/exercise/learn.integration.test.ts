import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { LearnSession, scratchProject } from "../../scripts/bench/learn-session.js";
import { shippedSnapshot } from "../../src/exercise/shipped.js";
import { fileText } from "../../src/exercise/snapshot.js";

/**
 * `npm run learn` in watch mode, in a scratch copy at article step 2, driven save by save: the
 * step the learner is on answers first, an earlier step runs again only when its files changed,
 * every stub of the step is listed, and a step stops at its first real failure. Each run starts vitest's workers on a busy 2-core
 * machine: up to a minute each, so the whole test gets 6 minutes.
 */
const root = resolve(import.meta.dirname, "..", "..");
const dir = scratchProject(root, 2);
const session = new LearnSession(dir);
const shipped = (file: string) => fileText(shippedSnapshot(root, "src/impl", "HEAD"), file);

afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

test("saves at step 2: the current step first, earlier steps only when their files changed", async () => {
  const start = await session.started();
  expect(start.reports.at(-1)).toContain("steps done: 1 of 7");
  // Every stub of step 2, though a failing test reaches computeCost first.
  expect(start.reports.at(-1)).toMatch(/not implemented yet: computeCost \(article step 2\) —/);
  expect(start.reports.at(-1)).toMatch(
    /not implemented yet: computeCostVectorized \(article step 2\) —/,
  );

  // Step 2 solved: it answers first, then the loop goes on to step 3.
  const solved = await session.save("2-cost.ts", shipped("2-cost.ts") ?? "");
  expect(solved.first).toMatch(/^step 2: every test passes — checking step 3…/);
  expect(solved.reports.at(-1)).toContain("steps done: 2 of 7");

  // A mistake in step 1 while on step 3: step 3 answers first, then steps 1 and 2 run again.
  const model = shipped("1-model.ts") ?? "";
  const broken = await session.save("1-model.ts", model.replace("return z + b;", "return z - b;"));
  expect(broken.first).toMatch(/^step 3: /);
  expect(broken.first).toContain("checking steps 1 and 2 again (changed since they passed)…");
  expect(broken.reports.at(-1)).toMatch(/^step 1: /);
  expect(broken.reports.at(-1)).toMatch(/blames\s+predict/);
  // Step 1 stopped at its first real failure: the tests after it were skipped, not shrunk.
  expect(broken.reports.at(-1)).toMatch(/stopped at the first real failure: \d+ more tests? of/);
  expect(broken.reports.at(-1)).toContain("steps done: 0 of 7");

  // Fixed again: step 1 first; step 2 passed for these very files, so the loop skips to step 3.
  const fixed = await session.save("1-model.ts", model);
  expect(fixed.first).toMatch(/^step 1: every test passes — checking step 3…/);
  expect(fixed.reports.at(-1)).toMatch(/^step 3: /);
  expect(fixed.reports.at(-1)).toContain("steps done: 2 of 7");
}, 360_000);
