/**
 * The module the model properties run against (LOGREG_MODULE), loaded the way the run asks for:
 * under the watchdog (watchdog.ts: each call in a worker thread with a time limit, its console
 * output shown per test) in a LOGREG_IMPL run (a learner's module named by path) and when
 * LOGREG_WATCHDOG=1, as `npm run learn` sets it; otherwise imported as it is, in the test's own
 * thread, as `npm test` and the catalogue (LOGREG_WATCHDOG=0) do. In its own thread a loop hangs
 * the run. Across threads the watchdog keeps identity at each call (transfer.mjs): an argument
 * changed in place is changed in the caller's object, a result buffer the module returns again
 * is the caller's same object, refilled, and a buffer passed back in is the module's own.
 */
import type { ArticleImplementation } from "../contract.js";
import { printTestOutput } from "./test-output.js";
import { watchModule } from "./watchdog.js";

/** True for LOGREG_WATCHDOG=1, and for a LOGREG_IMPL run unless LOGREG_WATCHDOG=0. */
function watched(): boolean {
  const asked = process.env.LOGREG_WATCHDOG;
  return asked === "1" || (asked !== "0" && process.env.LOGREG_IMPL !== undefined);
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
