/** Types of transfer.mjs (plain JavaScript, shared with the watchdog's worker). */
export function encode(value: unknown, functions: unknown[]): unknown;
export function decode(value: unknown, resolve: (index: number) => unknown): unknown;
export function copyBack(
  original: unknown,
  after: unknown,
  mapping?: Map<unknown, unknown>,
): Map<unknown, unknown>;
export function restore(value: unknown, mapping: Map<unknown, unknown>): unknown;
export function identities(args: unknown[], ids: WeakMap<object, number>): (number | null)[];
export function adopt(
  args: unknown[],
  ids: (number | null)[] | undefined,
  kept: Map<number, unknown>,
  known?: WeakMap<object, number>,
): unknown[];
export function keepResults(
  value: unknown,
  resultIds: unknown,
  ids: WeakMap<object, number>,
  results: Map<number, WeakRef<object>>,
): unknown;
