import type { PropertyId } from "./types.js";

/**
 * The rubric (`npm run grade -- --rubric <file>`): a small JSON file that sets points and hides
 * properties from the learner's feedback.
 *
 *     {
 *       "steps": { "4": 2 },
 *       "stepTotals": { "2": 10 },
 *       "properties": { "gradientDescent is deterministic: …": 5 },
 *       "hidden": ["permuting the rows leaves the cost and the gradients unchanged, to rounding"]
 *     }
 *
 * - `steps`: points for each property of that article step (default 1);
 * - `stepTotals`: points for the whole step, divided equally among its properties (a step given
 *   here may not be in `steps`, nor have a property in `properties`);
 * - `properties`: points for one property, by its test name (overrides its step's);
 * - `hidden`: properties graded but left out of the learner's feedback (their points still count).
 *
 * Every key is optional; a step or a property the suite does not have is an error.
 */
export interface Rubric {
  steps: Record<string, number>;
  properties: Record<string, number>;
  hidden: string[];
}

export const defaultRubric: Rubric = { steps: {}, properties: {}, hidden: [] };

export class RubricError extends Error {}

function fail(file: string, path: string, expected: string, got: unknown): never {
  const shown = got === undefined ? "nothing" : JSON.stringify(got);
  throw new RubricError(`${file}: ${path}: expected ${expected}, got ${shown}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function points(file: string, path: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(file, path, "a number of points ≥ 0", value);
  }
  return value;
}

function shorten(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

/**
 * Adds `stepTotals` to the rubric: each step's total, divided equally among its properties, is
 * stored as the points of each property of the step (`steps`).
 */
function parseStepTotals(file: string, value: unknown, properties: PropertyId[], rubric: Rubric) {
  if (!isRecord(value)) fail(file, "$.stepTotals", 'an object like { "2": 10 }', value);
  const steps = [...new Set(properties.map((p) => p.step))];
  for (const [step, total] of Object.entries(value)) {
    const path = `$.stepTotals[${JSON.stringify(step)}]`;
    const members = properties.filter((p) => String(p.step) === step);
    if (members.length === 0) fail(file, path, `a step of the suite (${steps.join(", ")})`, step);
    if (Object.hasOwn(rubric.steps, step))
      fail(file, path, 'a step that is not also in "steps"', step);
    const own = members.find((p) => Object.hasOwn(rubric.properties, p.name));
    if (own) {
      const why = `a step none of whose properties has points in "properties" ("${shorten(own.name)}" has)`;
      fail(file, path, why, step);
    }
    rubric.steps[step] = points(file, path, total) / members.length;
  }
}

/** Parses and checks a rubric's text against the suite's properties. */
export function parseRubric(file: string, text: string, properties: PropertyId[]): Rubric {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RubricError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(data)) fail(file, "$", 'an object with "steps", "properties" or "hidden"', data);
  for (const key of Object.keys(data)) {
    if (!["steps", "stepTotals", "properties", "hidden"].includes(key)) {
      const keys = '"steps", "stepTotals", "properties" and "hidden"';
      fail(file, `$.${key}`, `no other keys than ${keys}`, data[key]);
    }
  }
  const steps = [...new Set(properties.map((p) => p.step))];
  const names = new Set(properties.map((p) => p.name));
  const knownName = (path: string, name: string) => {
    if (!names.has(name)) {
      fail(
        file,
        path,
        "the name of a property of the suite (a test name in properties/model)",
        name,
      );
    }
  };
  const rubric: Rubric = { steps: {}, properties: {}, hidden: [] };

  if (data.steps !== undefined) {
    if (!isRecord(data.steps)) fail(file, "$.steps", 'an object like { "2": 3 }', data.steps);
    for (const [step, value] of Object.entries(data.steps)) {
      const path = `$.steps[${JSON.stringify(step)}]`;
      if (!steps.includes(Number(step)) || String(Number(step)) !== step) {
        fail(file, path, `a step of the suite (${steps.join(", ")})`, step);
      }
      rubric.steps[step] = points(file, path, value);
    }
  }
  if (data.properties !== undefined) {
    if (!isRecord(data.properties)) {
      fail(file, "$.properties", 'an object like { "<test name>": 2 }', data.properties);
    }
    for (const [name, value] of Object.entries(data.properties)) {
      const path = `$.properties[${JSON.stringify(shorten(name))}]`;
      knownName(path, name);
      rubric.properties[name] = points(file, path, value);
    }
  }
  if (data.stepTotals !== undefined) parseStepTotals(file, data.stepTotals, properties, rubric);
  if (data.hidden !== undefined) {
    if (!Array.isArray(data.hidden)) fail(file, "$.hidden", "an array of test names", data.hidden);
    data.hidden.forEach((name, index) => {
      const path = `$.hidden[${index}]`;
      if (typeof name !== "string") fail(file, path, "a test name (a string)", name);
      knownName(path, name);
      rubric.hidden.push(name);
    });
  }
  return rubric;
}

/** The points a property is worth under the rubric. */
export function pointsFor(rubric: Rubric, property: PropertyId): number {
  return rubric.properties[property.name] ?? rubric.steps[String(property.step)] ?? 1;
}
