/**
 * The learner's console output in a command-line run (`train --impl impl`): written to a stream
 * (stderr) as it comes, up to RUN_OUTPUT_BYTES in the whole run; past that, one line says so,
 * and the rest is dropped.
 */
import type { Writable } from "node:stream";

/** The most of the learner's output a run shows: 64 KiB. */
const RUN_OUTPUT_BYTES = 64 * 1024;

/** An onOutput for watchModule that writes to `stream` within RUN_OUTPUT_BYTES. */
export function boundedOutput(stream: Writable): (text: string, dropped: number) => void {
  let shown = 0;
  let told = false;
  return (text, dropped) => {
    const room = Math.max(RUN_OUTPUT_BYTES - shown, 0);
    const part = Buffer.from(text).subarray(0, room);
    shown += part.length;
    if (part.length > 0) stream.write(part);
    if (!told && (dropped > 0 || part.length < Buffer.byteLength(text))) {
      told = true;
      stream.write(
        `\n(the learner's console output passed ${RUN_OUTPUT_BYTES} bytes: the rest is not shown)\n`,
      );
    }
  };
}
