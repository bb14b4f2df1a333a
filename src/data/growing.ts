type Column = Float64Array | Uint8Array | Uint32Array;

/**
 * A typed array that grows as values are appended (capacity doubles when full), so a column of
 * a streamed file is stored as numbers without one object per cell.
 */
export class GrowingColumn<T extends Column> {
  private buffer: T;
  length = 0;

  constructor(
    private readonly make: (length: number) => T,
    capacity: number,
  ) {
    this.buffer = make(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const larger = this.make(this.buffer.length * 2);
      larger.set(this.buffer);
      this.buffer = larger;
    }
    this.buffer[this.length++] = value;
  }

  /** The values appended so far, in an array of exactly that length. */
  values(): T {
    return this.buffer.slice(0, this.length) as T;
  }
}
