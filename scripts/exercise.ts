/**
 * npm run exercise -- start | restore | status: turns src/impl into the exercise's stubs and
 * back without losing a file. See src/exercise/main.ts, or run it with --help.
 */
import { main } from "../src/exercise/main.js";
import { exitQuietlyWhenOutputCloses } from "./closed-pipe.js";

exitQuietlyWhenOutputCloses();

process.exitCode = main(process.argv.slice(2));
