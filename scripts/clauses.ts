/**
 * npm run clauses — writes docs/contract-clauses.md: for every function of the contract, each
 * clause its doc comment states (`@clause <function>.<id> <text>` in src/contract.ts) and the
 * tests that exercise it (the `clauses: [...]` option of checkProperty / checkExample in
 * properties/model), read statically (src/clauses/). `--check` writes nothing and fails when
 * the file is stale, a clause is named by no test, or a test names a clause the contract does
 * not state (CI).
 */
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import {
  clauseDocPath,
  clauseFindings,
  problemLines,
  renderClauseDoc,
} from "../src/clauses/document.js";
import { readSources } from "../src/clauses/sources.js";

const root = resolve(import.meta.dirname, "..");

const usage = `Usage: npm run clauses [-- --check]

Writes ${clauseDocPath}: every clause of the contract (the @clause lines of src/contract.ts)
and the tests that name it (the clauses: [...] option of checkProperty / checkExample in
properties/model). Then lists, one line each, every clause no test names, every test naming a
clause the contract does not state, and every function that states no clause.

  --check      write nothing: fail when ${clauseDocPath} is not what would be written, or
               when anything above is listed
  -h, --help   print this help

Exit status: 0 when the clauses and the tests match (and, with --check, the file is up to date);
1 otherwise; 2 on a usage error.`;

/** The document as the repository formats it (Prettier, with the project's settings). */
async function formatted(text: string): Promise<string> {
  const path = join(root, clauseDocPath);
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(text, { ...options, filepath: path });
}

async function main(argv: string[]): Promise<number> {
  let check: boolean;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        check: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      console.log(usage);
      return 0;
    }
    check = values.check;
  } catch (error) {
    console.error(`clauses: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { sources, problems } = readSources(root);
  const findings = [...problemLines(problems), ...clauseFindings(sources)];
  const content = await formatted(renderClauseDoc(sources));
  const path = join(root, clauseDocPath);
  if (check) {
    const committed = existsSync(path) ? await readFile(path, "utf8") : undefined;
    if (committed !== content) {
      const why = committed === undefined ? "is missing" : "is stale";
      findings.unshift(`${clauseDocPath} ${why}: run npm run clauses and commit it`);
    }
  } else {
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);
    console.error(`wrote ${clauseDocPath}`);
  }
  for (const line of findings) console.error(`clauses: ${line}`);
  return findings.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
