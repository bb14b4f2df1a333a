/**
 * The Unix convention for a reader that goes away (`npm run train | head -3`): stop quietly.
 * When stdout or stderr is closed, the script exits at once with {@link EXIT_CLOSED_PIPE}, the
 * status a shell shows for a process killed by SIGPIPE (128 + 13), without a message (there is
 * nowhere to write it) and without a stack trace. Any other stream error is left to the
 * script's own listener when it has one (train: src/train/output-guard.ts), else rethrown.
 */
export const EXIT_CLOSED_PIPE = 141;

export function exitQuietlyWhenOutputCloses(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(EXIT_CLOSED_PIPE);
      if (stream.listenerCount("error") === 1) throw error;
    });
  }
}
