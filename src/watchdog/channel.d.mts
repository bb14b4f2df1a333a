/** Types of channel.mjs (plain JavaScript, shared with the watchdog's worker). */
import type { MessagePort } from "node:worker_threads";
export const TO_WORKER: 0;
export const TO_CALLER: 1;
export const HEARTBEAT: 2;
export function send(port: MessagePort, counters: Int32Array, slot: number, message: unknown): void;
export function receive(
  port: MessagePort,
  counters: Int32Array,
  slot: number,
  deadline?: number,
): unknown;
