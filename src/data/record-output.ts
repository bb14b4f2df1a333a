/**
 * Which bytes of a chunk the scanner (./scan.ts) passes on: the records it keeps, with their line
 * breaks, in order; the bytes of a record it withholds (a blank line, a ragged record) are left
 * out, line break included. A record still open at the end of a chunk is copied aside (at most
 * one record: the scanner bounds its size) until its end decides it.
 *
 * Offsets are in the chunk last given to `begin`. Consecutive kept records leave as one slice.
 */
export class RecordOutput {
  private bytes: Buffer = Buffer.alloc(0);
  /** The open record's earlier bytes, from previous chunks. */
  private held: Buffer[] = [];
  /** Where the open record starts in this chunk; -1: in an earlier chunk (see `held`). */
  private recordStart = 0;
  /** Where the run of kept bytes not yet sent starts in this chunk. */
  private runStart = 0;
  private out: Buffer[] = [];

  /** A new chunk is scanned. */
  begin(bytes: Buffer): void {
    this.bytes = bytes;
  }

  /** The open record ends before `end` (its line break included); `kept`: pass it on. */
  endRecord(end: number, kept: boolean): void {
    if (kept) {
      if (this.recordStart < 0) this.out.push(...this.held);
    } else {
      if (this.recordStart > this.runStart) this.send(this.runStart, this.recordStart);
      this.runStart = end;
    }
    this.held = [];
    this.recordStart = end;
  }

  /** The \n of a \r\n at `i`: it goes with the record its \r ended (`kept` or not). */
  lineFeedOfCRLF(i: number, kept: boolean): void {
    if (!kept) this.runStart = i + 1;
    this.recordStart = i + 1;
  }

  /** The chunk was scanned up to `cut`: the bytes to pass on now; the open record is held. */
  endChunk(cut: number): Buffer[] {
    const open = this.recordStart < 0 ? 0 : this.recordStart;
    if (this.recordStart >= 0 && open > this.runStart) this.send(this.runStart, open);
    if (cut > open) this.held.push(Buffer.from(this.bytes.subarray(open, cut)));
    this.recordStart = this.held.length > 0 ? -1 : 0;
    this.runStart = 0;
    return this.take();
  }

  /** The file ends inside a record that is kept: its bytes. */
  endFile(): Buffer[] {
    this.out.push(...this.held);
    this.held = [];
    return this.take();
  }

  private send(from: number, to: number) {
    this.out.push(this.bytes.subarray(from, to));
  }

  private take(): Buffer[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
