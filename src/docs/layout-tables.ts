/**
 * The generated tables of docs/layout.md: every file under a folder (src/, scripts/,
 * properties/) with the first line of its doc comment.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { markdownTable } from "../catalogue/table.js";
import { firstDocLine } from "./doc-comment.js";
import type { Repository } from "./repository.js";

/** The files the layout lists: source and scripts, not data or generated declarations. */
const LISTED = /\.(ts|mts|mjs|py)$/;
const DECLARATION = /\.d\.m?ts$/;

/** What a Python file says first: its module docstring's first line. */
function pythonDocLine(source: string): string | undefined {
  const docstring = /^\s*(?:#.*\n\s*)*("""|''')\s*([^\n]*)/.exec(source);
  return docstring?.[2].trim() || undefined;
}

/** The name of the first test a test file declares, as written (a template keeps its `${…}`). */
function firstTestName(source: string): string | undefined {
  return /\b(?:test|it)(?:\.\w+)*\(\s*(["'`])((?:\\.|(?!\1).)*)\1/.exec(source)?.[2];
}

/** The first line `file` says about itself, else its first test's name, else a note. */
function describe(repo: Repository, file: string): string {
  const source = readFileSync(join(repo.root, file), "utf8");
  const line = file.endsWith(".py") ? pythonDocLine(source) : firstDocLine(source);
  const test = file.endsWith(".test.ts") ? firstTestName(source) : undefined;
  return line ?? (test === undefined ? "(no doc comment)" : `first test: “${test}”`);
}

/** The files under `folder` that the layout lists, in path order. */
function listedFiles(repo: Repository, folder: string): string[] {
  return [...repo.files]
    .filter((file) => file.startsWith(`${folder}/`) && LISTED.test(file) && !DECLARATION.test(file))
    .sort();
}

/** A folder listed as one row, its files counted, and what they are. */
interface Collapsed {
  folder: string;
  what: string;
}

/**
 * A table of every listed file under `folder` and the first sentence of its doc comment, except
 * that each `collapsed` folder (one module per learner bug, say) is one row with its file count.
 */
export function fileTable(repo: Repository, folder: string, collapsed: Collapsed[] = []): string {
  const inside = (file: string, c: Collapsed) => file.startsWith(`${c.folder}/`);
  const rows = listedFiles(repo, folder)
    .filter((file) => !collapsed.some((c) => inside(file, c)))
    .map((file) => [`\`${file}\``, describe(repo, file)]);
  for (const c of collapsed) {
    const count = listedFiles(repo, c.folder).length;
    rows.push([`\`${c.folder}/\` (${count} files)`, c.what]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return markdownTable(["file", "its doc comment's first sentence"], rows);
}
