import { readSync } from "node:fs";

/**
 * Exact byte counts from a pipe, read synchronously: a message's header, then its body. Reads
 * ahead in 64 KiB chunks and keeps what a read brought beyond the bytes asked for. Used by the
 * grader's bridge to the sandbox and by the bridge to a Python module.
 */
export class PipeReader {
  private inbox = Buffer.alloc(0);
  private readonly chunk = Buffer.allocUnsafe(65536);

  constructor(private readonly fd: number) {}

  /** The next `length` bytes of the pipe; undefined at its end. */
  take(length: number): Buffer | undefined {
    if (this.inbox.length >= length) {
      const out = this.inbox.subarray(0, length);
      this.inbox = this.inbox.subarray(length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    let have = this.inbox.copy(out);
    this.inbox = Buffer.alloc(0);
    while (have < length) {
      const read = readSync(this.fd, this.chunk, 0, this.chunk.length, null);
      if (read === 0) return undefined;
      const used = Math.min(read, length - have);
      this.chunk.copy(out, have, 0, used);
      have += used;
      if (used < read) this.inbox = Buffer.from(this.chunk.subarray(used, read));
    }
    return out;
  }
}
