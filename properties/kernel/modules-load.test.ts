import { readdirSync } from "node:fs";
import { expect, test } from "vitest";
import type { WasmApi } from "../../src/reference/fused-kernel.js";

/**
 * The kernel's WebAssembly bytes are built when src/reference/wasm/fused-pass.ts is first
 * imported. A mistake there throws at import time, which fails every test file that imports the
 * reference statically before any of their tests runs; this file imports the modules inside its
 * tests, so that such a failure is reported as a failing test (and counted by Stryker, which
 * otherwise sees no test results at all and scores the mutant a survivor).
 */
const referenceModules = readdirSync(new URL("../../src/reference/", import.meta.url), {
  recursive: true,
  encoding: "utf8",
}).filter((file) => file.endsWith(".ts"));

test("every module of src/reference loads", async () => {
  expect(referenceModules).toContain("wasm/fused-pass.ts");
  for (const file of referenceModules) {
    const url = new URL(`../../src/reference/${file}`, import.meta.url).href;
    await expect(import(/* @vite-ignore */ url), file).resolves.toBeDefined();
  }
});

test("the kernel's two WebAssembly modules (unshared and shared memory) are valid WebAssembly with SIMD", async () => {
  const { fusedPassModule, sharedFusedPassModule } =
    await import("../../src/reference/wasm/fused-pass.js");
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  expect(wasm.validate(fusedPassModule), "fusedPassModule").toBe(true);
  expect(wasm.validate(sharedFusedPassModule), "sharedFusedPassModule").toBe(true);
});
