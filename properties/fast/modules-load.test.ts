import { readdirSync } from "node:fs";
import { expect, test } from "vitest";
import type { WasmApi } from "../../src/fast/fused-kernel.js";

/**
 * The kernel's WebAssembly bytes are built when src/fast/wasm/fused-pass.ts is first imported.
 * A mistake there throws at import time, which fails every test file that imports src/fast
 * statically before any of their tests runs; this file imports the modules inside its tests, so
 * that such a failure is reported as a failing test (and counted by Stryker, which otherwise
 * sees no test results at all and scores the mutant a survivor).
 */
const fastModules = readdirSync(new URL("../../src/fast/", import.meta.url), {
  recursive: true,
  encoding: "utf8",
}).filter((file) => file.endsWith(".ts"));

test("every module of src/fast loads", async () => {
  expect(fastModules).toContain("wasm/fused-pass.ts");
  expect(fastModules).toContain("index.ts");
  for (const file of fastModules) {
    const url = new URL(`../../src/fast/${file}`, import.meta.url).href;
    await expect(import(/* @vite-ignore */ url), file).resolves.toBeDefined();
  }
});

test("the kernel's WebAssembly module is valid WebAssembly with SIMD, and exports its pass", async () => {
  const { fusedPassModule } = await import("../../src/fast/wasm/fused-pass.js");
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  expect(wasm.validate(fusedPassModule), "fusedPassModule").toBe(true);
  const memory = new wasm.Memory({ initial: 1 });
  const { exports } = new wasm.Instance(new wasm.Module(fusedPassModule), { env: { memory } });
  expect(Object.keys(exports)).toEqual(["pass"]);
  expect(typeof exports.pass).toBe("function");
});
