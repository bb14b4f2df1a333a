/**
 * The module the model properties run against (LOGREG_MODULE), loaded the way its origin calls
 * for: the learner's code — src/impl, or any module named by LOGREG_IMPL — under the watchdog
 * (watchdog.ts), its console output shown per test; the kit's own implementations (src/reference,
 * src/fast) and the grader's bridge module imported as they are.
 */
import { resolve } from "node:path";
import type { ArticleImplementation } from "../contract.js";
import { printTestOutput } from "./test-output.js";
import { watchModule } from "./watchdog.js";

const learnerIndex = resolve(import.meta.dirname, "../impl/index.ts");

/** True for the learner's code: src/impl's index, or a run with LOGREG_IMPL set. */
function isLearnerModule(modulePath: string): boolean {
  return resolve(modulePath) === learnerIndex || Boolean(process.env.LOGREG_IMPL);
}

/**
 * The module at `modulePath`, under the watchdog when it is the learner's; nothing is required
 * of it (any of the contract's functions may be missing).
 */
export async function loadModuleUnderTest(
  modulePath: string,
): Promise<Partial<ArticleImplementation>> {
  if (!isLearnerModule(modulePath)) {
    return (await import(modulePath)) as Partial<ArticleImplementation>;
  }
  return watchModule(modulePath, { onOutput: printTestOutput }) as Partial<ArticleImplementation>;
}
