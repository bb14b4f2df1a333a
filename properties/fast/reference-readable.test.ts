import { readFileSync, readdirSync, statSync } from "node:fs";
import { expect, test } from "vitest";

/**
 * src/reference is the readable oracle: the fast code (WebAssembly, and any worker thread or
 * shared memory) lives in src/fast, which is checked against it. If the kernel crept back into
 * the reference, the differential tests here would compare the kernel with itself. So: every
 * module of src/reference is TypeScript, imports nothing from src/fast or node:worker_threads,
 * and its code (comments aside) uses neither WebAssembly nor shared memory.
 */
const folder = new URL("../../src/reference/", import.meta.url);
const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) =>
  statSync(new URL(file, folder)).isFile(),
);

/** The source without its comments (block comments, and line comments after whitespace). */
const code = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");

/** Every module specifier the source imports or re-exports, statically or dynamically. */
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]);

test("src/reference holds only TypeScript modules: no worker script, no WebAssembly binary", () => {
  expect(files).toContain("index.ts");
  for (const file of files) expect(file, "a file in src/reference").toMatch(/\.ts$/);
});

test("no module of src/reference imports src/fast or node:worker_threads, or uses WebAssembly, SharedArrayBuffer or Atomics", () => {
  for (const file of files) {
    const text = readFileSync(new URL(file, folder), "utf8");
    for (const specifier of specifiers(text)) {
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(/(^|\/)fast\/|worker_threads/);
    }
    expect(code(text), file).not.toMatch(/\b(WebAssembly|SharedArrayBuffer|Atomics|Worker)\b/);
  }
});

test("the check can tell: it finds the fast implementation's WebAssembly and imports", () => {
  const kernel = readFileSync(new URL("../../src/fast/fused-kernel.ts", import.meta.url), "utf8");
  expect(code(kernel)).toMatch(/\bWebAssembly\b/);
  const fast = readFileSync(new URL("../../src/fast/index.ts", import.meta.url), "utf8");
  expect(specifiers(fast)).toContain("./fused-kernel.js");
  expect(specifiers('import { x } from "../fast/index.js";')[0]).toMatch(/(^|\/)fast\//);
});
