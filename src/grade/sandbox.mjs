/**
 * The sandbox host: runs ONE learner's submission (a JavaScript bundle made by the grader) in a
 * process of its own, started by src/grade/bridge.ts as
 *
 *     node --experimental-permission --allow-fs-read=<its scratch folder> \
 *          --max-old-space-size=<MB> sandbox.mjs <bundle.mjs>
 *
 * inside an OS sandbox under resource limits (confinement.ts), so that the submission cannot
 * write files, spawn processes or workers, read outside its folder, reach the network, signal
 * other processes, or allocate without bound. It answers function calls, synchronously, over
 * two pipes: requests on fd 3, replies on fd 4; each message is a 4-byte little-endian length, a
 * type and its values in codec.mjs's encoding (copied next to this file), which keeps
 * Float64Array. stdout and stderr are not
 * read by anyone but the grader's own diagnostics: whatever the submission prints counts for
 * nothing.
 *
 * Messages to the grader (a type, then its values; the grader measures time itself, from /proc):
 * READY exports, LOAD_ERROR name message, RESULT_SAME value (the arguments are as they
 * came: nothing to copy back), RESULT value args (it changed them), THREW name message, CALLBACK
 * id args (the submission calls a function the checks passed in, e.g. gradientDescent's
 * gradientFunction), EXIT code. From the grader: CALL forgotten name args (forgotten: a count
 * and the ids of held arrays to drop, or FORGET_ALL; args may hold references to held arrays),
 * BATCH count calls (whole CALL messages sent ahead, answered in order: bridge.ts,
 * call-script.ts), CALLBACK_VALUE value or CALLBACK_ERROR name message. A call may nest inside
 * a callback and the reverse.
 *
 * Plain JavaScript: it runs under bare Node, without the kit's TypeScript loader.
 */
import { Buffer } from "node:buffer";
import { readSync, writeSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { giveBack, Reader, sameBytes, Writer } from "./codec.mjs";

// Taken before the submission runs, so that patching globals only breaks the submission itself.
const ByteBuffer = Buffer;
const realExit = process.exit.bind(process);
const MapCtor = Map;
const mapSet = Function.prototype.call.bind(Map.prototype.set);
const ErrorCtor = Error;
const u8Set = Function.prototype.call.bind(Uint8Array.prototype.set);
const StringCtor = String;
const REQUESTS = 3;
const REPLIES = 4;

// Message types: keep in step with bridge.ts.
const CALL = 1;
const CALLBACK_VALUE = 2;
const CALLBACK_ERROR = 3;
const BATCH = 4;
const FORGET_ALL = 0xffffffff;
const READY = 1;
const LOAD_ERROR = 2;
const RESULT_SAME = 3;
const RESULT = 4;
const THREW = 5;
const CALLBACK = 6;
const EXIT = 7;

// What one read brought beyond the message it completed: the start of the next one.
let inbox = ByteBuffer.alloc(0);
const chunk = ByteBuffer.allocUnsafe(65536);

function readExactly(length) {
  if (inbox.length >= length) {
    const out = inbox.subarray(0, length);
    inbox = inbox.subarray(length);
    return out;
  }
  flush(); // the grader may be waiting for what is kept before it sends more
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

/** The next message, as a Reader whose callback markers become functions that call back. */
function receive(callbackIds) {
  return readerOf(readExactly(readExactly(4).readUInt32LE(0)), callbackIds);
}

/** A Reader of the message `body` whose callback markers become functions that call back. */
function readerOf(body, callbackIds) {
  return new Reader(body, (id) => {
    const stub = (...args) => {
      send(CALLBACK, (w) => {
        w.u32(id);
        w.value(args);
      });
      return serve();
    };
    mapSet(callbackIds, stub, id);
    return stub;
  });
}

/**
 * The messages not yet written: answers are kept until this process is about to wait for the
 * grader (a read that must block), or {@link OUTBOX_BYTES} are kept, or it exits; so the answers
 * to a BATCH go out a few at a time, in one write each, not one write (and one wake-up of the
 * grader) per answer.
 */
const OUTBOX_BYTES = 32768;
const outbox = ByteBuffer.allocUnsafe(OUTBOX_BYTES);
let outboxLength = 0;

function writeAll(bytes) {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(REPLIES, bytes, offset);
}

function flush() {
  if (outboxLength === 0) return;
  const kept = subarray(outbox, 0, outboxLength);
  outboxLength = 0;
  writeAll(kept);
}

/** Keeps `frame` to be written with the next {@link flush}; a large one goes out at once. */
function post(frame) {
  if (outboxLength + frame.length > OUTBOX_BYTES) flush();
  if (frame.length > OUTBOX_BYTES) writeAll(frame);
  else {
    u8Set(outbox, frame, outboxLength);
    outboxLength += frame.length;
  }
}

// One writer, and a fresh one for a message sent while it is busy (a getter that calls back).
const shared = new Writer();
let sharedBusy = false;

/** Sends a message of `type` whose values `write` writes; `write` may return another type. */
function send(type, write, callbackIds) {
  const busy = sharedBusy;
  const w = busy ? new Writer() : shared;
  sharedBusy = true;
  try {
    w.reset();
    w.callbackIds = callbackIds;
    w.u8(type);
    const actual = write ? write(w) : undefined;
    if (actual !== undefined) w.buffer[4] = actual;
    post(w.finish());
  } finally {
    sharedBusy = busy;
  }
}

function describeError(error) {
  try {
    if (error instanceof ErrorCtor)
      return { name: StringCtor(error.name), message: StringCtor(error.message) };
    return { name: "thrown value", message: StringCtor(error) };
  } catch {
    return { name: "thrown value", message: "(cannot be printed)" };
  }
}

function sendError(type, error) {
  send(type, (w) => {
    w.value(error.name);
    w.value(error.message);
  });
}

let submission;

/**
 * The typed arrays the grader sent once (codec.mjs: REF and DEF), id → pristine bytes. The
 * submission never sees them: each call gets copies, a working copy that still holds the
 * pristine bytes or a fresh one (codec.mjs's Reader.copy). Whether it changed a copy is found
 * here, by comparing the copy with its pristine bytes, and reported with the result (RESULT and
 * the arguments as they are now). A submission that subverts this host can hide that it changed
 * its copies (or spoil the pristine bytes of its own later calls), and gains nothing by it: the
 * checks compute every expected value from their own arguments, which nothing of the sandbox
 * ever changes unless it is reported, and a hidden change is, to every check, a submission that
 * did not change its arguments, as any honest one can. The same held before handles, when this
 * host compared its own re-encoding of the arguments with the message.
 */
const held = new MapCtor();
const mapDelete = Function.prototype.call.bind(Map.prototype.delete);
const mapGet = Function.prototype.call.bind(Map.prototype.get);
const mapClear = Function.prototype.call.bind(Map.prototype.clear);
const subarray = Function.prototype.call.bind(Uint8Array.prototype.subarray);

/** Two writers per nesting level (a call inside a callback): the arguments before and after. */
const argWriters = new MapCtor();
let depth = 0;

/**
 * The arguments encoded into `w`, copies of held arrays that are unchanged as references
 * (`asMade`: before the call, when they are as the Reader made them).
 */
function encodeArgs(w, args, copies, callbackIds, asMade) {
  w.reset();
  w.callbackIds = callbackIds;
  w.copies = copies;
  w.copiesAsMade = asMade;
  w.value(args);
  return w;
}

function answer(reader, callbackIds) {
  const forget = reader.u32();
  if (forget === FORGET_ALL) mapClear(held);
  else for (let n = forget; n > 0; n--) mapDelete(held, reader.u32());
  const copies = new MapCtor();
  try {
    call(reader, copies, callbackIds);
  } finally {
    giveBack(copies);
  }
}

/** Reads a call's function and arguments (its held arrays recorded in `copies`) and answers it. */
function call(reader, copies, callbackIds) {
  const name = reader.value();
  reader.held = held;
  reader.copies = copies;
  const args = reader.value();
  const target = submission[name];
  if (typeof target !== "function") {
    sendError(THREW, { name: "Error", message: `does not export ${name}` });
    return;
  }
  if (mapGet(argWriters, depth) === undefined)
    mapSet(argWriters, depth, [new Writer(), new Writer()]);
  const [beforeWriter, afterWriter] = mapGet(argWriters, depth);
  depth++;
  try {
    const before = encodeArgs(beforeWriter, args, copies, callbackIds, true);
    let value;
    try {
      value = target(...args);
    } catch (error) {
      sendError(THREW, describeError(error));
      return;
    }
    reply(value, args, before, afterWriter, copies, callbackIds);
  } finally {
    depth--;
  }
}

/** Sends `value`, and the arguments as they are now unless they are as they came (`before`). */
function reply(value, args, before, afterWriter, copies, callbackIds) {
  try {
    const after = encodeArgs(afterWriter, args, copies, callbackIds, false);
    const same = sameBytes(before.buffer, 4, before.length, after.buffer, 4, after.length);
    send(
      same ? RESULT_SAME : RESULT,
      (w) => {
        w.value(value);
        if (!same) w.value(args);
      },
      callbackIds,
    );
  } catch (error) {
    const why = describeError(error).message;
    sendError(THREW, {
      name: "Error",
      message: `returned a value the grader cannot read (${why})`,
    });
  }
}

/**
 * A BATCH: a property's calls sent ahead (bridge.ts, call-script.ts), a count and then whole
 * CALL messages, each with its 4-byte length; answered one after another, as if each had come
 * on its own, one answer each. The calls were recorded in another submission's run: past the
 * first one the grader's checks do not make, a call may refer to an array this process does not
 * hold. It is answered THREW, and the grader drops that answer unread.
 */
function answerBatch(reader) {
  for (let n = reader.u32(); n > 0; n--) {
    const length = reader.u32();
    reader.need(length);
    const body = subarray(reader.buffer, reader.offset, reader.offset + length);
    reader.offset += length;
    const callbackIds = new MapCtor();
    try {
      const call = readerOf(body, callbackIds);
      if (call.u8() !== CALL) throw new ErrorCtor("not a call");
      answer(call, callbackIds);
    } catch {
      sendError(THREW, { name: "Error", message: "a call sent ahead that cannot be read here" });
    }
  }
}

/** Answers calls until a callback's result arrives (when `waiting`), then returns it. */
function serve(waiting = true) {
  for (;;) {
    const callbackIds = new MapCtor();
    const reader = receive(callbackIds);
    const type = reader.u8();
    if (type === CALL) answer(reader, callbackIds);
    else if (!waiting && type === BATCH) answerBatch(reader);
    else if (waiting && type === CALLBACK_VALUE) return reader.value();
    else if (waiting && type === CALLBACK_ERROR) {
      const name = reader.value();
      const error = new ErrorCtor(reader.value());
      error.name = name;
      throw error;
    }
  }
}

process.exit = (code) => {
  try {
    send(EXIT, (w) => w.value(code ?? process.exitCode ?? 0));
    flush();
  } finally {
    realExit(code);
  }
};

try {
  submission = await import(pathToFileURL(process.argv[2]).href);
} catch (error) {
  sendError(LOAD_ERROR, describeError(error));
  flush();
  realExit(0);
}
send(READY, (w) => w.value(Object.keys(submission).map((name) => [name, typeof submission[name]])));
serve(false);
