/**
 * What the grade runner (runner.ts) gives the property files in place of "vitest": the few parts
 * of its API they use — `test` (alias `it`), `describe`, `expect.getState()` and `vi.setConfig` —
 * so that the same files run in one long-lived process, submission after submission, without
 * starting vitest for each. A property file that needs more of vitest fails to load with a clear
 * error, on every submission alike; extend this module then.
 */

export type TestFunction = () => unknown;

export interface RegisteredTest {
  /** The name as vitest's JSON reporter gives it: describe blocks and the test, joined by " ". */
  name: string;
  fn: TestFunction;
  skipped: boolean;
}

interface State {
  tests: RegisteredTest[];
  prefix: string[];
  currentTestName: string | undefined;
  testPath: string | undefined;
}

const state: State = { tests: [], prefix: [], currentTestName: undefined, testPath: undefined };

/** Starts collecting the tests of the file at `path` (absolute). */
export function beginFile(path: string): void {
  state.tests = [];
  state.prefix = [];
  state.testPath = path;
  state.currentTestName = undefined;
}

/** The tests the file registered since {@link beginFile}. */
export function collected(): RegisteredTest[] {
  return state.tests;
}

/**
 * Tells `expect.getState()` which test is running (vitest's name: describe blocks and test, " > ")
 * and, when given, its file (the files' tests are re-run long after they were loaded).
 */
export function setCurrentTest(name: string | undefined, path?: string): void {
  state.currentTestName = name;
  if (path !== undefined) state.testPath = path;
}

function register(name: string, fn: TestFunction | undefined, skipped: boolean): void {
  state.tests.push({ name: [...state.prefix, name].join(" "), fn: fn ?? (() => {}), skipped });
}

function unsupported(what: string): never {
  throw new Error(`the grade runner (src/grade/vitest-shim.ts) does not support ${what}`);
}

type TestApi = ((name: string, fn?: TestFunction, options?: unknown) => void) & {
  skip: (name: string, fn?: TestFunction) => void;
  todo: (name: string) => void;
  only: (name: string, fn?: TestFunction) => void;
  each: () => never;
  concurrent: (name: string, fn?: TestFunction) => void;
};

function makeTest(): TestApi {
  const api = ((name: string, fn?: TestFunction) => register(name, fn, false)) as TestApi;
  api.skip = (name, fn) => register(name, fn, true);
  api.todo = (name) => register(name, undefined, true);
  api.only = (name, fn) => register(name, fn, false);
  api.concurrent = (name, fn) => register(name, fn, false);
  api.each = () => unsupported("test.each");
  return api;
}

export const test = makeTest();
export const it = test;

export function describe(name: string, body: () => void): void {
  state.prefix.push(name);
  try {
    body();
  } finally {
    state.prefix.pop();
  }
}

function hook(name: string) {
  return () => unsupported(name);
}
export const beforeAll = hook("beforeAll");
export const afterAll = hook("afterAll");
export const beforeEach = hook("beforeEach");
export const afterEach = hook("afterEach");

export const expect = Object.assign(() => unsupported("expect(…) matchers"), {
  getState: () => ({ currentTestName: state.currentTestName, testPath: state.testPath }),
});

export const vi = {
  setConfig: () => {},
};
