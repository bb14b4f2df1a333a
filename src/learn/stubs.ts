import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { stepOrder } from "../suite/step-order.js";

/** The message of a stub: `throw new Error("not implemented yet: computeCost (article step 2)")`. */
export const NOT_IMPLEMENTED = /not implemented yet: ([\w$]+) \(article step (\d+)\)/g;

/** True for the message of a test that failed on a stub: it starts "not implemented yet: ". */
export function isStubMessage(message: string): boolean {
  return message.startsWith("not implemented yet: ");
}

/**
 * The functions of the learner's folder that are still stubs, by article step, in the order of
 * their files and of their lines: read from the stubs' own message in the source, so that every
 * stub of a step is listed, also those no failing test reached.
 */
export function stubsByStep(folder: string): Map<number, string[]> {
  const stubs = new Map<number, string[]>();
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".ts"),
  );
  for (const file of files.sort(stepOrder)) {
    const text = readFileSync(join(folder, file), "utf8");
    for (const [, name, step] of text.matchAll(NOT_IMPLEMENTED)) {
      const names = stubs.get(Number(step)) ?? [];
      if (!names.includes(name)) stubs.set(Number(step), [...names, name]);
    }
  }
  return stubs;
}
