import { printable } from "../data/index.js";
import { EXIT } from "./cli.js";
import type { Output } from "./progress.js";

/** The first write error on one of the train script's streams. */
export interface WriteFailure {
  stream: "stdout" | "stderr";
  error: NodeJS.ErrnoException;
}

/** Thrown when stdout failed before the report was published: the run stops, publishing nothing. */
export class StdoutFailed extends Error {
  override name = "StdoutFailed";
}

/** Watches the train script's two streams for write errors (a full disk, `> /dev/full`). */
export interface OutputGuard {
  /** The first write error seen, once pending error events have been delivered. */
  failure(): Promise<WriteFailure | undefined>;
  /**
   * The exit code once a write failed: 4 (5 stays 5: a diverged run whose report was written
   * says so), and one line on the stream that still works saying what was not written.
   */
  conclude(code: number, published: string | undefined): Promise<number>;
}

/**
 * Listens for `error` on stdout and stderr (streams without `on`, such as a test's sink, are not
 * watched) and keeps the first. A write error is emitted on a later tick than the write, hence
 * the wait in {@link OutputGuard.failure}.
 */
export function guardOutput(output: Output): OutputGuard {
  let first: WriteFailure | undefined;
  for (const stream of ["stdout", "stderr"] as const) {
    const target = output[stream] as Partial<NodeJS.WritableStream>;
    target.on?.("error", (error: NodeJS.ErrnoException) => {
      first ??= { stream, error };
    });
  }
  const failure = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return first;
  };
  return {
    failure,
    async conclude(code, published) {
      const failed = await failure();
      if (failed === undefined) return code;
      const other = failed.stream === "stdout" ? output.stderr : output.stdout;
      const what = failed.stream === "stdout" ? "the progress and summary" : "the error messages";
      const outcome =
        published === undefined
          ? "no report was published"
          : `the report is at ${printable(published)}`;
      other.write(
        `error: could not write to ${failed.stream} (${printable(failed.error.message)}): ` +
          `${what} were not written; ${outcome}\n`,
      );
      return code === EXIT.diverged ? code : EXIT.failure;
    },
  };
}
