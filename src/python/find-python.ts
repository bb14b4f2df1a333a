import { execFileSync } from "node:child_process";
import { printable } from "../text/escape.js";

/**
 * The python the kit runs a learner's numpy module with: $LOGREG_PYTHON when it is set (that one
 * only: a python asked for by name is never replaced by another), else the first of python3 and
 * /usr/bin/python3 that imports numpy; undefined when none does (the Python tests are then
 * skipped, saying so). Asked once per process.
 */
let found: string | null | undefined;

/** The candidates, in the order they are tried. */
function candidates(): string[] {
  const asked = process.env.LOGREG_PYTHON;
  return asked ? [asked] : ["python3", "/usr/bin/python3"];
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

/**
 * The one line that ends a run asked to check a .py module when no python with numpy is found:
 * which pythons were tried and how to get numpy.
 */
export function noNumpyLine(): string {
  const tried = process.env.LOGREG_PYTHON
    ? `LOGREG_PYTHON=${printable(process.env.LOGREG_PYTHON)}`
    : "python3 and /usr/bin/python3";
  return `no python with numpy (tried ${tried}): install it with \`apt-get install python3-numpy\` (Debian, Ubuntu) or \`python3 -m pip install numpy\`, or set LOGREG_PYTHON to a python that imports numpy`;
}
