import type { ArticleImplementation, ContractFunction } from "../../src/contract.js";
import { contractFunctions } from "../../src/grade/exports.js";
import { loadPythonModule } from "../../src/python/load.js";
import { loadModuleUnderTest } from "../../src/watchdog/module-under-test.js";

/**
 * The implementation under test, loaded once per vitest project (see vitest.config.ts) from the
 * module whose path is in LOGREG_MODULE, without requiring anything of it: its functions may be
 * named exports, a CommonJS `module.exports = {…}` or an `export default {…}` (src/grade/exports.ts),
 * and each one it lacks throws "does not export X (article step N); did you mean Y?" when, and
 * only when, a property calls it. A module without gradientDescent keeps every property of
 * steps 1–3; a misspelt export loses exactly the properties that call it.
 */
const modulePath = process.env.LOGREG_MODULE;
if (!modulePath) {
  throw new Error("LOGREG_MODULE is not set: run the model properties through `npm test`.");
}

/** The module under test, as loaded (a .py module through src/python): any function may be missing. */
const loadedModule = (
  modulePath.endsWith(".py") ? loadPythonModule(modulePath) : await loadModuleUnderTest(modulePath)
) as Record<string, unknown>;

/** Every function of the contract: the module's own, or one that throws when called. */
const functions = contractFunctions(loadedModule) as unknown as ArticleImplementation;

/**
 * The functions `names` of the module under test, each the module's own or, if it does not
 * export it, one that throws "does not export X (article step N)…" when called: the properties
 * that call it fail with that message, the others run.
 */
export function requireFunctions<K extends ContractFunction>(
  ...names: K[]
): Pick<ArticleImplementation, K> {
  const picked: Partial<ArticleImplementation> = {};
  for (const name of names) Object.assign(picked, { [name]: functions[name] });
  return picked as Pick<ArticleImplementation, K>;
}
