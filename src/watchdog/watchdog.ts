/**
 * Learner code under a watchdog: the module runs in a worker thread, and each call of one of its
 * functions is posted there while the caller blocks (Atomics.wait) until the reply or a time
 * limit. A call that does not return in time fails with "sigmoid did not return within 10 s (an
 * infinite loop?) — article step 1"; the worker is then ended, that function is not called
 * again (each later call fails at once, saying why), and the others get a fresh worker. A call
 * that records progress (gradientDescent setting a costHistory entry, or calling back the
 * caller's gradientFunction) gets a fresh 10 s from then: a long training run is not a loop.
 *
 * Calls keep their meaning for the caller: arguments the function changed are copied back into
 * the caller's own objects, a returned argument is the caller's own object, a function argument
 * (gradientDescent's gradientFunction) is called back in the caller's thread, or in the worker
 * when it is one of the module's own functions. The learner's console output is kept (bounded,
 * see output.mjs) and handed to `onOutput` after each call, the stopped ones included.
 */
import { MessageChannel, Worker } from "node:worker_threads";
import { ARTICLE_STEP, type ContractFunction } from "../contract.js";
import { HEARTBEAT, receive, send, TO_CALLER, TO_WORKER } from "./channel.mjs";
import { outputBuffer, takeOutput } from "./output.mjs";
import { copyBack, decode, encode, identities, keepResults, restore } from "./transfer.mjs";

/** The time a call (or the module's loading) may take: 10 s. */
const CALL_SECONDS = 10;

/**
 * The time the worker may take to start, before it loads the learner's module (the kit's own
 * code: the TypeScript loader's registration, which takes seconds on a loaded machine): 60 s.
 */
const START_SECONDS = 60;

export interface WatchdogOptions {
  /** Seconds a call may take (default CALL_SECONDS). */
  seconds?: number;
  /** Receives the learner's console output of each call, and the count of bytes not kept. */
  onOutput?: (text: string, dropped: number) => void;
}

/** A watched module: its exported functions, each running under the watchdog. */
export type WatchedModule = Record<string, (...args: unknown[]) => unknown>;

interface Reply {
  kind: "started" | "ready" | "failed" | "return" | "throw" | "callback";
  value?: unknown;
  args?: unknown;
  index?: number;
  functions?: string[];
  /** With "return": the ids of the result's typed arrays (transfer.mjs, resultIdentities). */
  results?: number[];
}

/**
 * What keeps identity across calls to one worker (transfer.mjs): the id of each argument or
 * result that has one, and each result array by id. A new worker starts both afresh, as its ids
 * name none of the old worker's arrays.
 */
interface Identities {
  ids: WeakMap<object, number>;
  results: Map<number, WeakRef<object>>;
}

interface Connection {
  worker: Worker;
  port: MessagePort;
  counters: Int32Array;
  output: SharedArrayBuffer;
  functions: string[];
}

type MessagePort = InstanceType<typeof MessageChannel>["port1"];

/** "sigmoid (article step 1)" style suffix for a contract function, or "" for any other. */
function stepOf(name: string): string {
  const step = ARTICLE_STEP[name as ContractFunction] as number | undefined;
  return step === undefined ? "" : ` — article step ${step}`;
}

/**
 * Starts a worker on `modulePath` and waits for it to start (at most START_SECONDS), then to
 * load the module (at most `seconds`).
 */
function connect(modulePath: string, seconds: number, onOutput: WatchdogOptions["onOutput"]) {
  const { port1, port2 } = new MessageChannel();
  const counters = new Int32Array(new SharedArrayBuffer(12));
  const output = outputBuffer();
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
    workerData: { modulePath, counters: counters.buffer, output, port: port2 },
    transferList: [port2],
  });
  worker.unref();
  const wait = (limit: number) =>
    receive(port1, counters, TO_CALLER, performance.now() + limit * 1000) as Reply | undefined;
  const started = wait(START_SECONDS);
  if (started === undefined) {
    void worker.terminate();
    throw new Error(`the watchdog's worker did not start within ${START_SECONDS} s`);
  }
  const reply = started.kind === "started" ? wait(seconds) : started;
  const { text, dropped } = takeOutput(output);
  if (text || dropped) onOutput?.(text, dropped);
  if (reply?.kind === "ready") {
    return { worker, port: port1, counters, output, functions: reply.functions ?? [] };
  }
  void worker.terminate();
  if (reply === undefined) {
    throw new Error(
      `${modulePath} did not finish loading within ${seconds} s (an infinite loop at import?)`,
    );
  }
  throw reply.value instanceof Error ? reply.value : new Error(String(reply.value));
}

/**
 * Loads `modulePath` in a worker thread (blocking, at most the call time) and returns its
 * functions, each called under the watchdog. Throws when the module fails to load, or does not
 * finish loading in time.
 */
export function watchModule(modulePath: string, options: WatchdogOptions = {}): WatchedModule {
  const seconds = options.seconds ?? CALL_SECONDS;
  let connection: Connection | undefined = connect(modulePath, seconds, options.onOutput);
  const hung = new Map<string, string>();
  const watched: WatchedModule = {};
  const own = new Map<unknown, string>();
  const fresh = (): Identities => ({ ids: new WeakMap(), results: new Map() });
  let identity = fresh();

  const call = (name: string, args: unknown[]): unknown => {
    const verdict = hung.get(name);
    if (verdict !== undefined) {
      throw new Error(`${verdict} (at an earlier call: it is not called again in this run)`);
    }
    if (connection === undefined) {
      connection = connect(modulePath, seconds, options.onOutput);
      identity = fresh();
    }
    const result = exchange(
      connection,
      name,
      args,
      { own, ...identity },
      seconds,
      options.onOutput,
    );
    if (result.kind === "timeout") {
      void connection.worker.terminate();
      connection = undefined;
      const since = result.value === true ? " of its last progress" : "";
      const verdict = `${name} did not return within ${seconds} s${since} (an infinite loop?)${stepOf(name)}`;
      hung.set(name, verdict);
      throw new Error(verdict);
    }
    if (result.kind === "throw") throw result.value;
    return result.value;
  };

  for (const name of connection.functions) {
    const wrapped = (...args: unknown[]) => call(name, args);
    Object.defineProperty(wrapped, "name", { value: name });
    own.set(wrapped, name);
    watched[name] = wrapped;
  }
  return watched;
}

/** Runs the caller-side function `fn` for the worker and posts its outcome back. */
function answerCallback(connection: Connection, fn: unknown, received: unknown): void {
  const args = decode(received, () => {
    throw new Error("a function passed to a callback cannot be called back");
  }) as unknown[];
  let outcome: { threw: boolean; value: unknown };
  try {
    outcome = { threw: false, value: (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    outcome = { threw: true, value: error };
  }
  send(connection.port, connection.counters, TO_WORKER, {
    kind: "callback-return",
    args: encode(args, []),
    threw: outcome.threw,
    [outcome.threw ? "error" : "value"]: outcome.value,
  });
}

/**
 * One call of `name` in the worker: posts it, answers its callbacks, and waits for its reply
 * until the deadline, which progress moves (see above). Copies changed arguments back.
 */
function exchange(
  connection: Connection,
  name: string,
  args: unknown[],
  { own, ids, results }: { own: Map<unknown, string> } & Identities,
  seconds: number,
  onOutput: WatchdogOptions["onOutput"],
): { kind: "return" | "throw" | "timeout"; value?: unknown } {
  const functions: unknown[] = [];
  const encoded = encode(args, functions);
  const names = functions.map((fn) => own.get(fn));
  send(connection.port, connection.counters, TO_WORKER, {
    name,
    args: encoded,
    functions: names,
    ids: identities(args, ids),
  });
  let deadline = performance.now() + seconds * 1000;
  let heartbeat = Atomics.load(connection.counters, HEARTBEAT);
  let progressed = false;
  try {
    for (;;) {
      const reply = receive(connection.port, connection.counters, TO_CALLER, deadline) as
        Reply | undefined;
      if (reply === undefined) {
        const beats = Atomics.load(connection.counters, HEARTBEAT);
        if (beats === heartbeat) return { kind: "timeout", value: progressed };
        progressed = true;
        heartbeat = beats;
        deadline = performance.now() + seconds * 1000;
        continue;
      }
      if (reply.kind === "callback") {
        answerCallback(connection, functions[reply.index ?? -1], reply.args);
        deadline = performance.now() + seconds * 1000;
        progressed = true;
        continue;
      }
      const mapping = copyBack(args, reply.args);
      const value = restore(reply.value, mapping);
      if (reply.kind === "throw") return { kind: "throw", value };
      return { kind: "return", value: keepResults(value, reply.results, ids, results) };
    }
  } finally {
    const { text, dropped } = takeOutput(connection.output);
    if (text || dropped) onOutput?.(text, dropped);
  }
}
