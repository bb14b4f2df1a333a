/**
 * npm run docs — regenerates the docs' generated tables; `--check` verifies that every path and
 * command the docs name exists and that no table is stale (src/docs/main.ts).
 */
import { main } from "../src/docs/main.js";

process.exitCode = main(process.argv.slice(2), process.cwd(), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
