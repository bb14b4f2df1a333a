import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ARTICLE_STEP } from "../contract.js";
import { stepOrder } from "../suite/step-order.js";
import { readClauses, type SourceProblem } from "./contract-clauses.js";
import type { ClauseSources } from "./document.js";
import { readClauseUses } from "./test-clauses.js";

/** The contract and the property files the clause document is made from, relative to the root. */
export const contractFile = "src/contract.ts";
export const propertyFolder = "properties/model";

/**
 * Reads the project at `root`: the contract's functions (ARTICLE_STEP, in its order), the
 * clauses of src/contract.ts and the clauses named by every test file in properties/model.
 */
export function readSources(root: string): { sources: ClauseSources; problems: SourceProblem[] } {
  const contract = readClauses(contractFile, readFileSync(join(root, contractFile), "utf8"));
  const problems = [...contract.problems];
  const uses = [];
  const testFiles = readdirSync(join(root, propertyFolder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .sort(stepOrder);
  for (const file of testFiles) {
    const path = `${propertyFolder}/${file.split("\\").join("/")}`;
    const read = readClauseUses(path, readFileSync(join(root, path), "utf8"));
    uses.push(...read.uses);
    problems.push(...read.problems);
  }
  const functions = Object.entries(ARTICLE_STEP).map(([name, step]) => ({ name, step }));
  return { sources: { functions, contractFile, clauses: contract.clauses, uses }, problems };
}
