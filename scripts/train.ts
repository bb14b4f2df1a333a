/**
 * `npm run train` — the article's full run on a bank CSV, with an auditable report.
 * See `npm run train -- --help` and src/train/main.ts.
 */
import { main } from "../src/train/main.js";
import { exitQuietlyWhenOutputCloses } from "./closed-pipe.js";

exitQuietlyWhenOutputCloses();

process.exitCode = await main(process.argv.slice(2));
