import { ARTICLE_STEP } from "../../src/contract.js";
import type { ArticleImplementation, ContractFunction } from "../../src/contract.js";

/**
 * The implementation under test, loaded once per vitest project (see vitest.config.ts) from the
 * module whose path is in LOGREG_MODULE, without requiring anything of it: each property file
 * asks for the functions it needs with {@link requireFunctions}, so a module that implements only
 * the article's steps 1–4 still runs its steps-1–4 properties, and the files of the steps it
 * lacks fail with "does not export X (article step N)".
 */
const modulePath = process.env.LOGREG_MODULE;
if (!modulePath) {
  throw new Error("LOGREG_MODULE is not set: run the model properties through `npm test`.");
}

/** The module under test, as loaded: any of the contract's functions may be missing. */
export const loadedModule = (await import(modulePath)) as Partial<ArticleImplementation>;

/**
 * The functions `names` of the module under test, or an Error naming every one it does not
 * export, with its article step: "src/impl/index.ts does not export ageGroup (article step 5),
 * oneHot (article step 5)". Called at the top of a property file, the error fails that file only.
 */
export function requireFunctions<K extends ContractFunction>(
  ...names: K[]
): Pick<ArticleImplementation, K> {
  const missing = names.filter((name) => typeof loadedModule[name] !== "function");
  if (missing.length > 0) {
    const list = missing.map((name) => `${name} (article step ${ARTICLE_STEP[name]})`);
    throw new Error(`${modulePath} does not export ${list.join(", ")}`);
  }
  return loadedModule as Pick<ArticleImplementation, K>;
}
