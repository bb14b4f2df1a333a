import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { probeConfinement } from "../../src/grade/confinement.js";
import { Lane } from "../../src/grade/lane.js";
import { solutionSubmission } from "../../src/grade/solution-copy.js";
import type { Job, PropertyId } from "../../src/grade/types.js";

/**
 * A lane replaces its checking process after a number of submissions (lane.ts): with one
 * submission per checking process, every submission is graded by a new one, started while the
 * one before grades (a new pid each time), and each still gets every property; closing the lane
 * leaves nothing of them in the scratch folder.
 */

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "logreg-lane-test-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test("a lane that replaces its checking process after each submission grades every one fully", async () => {
  await mkdir(join(scratch, "probe"));
  const confinement = probeConfinement(join(scratch, "probe")).kind ?? "none";
  const lane = new Lane(scratch, undefined, 1);
  const properties: PropertyId[] = [];
  const totals: string[] = [];
  const graders: string[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const folder = join(scratch, `copy-${i}`);
      await solutionSubmission(folder);
      const job: Job = {
        id: String(i),
        name: `copy-${i}`,
        folder,
        trusted: false,
        seed: 42,
        stepLimitMs: 10_000,
        memoryMb: 512,
        confinement,
      };
      const outcome = await lane.grade(job, 120_000, properties);
      const passed = outcome.properties.filter((p) => p.passed).length;
      totals.push(`${passed}/${outcome.properties.length} ${outcome.notes.join("; ")}`.trim());
      // The checking process's bundle folder is named by its pid: which process graded it.
      graders.push(...(await readdir(scratch)).filter((name) => name.startsWith("bundle-")));
    }
  } finally {
    await lane.close();
  }
  const all = totals[0].split(" ")[0].split("/")[1];
  expect(Number(all)).toBeGreaterThan(50);
  expect(totals).toEqual([`${all}/${all}`, `${all}/${all}`, `${all}/${all}`]);
  expect(graders).toHaveLength(3);
  expect(new Set(graders).size).toBe(3);
  const left = (await readdir(scratch)).filter((name) => /^(bundle|checks)-/.test(name));
  expect(left).toEqual([]);
}, 240_000);
