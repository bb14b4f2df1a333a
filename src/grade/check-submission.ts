import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SandboxOptions } from "./bridge.js";
import type { Prepared } from "./bundle.js";
import { readExportNotes } from "./exports.js";
import { loadFile, propertyId, type PropertyFile } from "./property-files.js";
import { CALL_REPORTING_CHANGES, type CallReportingChanges } from "./reported-call.js";
import {
  inItsNames,
  pythonPrepared,
  startSandbox,
  type SubmissionProcess,
} from "./python-sandbox.js";
import type { Job, PropertyOutcome, SubmissionOutcome } from "./types.js";
import { setCurrentTest, type RegisteredTest } from "./vitest-shim.js";

/**
 * Checks one submission in the grade runner: every property of every model property file, in
 * step order, loaded against a proxy module whose functions call the submission in its sandbox
 * (bridge.ts). The properties, the oracle and the checks run here; the submission runs only in
 * its sandbox. Each step starts with a fresh CPU budget; a sandbox that stopped (timed out,
 * exited, ran out of memory) is replaced by a fresh one at the next step, which loses only the
 * marks of what broke.
 */

const BRIDGE = "__logregGradeBridge__";
/** A failure message longer than this is cut (a submission can make an actual value huge). */
const MAX_MESSAGE = 6000;
/** The largest message a sandbox may send. */
const MAX_FRAME_BYTES = 16 * 2 ** 20;

function cut(message: string): string {
  return message.length <= MAX_MESSAGE
    ? message
    : `${message.slice(0, MAX_MESSAGE)}\n  … (${message.length - MAX_MESSAGE} more characters)`;
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default";
}

/** The sandbox the proxy's functions call: the current submission's, while it is graded. */
let activeSandbox: SubmissionProcess | undefined;

(globalThis as Record<string, unknown>)[BRIDGE] = (name: string) => {
  const sandbox = () => {
    if (!activeSandbox) throw new Error("the grader has no submission to call");
    return activeSandbox;
  };
  const reporting: CallReportingChanges = (args) => sandbox().callReportingChanges?.(name, args);
  return Object.assign((...args: unknown[]) => sandbox().call(name, args), {
    [CALL_REPORTING_CHANGES]: reporting,
  });
};

/**
 * The proxy module: exactly the functions the submission exports (so that a property file that
 * requires a missing function fails to load as it would in vitest), each forwarding to it.
 */
async function writeProxy(names: string[], folder: string, tag: string): Promise<string> {
  const proxy = join(folder, `proxy-${tag}.mjs`); // a new module: a URL is loaded once
  const lines = names.map(
    (name) => `export const ${name} = globalThis.${BRIDGE}(${JSON.stringify(name)});`,
  );
  await writeFile(proxy, `${lines.join("\n")}\n`);
  return proxy;
}

class Checking {
  readonly notes: string[];
  readonly outcomes: PropertyOutcome[] = [];
  calls = 0;
  answeredAhead = 0;
  /** The CPU milliseconds of the sandboxes it stopped, and the bytes of their messages. */
  sandboxCpuMs = 0;
  readonly bytes = { sent: 0, received: 0 };
  private proxy = "";
  /** The tag of this submission's instances of the property files (property-files.ts). */
  readonly tag: string;

  constructor(
    private readonly job: Job,
    private readonly prepared: Prepared,
    private readonly sandboxOptions: SandboxOptions,
    private sandbox: SubmissionProcess,
  ) {
    this.notes = [...prepared.notes];
    this.tag = `job-${encodeURIComponent(job.id).replaceAll("%", "_")}`;
  }

  failAll(files: PropertyFile[], message: string): void {
    for (const file of files) {
      for (const name of file.tests) {
        this.outcomes.push({ ...propertyId(file, name), passed: false, message });
      }
    }
  }

  display(message: string): string {
    const { displayPath } = this.prepared;
    return cut(
      inItsNames(
        this.prepared,
        message
          .replaceAll(this.proxy, displayPath)
          .replaceAll(dirname(this.proxy), dirname(displayPath)),
      ),
    );
  }

  async start(folder: string): Promise<void> {
    activeSandbox = this.sandbox;
    // "does not export X (article step N); did you mean Y?": the bundle's exports.ts entry.
    this.notes.push(...readExportNotes((name) => this.sandbox.call(name, [])));
    const exported = this.sandbox.exports
      .filter(([name, type]) => type === "function" && isIdentifier(name))
      .map(([name]) => name);
    this.proxy = await writeProxy(exported, folder, this.tag);
    process.env.LOGREG_MODULE = this.proxy;
    process.env.PROPERTY_SEED = String(this.job.seed);
  }

  /** A fresh sandbox for a new step when the last one stopped; the step's budget starts. */
  beginStep(): void {
    if (this.sandbox.stopped) {
      this.count(this.sandbox);
      this.sandbox = startSandbox(this.sandboxOptions, this.job);
      activeSandbox = this.sandbox;
    }
    this.sandbox.beginStep(this.job.stepLimitMs);
  }

  async checkFile(file: PropertyFile): Promise<void> {
    let registered: RegisteredTest[];
    try {
      registered = await loadFile(file.path, this.tag);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      // One line: "step 5: does not export ageGroup (article step 5), …" (requireFunctions).
      const shown = this.display(why).replace(
        `${this.prepared.displayPath} does not export`,
        "does not export",
      );
      const note = `step ${file.step}: ${shown.split("\n")[0]}`;
      if (!this.notes.includes(note)) this.notes.push(note);
      const message = this.display(`the property file failed to load: ${why}`);
      for (const name of file.tests)
        this.outcomes.push({ ...propertyId(file, name), passed: false, message });
      return;
    }
    for (const name of file.tests) await this.checkTest(file, name, registered);
  }

  private async checkTest(file: PropertyFile, name: string, registered: RegisteredTest[]) {
    const id = propertyId(file, name);
    const test = registered.find((t) => t.name === name);
    if (this.sandbox.stopped?.timedOut) {
      const message = `not run: your code ${this.sandbox.stopped.reason} (the limit per step)`;
      this.outcomes.push({ ...id, passed: false, message });
      return;
    }
    if (!test) {
      this.outcomes.push({ ...id, passed: false, message: "not registered" });
      return;
    }
    const stoppedBefore = this.sandbox.stopped;
    setCurrentTest(name, file.path);
    this.sandbox.beginProperty(`${id.file}\0${name}`);
    let passed = false;
    try {
      await test.fn();
      passed = true;
      this.outcomes.push({ ...id, passed });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.outcomes.push({ ...id, passed, message: this.display(message) });
    } finally {
      this.sandbox.endProperty(passed);
      setCurrentTest(undefined);
    }
    if (this.sandbox.stopped && !stoppedBefore) {
      this.notes.push(`step ${file.step}: ${this.sandbox.stopped.reason}`);
    }
  }

  finish(): void {
    this.sandbox.stop();
    this.count(this.sandbox);
    activeSandbox = undefined;
  }

  /** Adds what a stopped sandbox cost to the submission's totals. */
  private count(sandbox: SubmissionProcess): void {
    this.calls += sandbox.calls;
    this.answeredAhead += sandbox.answeredAhead;
    this.sandboxCpuMs += sandbox.cpuMs;
    this.bytes.sent += sandbox.bytes.sent;
    this.bytes.received += sandbox.bytes.received;
  }
}

/**
 * Grades one submission: every property of every file, in step order, against instances of the
 * files of its own; its pipes and proxy module go in the folder `checks`.
 */
export async function checkSubmission(
  job: Job,
  bundled: Prepared,
  files: PropertyFile[],
  checks: string,
): Promise<SubmissionOutcome> {
  // A Python submission is not bundled: its folder is its sandbox's (python-sandbox.ts).
  const prepared = pythonPrepared(job) ?? bundled;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  if (prepared.bundle === undefined) {
    const message = `your code was not run: ${prepared.notes[0] ?? "it could not be prepared"}`;
    const properties = files.flatMap((file) =>
      file.tests.map((name) => ({ ...propertyId(file, name), passed: false, message })),
    );
    return { notes: [...prepared.notes], properties, calls: 0, seconds: 0 };
  }
  const options: SandboxOptions = {
    folder: dirname(prepared.bundle),
    pipes: checks,
    confinement: job.confinement,
    memoryMb: job.memoryMb,
    cpuSeconds: (job.stepLimitMs / 1000) * (new Set(files.map((f) => f.step)).size + 1),
    maxFrameBytes: MAX_FRAME_BYTES,
  };
  const sandbox = startSandbox(options, job);
  const checking = new Checking(job, prepared, options, sandbox);
  if (sandbox.stopped) {
    const reason = sandbox.stopped.reason.startsWith("threw at import")
      ? sandbox.stopped.reason
      : `at import: ${sandbox.stopped.reason}`;
    checking.notes.push(reason);
    checking.failAll(files, `your code was not run: it ${reason}`);
    checking.finish();
    const cpu = { sandbox: checking.sandboxCpuMs / 1000, checks: 0 };
    return {
      notes: checking.notes,
      properties: checking.outcomes,
      calls: 0,
      seconds: seconds(),
      cpu,
      bytes: checking.bytes,
    };
  }
  await checking.start(checks);
  let currentStep: number | undefined;
  try {
    for (const file of files) {
      if (file.step !== currentStep) {
        currentStep = file.step;
        checking.beginStep();
      }
      await checking.checkFile(file);
    }
  } finally {
    checking.finish();
  }
  return {
    notes: checking.notes,
    properties: checking.outcomes,
    calls: checking.calls,
    answeredAhead: checking.answeredAhead,
    seconds: seconds(),
    cpu: { sandbox: checking.sandboxCpuMs / 1000, checks: 0 },
    bytes: checking.bytes,
  };
}
