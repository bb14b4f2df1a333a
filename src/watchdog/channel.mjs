/**
 * The blocking channel between the caller's thread and the watchdog's worker (plain JavaScript,
 * shared by both sides): a MessagePort for the messages and, in shared memory, one counter per
 * direction that the sender bumps after each message, so the receiver can block in Atomics.wait
 * (with a deadline) and then take the message with receiveMessageOnPort, without an event loop.
 */
import { performance } from "node:perf_hooks";
import { receiveMessageOnPort } from "node:worker_threads";

/**
 * Slots of the counters: messages to the worker, messages to the caller, and the heartbeat that
 * the worker bumps whenever the running call records progress (see worker.mjs).
 */
export const TO_WORKER = 0;
export const TO_CALLER = 1;
export const HEARTBEAT = 2;

/** Posts `message` on `port` and wakes the receiver waiting on counter `slot`. */
export function send(port, counters, slot, message) {
  port.postMessage(message);
  Atomics.add(counters, slot, 1);
  Atomics.notify(counters, slot);
}

/**
 * The next message on `port` (woken by counter `slot`), or undefined when none came before
 * `deadline` (performance.now() milliseconds; Infinity waits for ever).
 */
export function receive(port, counters, slot, deadline = Infinity) {
  for (;;) {
    const seen = Atomics.load(counters, slot);
    const received = receiveMessageOnPort(port);
    if (received) return received.message;
    const left = deadline - performance.now();
    if (left <= 0) return undefined;
    Atomics.wait(counters, slot, seen, left === Infinity ? undefined : left);
  }
}
