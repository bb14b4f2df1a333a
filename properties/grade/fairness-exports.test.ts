import { describe, expect, test } from "vitest";
import {
  closestName,
  contractFunctions,
  CONTRACT_FUNCTIONS,
  exportNotes,
  NOTES_EXPORT,
  readExportNotes,
} from "../../src/grade/exports.js";
import { ARTICLE_STEP } from "../../src/contract.js";
import * as reference from "../../src/reference/index.js";

/**
 * src/grade/exports.ts: where a submission's functions are found (named, CommonJS, default), and
 * what a missing or misspelt one says — only when it is called.
 */

/** The reference's functions without `names`. */
function without(...names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(reference).filter(([name]) => !names.includes(name)));
}
const withoutDescent = without("gradientDescent");

function thrown(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the call to throw");
}

describe("contractFunctions", () => {
  test("named exports are taken as they are", () => {
    const functions = contractFunctions({ ...reference });
    for (const name of CONTRACT_FUNCTIONS) expect(functions[name]).toBe(reference[name]);
  });

  test("a CommonJS module.exports or a default export holding the functions is read, `this` kept", () => {
    const holder = {
      scale: 2,
      sigmoid(z: number) {
        return this.scale * z;
      },
    };
    const commonJs = contractFunctions({ default: holder, sigmoid: holder.sigmoid });
    const esDefault = contractFunctions({ default: holder });
    expect((commonJs.sigmoid as (z: number) => number)(3)).toBe(6);
    expect((esDefault.sigmoid as (z: number) => number)(3)).toBe(6);
  });

  test("a missing function throws only when called, naming its step", () => {
    const functions = contractFunctions({ ...withoutDescent });
    expect(functions.sigmoid).toBe(reference.sigmoid);
    expect(thrown(() => functions.gradientDescent())).toBe(
      "does not export gradientDescent (article step 4)",
    );
  });

  test("a misspelt export is named as the closest", () => {
    const functions = contractFunctions({
      ...without("computeGradientsVectorized"),
      computeGradientVectorized: reference.computeGradientsVectorized,
    });
    expect(thrown(() => functions.computeGradientsVectorized())).toBe(
      "does not export computeGradientsVectorized (article step 3); did you mean computeGradientVectorized?",
    );
  });

  test("a module with none of the functions says what it exports instead", () => {
    const functions = contractFunctions({ model: { ...reference }, version: 2 });
    expect(thrown(() => functions.predict())).toMatch(
      /^does not export predict \(article step 1\); it exports model \(an object with keys [^)]*\), version \(a number\)$/,
    );
    expect(thrown(() => contractFunctions({}).sigmoid())).toBe(
      "does not export sigmoid (article step 1); it exports nothing",
    );
  });
});

describe("closestName", () => {
  test.each([
    [
      "computeGradientsVectorized",
      ["computeGradientVectorized", "predict"],
      "computeGradientVectorized",
    ],
    ["sigmoid", ["Sigmoid"], "Sigmoid"],
    ["sigmoid", ["sigmod"], "sigmod"],
    ["predict", ["predictAll"], undefined],
    ["f1", ["f2"], undefined],
    ["gradientDescent", ["gradientDescentLoop"], undefined],
  ])("%s among %j → %s", (name, offered, expected) => {
    expect(closestName(name, offered)).toBe(expected);
  });
});

describe("exportNotes", () => {
  test("nothing missing, no note", () => {
    expect(exportNotes({ ...reference })).toEqual([]);
  });

  test("a misspelling gets its own note, every other missing function one note together", () => {
    const module = {
      ...without("computeGradientsVectorized", "gradientDescent", "logLoss"),
      computeGradientVectorized: reference.computeGradientsVectorized,
    };
    expect(exportNotes(module)).toEqual([
      "does not export computeGradientsVectorized (article step 3); did you mean computeGradientVectorized?",
      "does not export gradientDescent (article step 4), logLoss (article step 9)",
    ]);
  });

  test("a module with none of them: one note, with what it exports", () => {
    expect(exportNotes({ default: 42 })).toEqual([
      `does not export ${CONTRACT_FUNCTIONS.map((name) => `${name} (article step ${ARTICLE_STEP[name]})`).join(", ")}; it exports default (a number)`,
    ]);
  });
});

describe("readExportNotes", () => {
  test("takes strings only, bounded, from the sandbox's answer", () => {
    const answer = ["a note", 7, { toString: () => "x" }, "y".repeat(1500), ...Array(30).fill("z")];
    const notes = readExportNotes((name) => (name === NOTES_EXPORT ? answer : undefined));
    expect(notes[0]).toBe("a note");
    expect(notes[1]).toBe("y".repeat(1000));
    expect(notes).toHaveLength(20);
  });

  test("no notes from a sandbox that does not answer or answers nonsense", () => {
    const stopped = () => {
      throw new Error("the sandbox was stopped");
    };
    expect(readExportNotes(stopped)).toEqual([]);
    expect(readExportNotes(() => "does not export predict")).toEqual([]);
  });
});
