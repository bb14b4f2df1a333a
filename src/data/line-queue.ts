/**
 * A first-in first-out queue of line numbers: the scanner adds the line on which each record it
 * passes to csv-parse starts, and the loader takes them off as the records arrive. It holds only
 * the records between the two (the bytes in the streams' buffers), so it stays small.
 */
export class LineQueue {
  private lines: number[] = [];
  private head = 0;

  push(line: number): void {
    this.lines.push(line);
  }

  /** The line `offset` places after the oldest not yet taken (undefined past the end). */
  at(offset: number): number | undefined {
    return this.lines[this.head + offset];
  }

  /** Takes the oldest line off the queue. */
  shift(): number {
    const line = this.lines[this.head++];
    if (this.head === this.lines.length) {
      this.lines = [];
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
    return line;
  }
}
