/**
 * The watchdog's worker thread (see watchdog.ts): loads the learner's module, then serves one
 * call at a time, blocking between calls. Its console output goes to a bounded shared buffer
 * (output.mjs) that the caller reads after each call, even after a call that never returned.
 *
 * Plain JavaScript: a worker thread cannot use the kit's TypeScript loader until it has
 * imported it through tsx's tsImport, which it does for the module.
 */
import { pathToFileURL } from "node:url";
import { workerData } from "node:worker_threads";
import { HEARTBEAT, receive, send, TO_CALLER, TO_WORKER } from "./channel.mjs";
import { captureConsole } from "./output.mjs";
import { adopt, copyBack, decode, encode, restore, resultIdentities } from "./transfer.mjs";

const { modulePath, counters: sharedCounters, output, port } = workerData;
const counters = new Int32Array(sharedCounters);
const toCaller = (message) => send(port, counters, TO_CALLER, message);

captureConsole(output);

/** A function that asks the caller's thread to run its function number `index`. */
function callback(index) {
  return (...args) => {
    toCaller({ kind: "callback", index, args: encode(args, []) });
    const reply = receive(port, counters, TO_WORKER);
    const mapping = copyBack(args, reply.args);
    if (reply.threw) throw reply.error;
    return restore(reply.value, mapping);
  };
}

/**
 * The arrays among the options objects of `args` (gradientDescent's costHistory), each behind a
 * proxy that bumps the heartbeat when an element is set: a long gradient descent that records a
 * cost per epoch is making progress, and the caller extends its deadline.
 */
function withHeartbeat(args) {
  const beat = {
    set(target, key, value) {
      Atomics.add(counters, HEARTBEAT, 1);
      return Reflect.set(target, key, value);
    },
  };
  for (const arg of args) {
    if (
      arg === null ||
      typeof arg !== "object" ||
      Object.getPrototypeOf(arg) !== Object.prototype
    ) {
      continue;
    }
    for (const [key, value] of Object.entries(arg)) {
      if (Array.isArray(value)) arg[key] = new Proxy(value, beat);
    }
  }
  return args;
}

/** Sends `what` (a result or a thrown value) back, or why it cannot be sent. */
function reply(kind, name, args, what) {
  try {
    const results = kind === "return" ? resultIdentities(what, known, kept) : undefined;
    toCaller({ kind, args: encode(args, []), value: what, results });
  } catch (error) {
    const why = `${name} ${kind === "throw" ? "threw" : "returned"} a value that cannot be passed back (${error.message})`;
    toCaller({ kind: "throw", args: encode(args, []), value: new Error(why) });
  }
}

/** The arguments and results that keep their identity across calls, by id (transfer.mjs). */
const kept = new Map();
/** The id of each argument or result that has one (object → id). */
const known = new WeakMap();

function serve(module) {
  for (;;) {
    const { name, args, functions, ids } = receive(port, counters, TO_WORKER);
    const resolve = (index) => {
      const own = functions[index];
      return own === undefined ? callback(index) : module[own];
    };
    const decoded = adopt(withHeartbeat(decode(args, resolve)), ids, kept, known);
    let result;
    try {
      result = module[name](...decoded);
    } catch (error) {
      reply("throw", name, decoded, error);
      continue;
    }
    reply("return", name, decoded, result);
  }
}

/**
 * The module's functions: its named exports, and those of an object default export (CommonJS's
 * `module.exports = {…}`, `export default {…}`), read as src/grade/exports.ts reads them: a
 * default export's function is bound to its object, and a different named export of the same
 * name wins.
 */
function functionsOf(namespace) {
  const holder =
    namespace.default !== null && typeof namespace.default === "object"
      ? namespace.default
      : undefined;
  const functions = {};
  for (const [key, value] of Object.entries(holder ?? {})) {
    if (typeof value === "function") functions[key] = value.bind(holder);
  }
  for (const [key, value] of Object.entries(namespace)) {
    if (typeof value === "function" && value !== holder?.[key]) functions[key] = value;
  }
  return functions;
}

let loaded;
try {
  // tsImport, not register() + import(): it loads the module as ES whatever package.json (if
  // any) is above it, so a LOGREG_IMPL module in a folder without "type": "module" (a temporary
  // folder, a class submission) loads instead of failing with ERR_REQUIRE_CYCLE_MODULE.
  const { tsImport } = await import("tsx/esm/api");
  toCaller({ kind: "started" });
  loaded = functionsOf(await tsImport(pathToFileURL(modulePath).href, import.meta.url));
} catch (error) {
  toCaller({ kind: "failed", value: error });
}
if (loaded) {
  const functions = Object.keys(loaded).filter((key) => typeof loaded[key] === "function");
  toCaller({ kind: "ready", functions });
  serve(loaded);
}
