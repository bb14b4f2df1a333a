/**
 * Module hooks for the grade runner (registered by runner.ts, after tsx's):
 *
 * - "vitest" resolves to vitest-shim.ts, the part of vitest's API the property files use;
 * - a module under properties/ imported from a URL carrying `?grade=<tag>` carries it too, so that
 *   the submission gets instances of the property files and of what in properties/ they import
 *   (implementation.ts reads LOGREG_MODULE when it is evaluated) other than those loaded
 *   against src/reference to list the properties, while the heavy, implementation-free
 *   dependencies (fast-check, src/numerics, the helpers of SHARED_SUPPORT …) are loaded, and
 *   warmed up, once.
 */
import { URL } from "node:url";

const shim = new URL("./vitest-shim.ts", import.meta.url).href;
const properties = new URL("../../properties/", import.meta.url).href;
const support = new URL("../../properties/support/", import.meta.url).href;

/**
 * The modules of properties/support that every submission's instances share: helpers that do
 * not reach the implementation under test (implementation.ts, step-functions.ts), read no
 * environment variable and keep no state, so that one instance serves every submission and
 * stays compiled (V8 optimises a fresh instance's functions anew). Each may import only modules
 * of this list, src/ and packages: properties/grade/grade-hooks.test.ts checks it.
 */
export const SHARED_SUPPORT = new Set([
  "arbitraries.ts",
  "blame.ts",
  "cache.ts",
  "deep-copy.ts",
  "descent.ts",
  "exact-sigmoid.ts",
  "expectations.ts",
  "fixture-sized.ts",
  "format.ts",
  "gradient-hint.ts",
  "guard.ts",
  "loss-formula.ts",
  "metric-hint.ts",
  "oracle.ts",
  "overflow.ts",
  "prerequisites.ts",
  "shape-hint.ts",
  "tail.ts",
  "transform.ts",
]);

function shared(url) {
  return url.startsWith(support) && SHARED_SUPPORT.has(url.slice(support.length));
}

export async function resolve(specifier, context, next) {
  if (specifier === "vitest") return { url: shim, shortCircuit: true };
  const resolved = await next(specifier, context);
  const tag = context.parentURL?.match(/[?&](grade=[^&#]+)/)?.[1];
  const url = resolved.url;
  if (tag && url.startsWith(properties) && !url.includes("?") && !shared(url)) {
    return { ...resolved, url: `${url}?${tag}` };
  }
  return resolved;
}
