/**
 * Module hooks for the grade runner (registered by runner.ts, after tsx's):
 *
 * - "vitest" resolves to vitest-shim.ts, the part of vitest's API the property files use;
 * - a module under properties/ imported from a URL carrying `?grade=<tag>` carries it too, so that
 *   the submission gets instances of the property files and of everything in properties/ they
 *   import (implementation.ts reads LOGREG_MODULE when it is evaluated) other than those loaded
 *   against src/reference to list the properties, while the heavy, implementation-free
 *   dependencies (fast-check, src/numerics …) are loaded, and warmed up, once.
 */
import { URL } from "node:url";

const shim = new URL("./vitest-shim.ts", import.meta.url).href;
const properties = new URL("../../properties/", import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === "vitest") return { url: shim, shortCircuit: true };
  const resolved = await next(specifier, context);
  const tag = context.parentURL?.match(/[?&](grade=[^&#]+)/)?.[1];
  if (tag && resolved.url.startsWith(properties) && !resolved.url.includes("?")) {
    return { ...resolved, url: `${resolved.url}?${tag}` };
  }
  return resolved;
}
