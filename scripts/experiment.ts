/**
 * `npm run experiment -- <name>` — one of the article's lessons (learning rate, scaling,
 * clipping, vectorization) as an experiment with its report. See `--help` and src/experiments/.
 */
import { experimentMain } from "../src/experiments/main.js";
import { exitQuietlyWhenOutputCloses } from "./closed-pipe.js";

exitQuietlyWhenOutputCloses();

process.exitCode = await experimentMain(process.argv.slice(2));
