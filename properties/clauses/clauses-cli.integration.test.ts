import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";

/**
 * `npm run clauses` and `--check` on a small project of their own (a two-function contract, one
 * property file), in a mkdtemp copy of the generator: each run starts tsx, a few seconds on a
 * busy machine (40 s was seen at a load of 25), so each run gets two minutes.
 */
const root = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "logreg-clauses-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const contract = `/** The fixture's contract. */
export interface Api {
  /**
   * Doubles x.
   * @clause double.finite a finite x gives 2x
   * @clause double.nan NaN gives NaN
   */
  double(x: number): number;
  /** @clause half.finite a finite x gives x / 2 */
  half(x: number): number;
}

export const ARTICLE_STEP = { double: 1, half: 2 } as const;
`;

const properties = (nanClause: string) => `import { test } from "vitest";
test("double doubles, NaN included", () => {
  checkProperty({ step, hint, clauses: ["double.finite", "${nanClause}"], inputs, check });
});
test("half of 3 is 1.5", () => {
  checkExample({ step, hint, clauses: ["half.finite"], input, check });
});
`;

for (const path of ["scripts/clauses.ts", "src/clauses", "src/suite", "src/catalogue/table.ts"]) {
  cpSync(join(root, path), join(dir, path), { recursive: true });
}
for (const file of ["package.json", "tsconfig.json", ".prettierrc.json"]) {
  cpSync(join(root, file), join(dir, file));
}
symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
mkdirSync(join(dir, "properties", "model"), { recursive: true });
mkdirSync(join(dir, "docs"));
writeFileSync(join(dir, "src", "contract.ts"), contract);
writeFileSync(join(dir, "properties", "model", "1-double.test.ts"), properties("double.nan"));

function clauses(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/clauses.ts", ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

test("the document is written, then checked; a stale file or an unknown clause fails, one line each", () => {
  const write = clauses();
  expect(write).toMatchObject({ status: 0, stderr: "wrote docs/contract-clauses.md\n" });
  const doc = readFileSync(join(dir, "docs", "contract-clauses.md"), "utf8");
  expect(doc).toContain("3 of 3 clauses, of 2 functions, are exercised by at least one test.");
  expect(doc).toMatch(
    /\| double\.nan +\| NaN gives NaN +\| `properties\/model\/1-double\.test\.ts` \| double doubles, NaN included +\|/,
  );
  expect(clauses("--check")).toMatchObject({ status: 0, stderr: "" });

  writeFileSync(join(dir, "docs", "contract-clauses.md"), `${doc}\nedited by hand\n`);
  expect(clauses("--check")).toMatchObject({
    status: 1,
    stderr: "clauses: docs/contract-clauses.md is stale: run npm run clauses and commit it\n",
  });

  writeFileSync(join(dir, "properties", "model", "1-double.test.ts"), properties("double.NaN"));
  const unknown = clauses("--check");
  expect(unknown.status).toBe(1);
  expect(unknown.stderr.trim().split("\n")).toEqual([
    "clauses: docs/contract-clauses.md is stale: run npm run clauses and commit it",
    "clauses: src/contract.ts:6: clause double.nan is exercised by no test (name it in a property's clauses: [...])",
    'clauses: properties/model/1-double.test.ts:3: "double doubles, NaN included" names the unknown clause double.NaN',
  ]);
}, 480_000);

test("a usage error exits 2 with the usage, and no stack trace", () => {
  const run = clauses("--chek");
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("clauses: Unknown option '--chek'");
  expect(run.stderr).toContain("Usage: npm run clauses [-- --check]");
  expect(run.stderr).not.toMatch(/\n\s+at /);
}, 120_000);
