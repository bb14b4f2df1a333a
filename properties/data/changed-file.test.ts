import { expect, test } from "vitest";
import { changeWhileRead } from "../../src/data/data-file.js";

/*
 * Issue #23, class 8: the check that refuses a data file changed while it was read (the
 * loader's use of it, with a real file changed mid-read: changed-file.integration.test.ts).
 */

const version = { size: 1000, mtimeMs: 5, ctimeMs: 5, ino: 7 };

test("the check: the same version passes; a byte count, size or time that differs is named", () => {
  expect(changeWhileRead(version, 1000, { ...version })).toBeUndefined();
  expect(changeWhileRead(version, 600, { ...version, size: 600, mtimeMs: 6 })).toBe(
    "the file changed while it was read (it had 1000 bytes when opened; 600 bytes were read; it now has 600; it was modified): read it again once nothing writes to it",
  );
  expect(changeWhileRead(version, 1000, { ...version, ctimeMs: 9 })).toMatch(/it was modified\)/);
  expect(changeWhileRead(version, 1200, { ...version })).toMatch(/1200 bytes were read\)/);
});
