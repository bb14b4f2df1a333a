import { expect, test } from "vitest";
import { confinedPython } from "../../src/grade/python-confinement.js";

/**
 * A Python submission has no second layer (Node's permission model) under `unshare`, which leaves
 * the host's file system readable: the grader refuses to run it there, before starting anything.
 */
test("a Python submission is refused under unshare, saying to install bubblewrap", () => {
  expect(() =>
    confinedPython(
      "unshare",
      { memoryMb: 128, cpuSeconds: 10 },
      "/nonexistent",
      ["/nonexistent/python3", "bridge.py", "logreg.py"],
      {},
    ),
  ).toThrow(
    "a Python submission is run in bwrap's sandbox only (unshare leaves the file system readable): install bubblewrap",
  );
});
