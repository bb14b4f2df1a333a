/**
 * The sandbox host: runs ONE learner's submission (a JavaScript bundle made by the grader) in a
 * process of its own, started by scripts/grade/bridge-worker.mjs as
 *
 *     node --experimental-permission --allow-fs-read=<its scratch folder> \
 *          --max-old-space-size=<MB> sandbox.mjs <bundle.mjs>
 *
 * under `ulimit -v`, so that the submission cannot write files, spawn processes or workers, read
 * outside its folder, or allocate without bound. It answers function calls, synchronously, over
 * two pipes: requests on fd 3, replies on fd 4; each message is a 4-byte little-endian length and
 * a v8-serialized (structured clone) value, which keeps Float64Array. stdout and stderr are not
 * read by anyone but the grader's own diagnostics: whatever the submission prints counts for
 * nothing.
 *
 * Messages to the grader: ready {exports}, load-error {error}, result {value, args},
 * threw {error}, callback {id, args} (the submission calls a function the checks passed in, e.g.
 * gradientDescent's gradientFunction), exit {code}. From the grader: call {name, args},
 * callback-result {value} or {error}. A call may nest inside a callback and the reverse.
 *
 * Plain JavaScript: it runs under bare Node, without the kit's TypeScript loader.
 */
import { Buffer } from "node:buffer";
import { readSync, writeSync } from "node:fs";
import process from "node:process";
import { deserialize, serialize } from "node:v8";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

// Taken before the submission runs, so that patching globals only breaks the submission itself.
const ByteBuffer = Buffer;
const realExit = process.exit.bind(process);
const clock = performance.now.bind(performance);
/** When the message being answered arrived: each reply says how long the submission took since. */
let since = clock();
const CALLBACK = "__logregGradeCallback__";
const REQUESTS = 3;
const REPLIES = 4;

// What one read brought beyond the message it completed: the start of the next one.
let inbox = ByteBuffer.alloc(0);
const chunk = ByteBuffer.allocUnsafe(65536);

function readExactly(length) {
  if (inbox.length >= length) {
    const out = inbox.subarray(0, length);
    inbox = inbox.subarray(length);
    return out;
  }
  const out = ByteBuffer.allocUnsafe(length);
  let have = inbox.copy(out);
  inbox = ByteBuffer.alloc(0);
  while (have < length) {
    const read = readSync(REQUESTS, chunk, 0, chunk.length, null);
    if (read === 0) realExit(0); // the grader went away
    const used = Math.min(read, length - have);
    chunk.copy(out, have, 0, used);
    have += used;
    if (used < read) inbox = ByteBuffer.from(chunk.subarray(used, read));
  }
  return out;
}

function receive() {
  const message = deserialize(readExactly(readExactly(4).readUInt32LE(0)));
  since = clock();
  return message;
}

function send(message) {
  const body = serialize({ ...message, ms: clock() - since });
  const frame = ByteBuffer.allocUnsafe(4 + body.length);
  frame.writeUInt32LE(body.length, 0);
  body.copy(frame, 4);
  let offset = 0;
  while (offset < frame.length) offset += writeSync(REPLIES, frame, offset);
}

function describeError(error) {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    return { name: "thrown value", message: String(error) };
  } catch {
    return { name: "thrown value", message: "(cannot be printed)" };
  }
}

/** Replaces the grader's callback markers in the arguments by functions that call back. */
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    if (CALLBACK in value) {
      const id = value[CALLBACK];
      return (...args) => {
        send({ kind: "callback", id, args });
        return serve("callback-result");
      };
    }
    for (const key of Object.keys(value)) value[key] = revive(value[key]);
  }
  return value;
}

/** The arguments after a call, as the grader can read them back: functions become null. */
function strip(value) {
  if (typeof value === "function") return null;
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    const out = {};
    for (const key of Object.keys(value)) out[key] = strip(value[key]);
    return out;
  }
  return value;
}

let submission;

function answer(request) {
  const target = submission[request.name];
  if (typeof target !== "function") {
    send({ kind: "threw", error: { name: "Error", message: `does not export ${request.name}` } });
    return;
  }
  const args = revive(request.args);
  let value;
  try {
    value = target(...args);
  } catch (error) {
    send({ kind: "threw", error: describeError(error) });
    return;
  }
  try {
    send({ kind: "result", value, args: strip(args) });
  } catch (error) {
    const why = describeError(error).message;
    send({
      kind: "threw",
      error: { name: "Error", message: `returned a value the grader cannot read (${why})` },
    });
  }
}

/** Answers calls until a message of kind `until` arrives (a callback's result), then returns it. */
function serve(until) {
  for (;;) {
    const message = receive();
    if (message.kind === "call") answer(message);
    else if (message.kind === until) {
      if (message.error) {
        const error = new Error(message.error.message);
        error.name = message.error.name;
        throw error;
      }
      return message.value;
    }
  }
}

process.exit = (code) => {
  try {
    send({ kind: "exit", code: code ?? process.exitCode ?? 0 });
  } finally {
    realExit(code);
  }
};

try {
  submission = await import(pathToFileURL(process.argv[2]).href);
} catch (error) {
  send({ kind: "load-error", error: describeError(error) });
  realExit(0);
}
send({
  kind: "ready",
  exports: Object.keys(submission).map((name) => [name, typeof submission[name]]),
});
serve(null);
