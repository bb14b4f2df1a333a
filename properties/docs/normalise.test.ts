/** The walkthrough's captured output is normalised: no colours, no clone path, no clock. */
import { expect, test } from "vitest";
import { normalise } from "../../src/docs/normalise.js";

test("colours, the clone's path, timestamps, run times and durations are normalised; text is kept", () => {
  const raw = [
    "\u001b[32m✓\u001b[39m properties/model/1-model.test.ts (7 tests) 123ms",
    "Saved src/impl to /tmp/x/logreg-lab/.exercise/saved/2026-11-28T08-45-42.738Z-before-start/   ",
    "",
    "",
    "",
    "steps done: 1 of 7  (42.9 s)",
    "   Start at  14:05:11",
    "timed out after 10 s",
  ].join("\n");
  expect(normalise(raw, "/tmp/x/logreg-lab")).toBe(
    [
      "✓ properties/model/1-model.test.ts (7 tests)",
      "Saved src/impl to <clone>/.exercise/saved/<time>-before-start/",
      "",
      "steps done: 1 of 7  (<seconds> s)",
      "",
      "timed out after 10 s",
    ].join("\n"),
  );
});
