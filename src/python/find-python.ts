import { execFileSync } from "node:child_process";

/**
 * The python the kit runs a learner's numpy module with: the first of $LOGREG_PYTHON, python3
 * and /usr/bin/python3 that imports numpy, or undefined when none does (the Python tests are then
 * skipped, saying so). Asked once per process.
 */
let found: string | null | undefined;

/** The candidates, in the order they are tried. */
function candidates(): string[] {
  const asked = process.env.LOGREG_PYTHON;
  return [...(asked ? [asked] : []), "python3", "/usr/bin/python3"];
}

function importsNumpy(python: string): boolean {
  try {
    execFileSync(python, ["-c", "import numpy"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export function findPython(): string | undefined {
  found ??= candidates().find(importsNumpy) ?? null;
  return found ?? undefined;
}

/** What a skipped Python test says. */
export const NO_PYTHON = "skipped: no python3 with numpy; see README";
