/** Types of output.mjs (plain JavaScript, shared with the watchdog's worker). */
export const OUTPUT_BYTES: number;
export function outputBuffer(): SharedArrayBuffer;
export function captureConsole(buffer: SharedArrayBuffer): void;
export function takeOutput(buffer: SharedArrayBuffer): { text: string; dropped: number };
