/**
 * The docs checker's names: a page that names a made-up path, script or heading fails, with its
 * page and line; what exists, placeholders and outside paths pass.
 */
import { expect, test } from "vitest";
import { checkNames, type Page } from "../../src/docs/check-names.js";
import { checkReadmeSize, README_MAX_BYTES } from "../../src/docs/pages.js";
import { repositoryOf } from "../../src/docs/repository.js";

const repo = repositoryOf(
  "/nowhere",
  ["README.md", "docs/guide.md", "src/contract.ts", "src/grade/runner.ts", "scripts/train.ts"],
  ["test", "train", "test:integration"],
);

const guide: Page = { path: "docs/guide.md", text: "# Guide\n\n## Reading a failure\n" };

/** The messages of checking a README holding `text`, beside the guide. */
function problems(text: string): string[] {
  return checkNames([{ path: "README.md", text }, guide], repo).map(
    (p) => `${p.page}:${p.line}: ${p.message}`,
  );
}

test("a made-up path in a code span fails, with its page and line", () => {
  expect(problems("intro\n\nsee `src/nowhere.ts` and `src/contract.ts`")).toEqual([
    "README.md:3: no such file or folder: src/nowhere.ts",
  ]);
});

test("a made-up npm script fails, in prose and in fenced code alike", () => {
  const text = "run `npm run train`\n\n```sh\nnpm run nonesuch -- --x\nnpm test\n```\n";
  expect(problems(text)).toEqual([
    'README.md:4: no script "nonesuch" in package.json (npm run nonesuch)',
  ]);
});

test("a script name ending in punctuation is read without it (npm run test:integration.)", () => {
  expect(problems("Then npm run test:integration. And npm run docs: the tables.")).toEqual([
    'README.md:1: no script "docs" in package.json (npm run docs)',
  ]);
});

test("a made-up tsx script fails; one that exists passes", () => {
  expect(problems("`npx tsx scripts/train.ts` and `npx tsx scripts/nonesuch.ts`")).toEqual([
    "README.md:1: no such script: scripts/nonesuch.ts",
  ]);
});

test("a link to a missing file or to a missing heading fails; relative links resolve from the page", () => {
  const text = [
    "[ok](docs/guide.md#reading-a-failure)",
    "[no file](docs/nowhere.md)",
    "[no heading](docs/guide.md#writing-a-failure)",
    "[web](https://example.org/x)",
  ].join("\n");
  expect(problems(text)).toEqual([
    "README.md:2: link to a missing file: docs/nowhere.md",
    "README.md:3: link to a missing heading: docs/guide.md#writing-a-failure",
  ]);
  expect(checkNames([{ path: "docs/guide.md", text: "[up](../README.md)" }], repo)).toEqual([]);
});

test("a bare source file name must exist somewhere; `x.js` stands for the source x.ts", () => {
  expect(problems("`runner.ts`, `runner.js`, `src/contract.js` and `ghost.ts`")).toEqual([
    "README.md:1: no file of that name anywhere: ghost.ts",
  ]);
});

test("placeholders, outside paths, outputs and paths inside fenced code are not checked", () => {
  const text = [
    "`path/to/my-logreg.ts`, `<dir>/x.ts`, `../shared/data/bank.csv`, `reports/latest/`",
    "```text",
    "src/nowhere.ts",
    "```",
  ].join("\n");
  expect(problems(text)).toEqual([]);
});

test("a glob names at least one file", () => {
  expect(problems("`src/grade/*.ts` and `src/grade/*.mjs`")).toEqual([
    "README.md:1: no such file or folder: src/grade/*.mjs",
  ]);
});

test("a README over 12 KB is a problem; one within it is not", () => {
  expect(checkReadmeSize([{ path: "README.md", text: "x".repeat(README_MAX_BYTES) }])).toEqual([]);
  expect(
    checkReadmeSize([{ path: "README.md", text: "é".repeat(README_MAX_BYTES / 2 + 1) }]),
  ).toEqual([
    { page: "README.md", line: 1, message: "12290 bytes, over the 12288 the README may take" },
  ]);
});
