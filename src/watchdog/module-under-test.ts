/**
 * The module the model properties run against (LOGREG_MODULE), loaded the way the run asks for:
 * under the watchdog (watchdog.ts: each call in a worker thread with a time limit, its console
 * output shown per test) when LOGREG_WATCHDOG=1, as `npm run learn` sets it; otherwise imported
 * as it is, in the test's own thread, as `npm test`, LOGREG_IMPL runs and the catalogue do. In
 * its own thread a loop hangs the run, but nothing is copied between threads: a result buffer
 * that a function shares between calls, or a cache keyed by the arrays, is seen exactly as the
 * caller would see it (across threads the results arrive as copies, and such sharing is lost).
 */
import type { ArticleImplementation } from "../contract.js";
import { printTestOutput } from "./test-output.js";
import { watchModule } from "./watchdog.js";

/** True when the run asks for the watchdog (LOGREG_WATCHDOG=1). */
function watched(): boolean {
  return process.env.LOGREG_WATCHDOG === "1";
}

/**
 * The module at `modulePath`, under the watchdog when the run asks for it; nothing is required
 * of it (any of the contract's functions may be missing).
 */
export async function loadModuleUnderTest(
  modulePath: string,
): Promise<Partial<ArticleImplementation>> {
  if (!watched()) {
    return (await import(modulePath)) as Partial<ArticleImplementation>;
  }
  return watchModule(modulePath, { onOutput: printTestOutput }) as Partial<ArticleImplementation>;
}
