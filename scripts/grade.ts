/**
 * npm run grade -- <submissions-dir> [--out <dir>] [--rubric <file>] [--jobs N] [--timeout <s>]
 *                   [--seed <n>] [--memory <MB>] [--unsafe-no-sandbox]
 *
 * Grades a class of submissions with the model property suite, each in an OS sandbox: the
 * engine is src/grade/ (grade-class.ts); `--help` and docs/instructors.md say the rest.
 */
import { gradeCommand } from "../src/grade/grade-class.js";

process.exitCode = await gradeCommand(process.argv.slice(2));
