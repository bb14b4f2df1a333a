/**
 * Runs before each test file of the kit and integration projects (vitest's setupFiles), also when
 * a project does not isolate its files: what a file leaves behind is cleaned up after it.
 */
import { afterAll } from "vitest";
import { removeTempFiles } from "./bank-csv.js";

afterAll(removeTempFiles);
