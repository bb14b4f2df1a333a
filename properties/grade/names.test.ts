import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { discoverSubmissions } from "../../src/grade/discover.js";
import { csvText, fileNames, MAX_FILE_BYTES, rowName } from "../../src/grade/names.js";

/**
 * Submission names (src/grade/names.ts, discover.ts): bytes in, a unique printable row name out,
 * bounded unique file names, CSV cells a spreadsheet does not run, and a class folder whose
 * hidden, linked and stray entries are reported.
 */

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("rowName", () => {
  test("UTF-8 names are kept as they are", () => {
    expect(rowName(Buffer.from("Zoë Ünal-日本"))).toBe("Zoë Ünal-日本");
  });

  test("non-UTF-8 bytes, control characters and the backslash are escaped", () => {
    expect(rowName(latin1("José"))).toBe("Jos\\xE9");
    expect(rowName(Buffer.from("a\nb\u0085c"))).toBe("a\\x0Ab\\xC2\\x85c");
    expect(rowName(Buffer.from("a\\b"))).toBe("a\\\\b");
    // An overlong encoding and a lone continuation byte are not UTF-8.
    expect(rowName(Buffer.from([0xc0, 0xaf, 0x80]))).toBe("\\xC0\\xAF\\x80");
  });

  test("two different names never share a row: the escaping is one-to-one", () => {
    const names = [
      latin1("José"),
      Buffer.from("José"),
      Buffer.from("Jos\\xE9"),
      Buffer.from("Jos\\\\xE9"),
      latin1("Jos\u00e9\u00e9"),
      Buffer.from([0x4a, 0xc3]),
      Buffer.from("J\u00c3"),
    ];
    const rows = names.map(rowName);
    expect(new Set(rows).size).toBe(names.length);
  });
});

describe("fileNames", () => {
  test("ordinary names are unchanged", () => {
    expect(fileNames(["alice", "bob"], ".md")).toEqual(["alice.md", "bob.md"]);
  });

  test("a name too long for the file system is cut, with a digest, and stays unique", () => {
    const long = "a".repeat(254);
    const longer = `${"a".repeat(254)}b`;
    const wide = "é".repeat(200); // 400 bytes
    const names = fileNames([long, longer, wide, "x"], ".md");
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(new Set(names).size).toBe(4);
    expect(names[0]).toMatch(/^a+~[0-9a-f]{12}\.md$/);
    expect(names[2]).toMatch(/^é+~[0-9a-f]{12}\.md$/);
    expect(names[3]).toBe("x.md");
  });

  test("names that differ only in case or normalization get different files", () => {
    const names = fileNames(["Alice", "alice", "Zoe\u0308", "Zoë"], "");
    expect(names[0]).toBe("Alice");
    expect(names[2]).toBe("Zoe\u0308");
    const folded = names.map((name) => name.normalize("NFC").toLowerCase());
    expect(new Set(folded).size).toBe(4);
  });
});

describe("csvText", () => {
  test.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["alice", "alice"],
    ["a,b", '"a,b"'],
  ])("%j → %j", (text, cell) => {
    expect(csvText(text)).toBe(cell);
  });
});

describe("discoverSubmissions", () => {
  const scratch = mkdtempSync(join(tmpdir(), "logreg-names-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test("a class reached through a link: submissions by bytes; hidden, linked and stray entries reported", () => {
    const real = join(scratch, "real-class");
    mkdirSync(join(real, "bob"), { recursive: true });
    mkdirSync(join(real, ".git"));
    mkdirSync(join(real, "alice"));
    mkdirSync(Buffer.concat([Buffer.from(`${real}/`), latin1("José")]));
    writeFileSync(join(real, "notes.txt"), "");
    symlinkSync(join(real, "bob"), join(real, "carol"));
    symlinkSync(real, join(scratch, "linked-class"));

    const found = discoverSubmissions(join(scratch, "linked-class"));
    expect(found.folder).toBe(real);
    expect(found.submissions.map((s) => s.name)).toEqual(["Jos\\xE9", "alice", "bob"]);
    expect(found.submissions[0].bytes).toEqual(latin1("José"));
    expect(found.skipped.map((s) => [s.name, s.reason.split(",")[0]])).toEqual([
      [".git", "a hidden folder"],
      ["carol", "a symbolic link"],
      ["notes.txt", "not a folder"],
    ]);
  });
});
