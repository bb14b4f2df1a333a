/**
 * The learner's console output, kept in shared memory so the caller can read it after any call,
 * including one stopped by the watchdog (plain JavaScript, shared with the worker). Layout:
 * Int32 [0] bytes kept; Float64 at byte 8 the bytes written in all (kept or not); from byte 16
 * the kept bytes, at most OUTPUT_BYTES.
 */
import { Buffer } from "node:buffer";
// The global console object itself: its methods are replaced in the worker.
import console from "node:console";
import process from "node:process";
import { format, TextEncoder } from "node:util";

/** The most output kept between two reads: 64 KiB. */
export const OUTPUT_BYTES = 64 * 1024;

const HEADER = 16;

/** A fresh shared buffer for the output. */
export function outputBuffer() {
  return new SharedArrayBuffer(HEADER + OUTPUT_BYTES);
}

/** Appends `text` to the buffer, keeping what fits and counting all of it. */
function append(buffer, text) {
  const kept = new Int32Array(buffer, 0, 1);
  const written = new Float64Array(buffer, 8, 1);
  const bytes = new Uint8Array(buffer, HEADER);
  const room = bytes.length - kept[0];
  if (room > 0) {
    const { written: n } = new TextEncoder().encodeInto(
      text.slice(0, room),
      bytes.subarray(kept[0]),
    );
    kept[0] += n;
  }
  written[0] += Buffer.byteLength(text);
}

/** Sends this thread's console and process.stdout/stderr writes into `buffer`. */
export function captureConsole(buffer) {
  for (const method of ["log", "info", "debug", "warn", "error", "trace", "dir"]) {
    console[method] = (...args) => append(buffer, `${format(...args)}\n`);
  }
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = (chunk, ...rest) => {
      append(buffer, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((item) => typeof item === "function");
      if (done) done();
      return true;
    };
  }
}

/** The output kept since the last take, and the count of bytes not kept; empties the buffer. */
export function takeOutput(buffer) {
  const kept = new Int32Array(buffer, 0, 1);
  const written = new Float64Array(buffer, 8, 1);
  const text = Buffer.from(new Uint8Array(buffer, HEADER, kept[0])).toString("utf8");
  const dropped = written[0] - kept[0];
  kept[0] = 0;
  written[0] = 0;
  return { text, dropped };
}
