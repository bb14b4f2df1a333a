/**
 * One contender of the lock test (exercise-lock.integration.test.ts): a process that loads the
 * exercise tool, waits until the file `<go>` exists (so that all contenders start `start` at
 * the same instant, their start-up behind them), then runs `exercise start --root <root>`.
 * Usage: tsx lock-contender.ts <root> <go>
 */
import { existsSync } from "node:fs";
import { main } from "../../src/exercise/main.js";

const [root, go] = process.argv.slice(2);
const tick = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(go)) Atomics.wait(tick, 0, 0, 1);
process.exitCode = main(["start", "--root", root]);
