/**
 * The bytes of the record the scanner (./scan.ts) is in, line break excluded: a
 * slice of the current chunk, and the earlier part of the record copied aside when it began in
 * an earlier chunk (at most one record: the scanner bounds its size).
 */
export class RecordBytes {
  private chunk: Buffer = Buffer.alloc(0);
  /** The record's bytes from earlier chunks. */
  private held: Buffer[] = [];
  /** Where the record starts (or continues) in the current chunk. */
  private start = 0;

  /** A new chunk is scanned; the open record continues at `start` (past a byte-order mark). */
  begin(chunk: Buffer, start: number): void {
    this.chunk = chunk;
    this.start = start;
  }

  /** The record, ending before offset `end` of the current chunk (a view, valid until the next chunk). */
  take(end: number): Buffer {
    const own = this.chunk.subarray(this.start, end);
    return this.held.length === 0 ? own : Buffer.concat([...this.held, own]);
  }

  /** The record, ending before offset `end` of the current chunk, as text (it is UTF-8). */
  text(end: number): string {
    if (this.held.length === 0) return this.chunk.toString("utf8", this.start, end);
    return this.take(end).toString("utf8");
  }

  /** The next record starts at offset `next` of the current chunk. */
  restart(next: number): void {
    this.held = [];
    this.start = next;
  }

  /** The chunk was scanned up to `cut`: the open record's bytes so far are copied aside. */
  endChunk(cut: number): void {
    if (cut > this.start) this.held.push(Buffer.from(this.chunk.subarray(this.start, cut)));
    this.chunk = Buffer.alloc(0);
    this.start = 0;
  }
}
