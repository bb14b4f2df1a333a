import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { REQUIRED_COLUMNS } from "../../src/data/schema.js";

/** fast-check runs per data property: modest by default, PROPERTY_RUNS raises it. */
export const runs = Number(process.env.PROPERTY_RUNS ?? 40);

/**
 * The real Kaggle bank.csv (never part of the repo): BANK_CSV, or ../shared/data/bank.csv
 * beside the project. Tests that need it skip, with a name saying so, when it is absent.
 */
export const REAL_DATA = resolve(process.env.BANK_CSV ?? "../shared/data/bank.csv");
export const hasRealData = existsSync(REAL_DATA);
export const realDataNote = hasRealData
  ? ""
  : ` [SKIPPED: no real data at ${REAL_DATA}; set BANK_CSV]`;

/** The Kaggle header: the 16 required columns and `deposit`. */
export const KAGGLE_HEADER = [...REQUIRED_COLUMNS, "deposit"];

/** A valid row of the Kaggle layout, with `changes` applied (by column name). */
export function bankRow(changes: Record<string, string> = {}): string[] {
  const row: Record<string, string> = {
    age: "41",
    job: "technician",
    marital: "married",
    education: "secondary",
    default: "no",
    balance: "1270",
    housing: "yes",
    loan: "no",
    contact: "cellular",
    day: "5",
    month: "may",
    duration: "1389",
    campaign: "1",
    pdays: "-1",
    previous: "0",
    poutcome: "unknown",
    deposit: "yes",
    ...changes,
  };
  return KAGGLE_HEADER.map((name) => row[name]);
}

/** A small valid Kaggle-layout CSV text with both classes. */
export function smallCsv(rows: string[][] = [bankRow(), bankRow({ deposit: "no" })]): string {
  return [KAGGLE_HEADER, ...rows].map((fields) => fields.join(",")).join("\n") + "\n";
}

/** The temporary folder of writeTemp, made at its first call in a test file. */
let directory: string | undefined;
let files = 0;

/**
 * Removes writeTemp's folder: after each test file (properties/support/per-file-setup.ts), since
 * a project that does not isolate its files evaluates this module once for all of them.
 */
export function removeTempFiles(): void {
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
}

/** Writes `content` to a fresh file in a temporary directory and returns its path. */
export function writeTemp(content: string | Uint8Array, name = "bank.csv"): string {
  directory ??= mkdtempSync(join(tmpdir(), "logreg-data-"));
  const path = join(directory, `${files++}-${name}`);
  writeFileSync(path, content);
  return path;
}
