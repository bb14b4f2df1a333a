import { describe, expect, test } from "vitest";
import { compareReports } from "../../src/train/compare-reports.js";

const recorded = {
  schemaVersion: 1,
  training: { costHistory: [0.6, 0.5] },
  model: { weights: { "job_admin.": 0.25, age: -1 } },
  run: { startedAt: "2026-01-01T00:00:00Z" },
};

describe("compareReports: what --verify lists", () => {
  test("an identical tree, whatever its run metadata, has no differences", () => {
    expect(
      compareReports(recorded, { ...structuredClone(recorded), run: { startedAt: "later" } }, 0),
    ).toEqual([]);
  });

  test("every changed number, string, length and key is listed with its path", () => {
    const actual = structuredClone(recorded) as Record<string, unknown> & typeof recorded;
    actual.training.costHistory = [0.6, 0.5000001, 0.4];
    actual.model.weights["job_admin."] = 0.5;
    (actual as Record<string, unknown>).extra = "x";
    expect(compareReports(recorded, actual, 0)).toEqual([
      { path: "training.costHistory.length", recorded: 2, actual: 3 },
      { path: "training.costHistory[1]", recorded: 0.5, actual: 0.5000001 },
      { path: 'model.weights["job_admin."]', recorded: 0.25, actual: 0.5 },
      { path: "extra", recorded: undefined, actual: "x" },
    ]);
  });

  test("a relative tolerance accepts differences up to tolerance·max(|a|, |b|) and no more", () => {
    expect(compareReports({ x: 1 }, { x: 1 + 0.9e-10 }, 1e-10)).toEqual([]);
    expect(compareReports({ x: 1 }, { x: 1 + 3e-10 }, 1e-10)).toHaveLength(1);
    expect(compareReports({ x: 0.1 + 0.2 }, { x: 0.3 }, 0)).toHaveLength(1);
  });
});
