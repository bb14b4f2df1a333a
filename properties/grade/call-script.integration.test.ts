import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Sandbox } from "../../src/grade/bridge.js";

/**
 * A property's calls sent ahead (src/grade/call-script.ts): each answer the checks take is the
 * answer of the very call they make, whether it came ahead or one by one. A sandbox of the kind
 * `none` (Node's permission model only) is enough here: the protocol is under test, not the OS
 * sandbox, which red-team.integration.test.ts covers.
 */

const root = resolve(import.meta.dirname, "../..");
let folder: string;
let pipes: string;

/** A submission whose `calls` counts every call it answered, the ones run ahead included. */
const submission = `
let calls = 0;
export function sum(a) { calls++; let s = 0; for (const v of a) s += v; return s; }
export function scaled(a, k) { calls++; return a.map((v) => v * k); }
export function doubleInPlace(a) { calls++; for (let i = 0; i < a.length; i++) a[i] *= 2; }
export function applied(f, x) { calls++; return f(x); }
export function answered() { return calls; }
`;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "logreg-call-script-"));
  pipes = await mkdtemp(join(tmpdir(), "logreg-call-script-pipes-"));
  for (const file of ["sandbox.mjs", "codec.mjs"]) {
    await copyFile(join(root, "src/grade", file), join(folder, file));
  }
  await writeFile(join(folder, "bundle.mjs"), submission);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(pipes, { recursive: true, force: true });
});

function sandbox(): Sandbox {
  const options = { folder, pipes, confinement: "none" as const, memoryMb: 256, cpuSeconds: 60 };
  const started = new Sandbox({ ...options, maxFrameBytes: 2 ** 24 }, 10_000);
  expect(started.stopped).toBeUndefined();
  started.beginStep(30_000);
  return started;
}

/** A property's calls: sums of shared and fresh arrays, a scaling, an in-place change. */
function property(box: Sandbox, key: string, shift = 0): unknown[] {
  box.beginProperty(key);
  const x = new Float64Array([1, 2, 3]);
  const answers: unknown[] = [];
  for (let i = 0; i < 5; i++) {
    answers.push(box.call("sum", [x]));
    answers.push(box.call("scaled", [x, i === 3 ? 10 + shift : 10]));
    answers.push(box.call("sum", [new Float64Array([i, i + 1])]));
  }
  const changed = new Float64Array([4, 5]);
  box.call("doubleInPlace", [changed]);
  answers.push(Array.from(changed), box.call("sum", [x]));
  box.endProperty(true);
  return answers;
}

let fresh = 0;

/** The answers of {@link property}'s calls made one by one: a new sandbox, a key never seen. */
function oneByOne(shift = 0): unknown[] {
  const box = sandbox();
  try {
    const answers = property(box, `one by one ${fresh++}`, shift);
    expect(box.answeredAhead).toBe(0);
    return answers;
  } finally {
    box.stop();
  }
}

describe("a property's calls sent ahead", () => {
  test.each([
    ["follows its script", 0],
    ["differs from its script at its 11th call", 1],
  ])(
    "a property's second run that %s gets the answers the calls get one by one",
    { timeout: 30_000 },
    (_, shift) => {
      const box = sandbox();
      try {
        const key = `second run ${shift}`;
        expect(property(box, key)).toEqual(oneByOne());
        expect(box.answeredAhead).toBe(0);
        const second = property(box, key, shift);
        expect(second).toEqual(oneByOne(shift));
        expect(second.at(-2)).toEqual([8, 10]); // the in-place change came back
        // 17 calls a run: the whole script is taken, or its first 10 calls and no more.
        expect(box.answeredAhead).toBe(shift === 0 ? 17 : 10);
      } finally {
        box.stop();
      }
    },
  );

  test(
    "the calls a differing run does not make are run ahead, and only those of that property",
    {
      timeout: 30_000,
    },
    () => {
      const box = sandbox();
      try {
        property(box, "ahead");
        expect(box.call("answered", [])).toBe(17);
        property(box, "ahead", 1); // 17 sent ahead, 10 taken: the other 7 ran, and 7 ran one by one
        expect(box.call("answered", [])).toBe(17 + 17 + 7);
        property(box, "ahead", 1); // now only the first 10 are sent ahead
        expect(box.call("answered", [])).toBe(17 + 17 + 7 + 17);
        expect(box.answeredAhead).toBe(20);
      } finally {
        box.stop();
      }
    },
  );

  test(
    "a call that passes a function ends the script: the calls before it are taken ahead",
    {
      timeout: 30_000,
    },
    () => {
      const box = sandbox();
      const run = () => {
        box.beginProperty("callbacks");
        const answers = [
          box.call("sum", [new Float64Array([1, 2])]),
          box.call("applied", [(v: number) => v + 1, 41]),
          box.call("sum", [new Float64Array([3])]),
        ];
        box.endProperty(true);
        return answers;
      };
      try {
        expect(run()).toEqual([3, 42, 3]);
        expect(run()).toEqual([3, 42, 3]);
        expect(box.answeredAhead).toBe(1);
      } finally {
        box.stop();
      }
    },
  );

  test(
    "a property that fails keeps the script it had; one that ends early leaves the calls in step",
    {
      timeout: 30_000,
    },
    () => {
      const box = sandbox();
      try {
        property(box, "early");
        box.beginProperty("early");
        expect(box.call("sum", [new Float64Array([1, 2, 3])])).toBe(6);
        box.endProperty(false); // 16 answers dropped, the script kept
        expect(box.call("sum", [new Float64Array([5])])).toBe(5);
        expect(property(box, "early")).toEqual(oneByOne());
        expect(box.answeredAhead).toBe(1 + 17);
      } finally {
        box.stop();
      }
    },
  );
});
