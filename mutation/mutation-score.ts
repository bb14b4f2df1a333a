/**
 * The mutation score of src/reference, from Stryker's JSON report, with the survivors that no
 * test can tell apart from the original (listed as equivalent, with their reasons, in
 * mutation/equivalent-mutants.md) left out:
 *
 *     score = (killed + timed out) / (valid mutants − equivalent ones)
 *
 * Survivors listed as unstable (killed or not depending on the order and timing of tests; such a
 * row may also find its mutant killed) stay in the score. A listed equivalent that Stryker
 * stopped by its timeout is neither credited as detected nor counted among the mutants to
 * detect: an equivalent mutant cannot hang a test, so the machine was slow (or the row is wrong).
 *
 * It fails when a survivor (or an uncovered mutant) is not listed, when a listed one no longer
 * survives or no longer exists (the list must be kept exact), or when the score is below the
 * threshold. A run that mutated some files only (npm run mutation:readable) is checked against
 * the rows of those files.
 */

export interface StrykerReport {
  files: Record<string, { mutants: StrykerMutant[] }>;
}

interface StrykerMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number } };
}

export interface MutationScore {
  /** What to print, one line each. */
  lines: string[];
  passed: boolean;
}

type Kind = "equivalent" | "unstable";

/** One mutant as the list names it: file, line, mutator, replacement (spaces collapsed). */
const key = (file: string, line: number, mutator: string, replacement: string): string =>
  [file, line, mutator, replacement.replace(/\s+/g, " ").trim()].join(" | ");

/**
 * The table rows of the list, | file | line | mutator | `replacement` | kind | reason |, by key
 * (two mutants of one line can share a key: one kind per row). Throws on a row of another kind.
 */
function listedSurvivors(markdown: string, listName: string): Map<string, Kind[]> {
  const listed = new Map<string, Kind[]>();
  for (const [index, row] of markdown.split("\n").entries()) {
    const cells = row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
    if (cells.length < 8 || !/^\d+$/.test(cells[2])) continue;
    const kind = cells[5];
    if (kind !== "equivalent" && kind !== "unstable") {
      throw new Error(
        `${listName}:${index + 1}: the kind is "${kind}"; expected equivalent or unstable`,
      );
    }
    const replacement = cells[4].replace(/^`|`$/g, "");
    const k = key(cells[1].replace(/^`|`$/g, ""), Number(cells[2]), cells[3], replacement);
    listed.set(k, [...(listed.get(k) ?? []), kind]);
  }
  return listed;
}

export function mutationScore(
  report: StrykerReport,
  equivalentsMarkdown: string,
  threshold: number,
  listName = "mutation/equivalent-mutants.md",
): MutationScore {
  const listed = listedSurvivors(equivalentsMarkdown, listName);
  const counts: Record<string, number> = {};
  const unlisted: string[] = [];
  let equivalent = 0;
  let unstable = 0;
  const timedOut: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
      const k = key(file, mutant.location.start.line, mutant.mutatorName, mutant.replacement ?? "");
      if (mutant.status === "Timeout") timedOut.push(k);
      if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") continue;
      const kind = listed.get(k)?.shift();
      if (kind === "equivalent") equivalent++;
      else if (kind === "unstable") unstable++;
      else unlisted.push(`${k}  (${mutant.status})`);
    }
  }
  // Only rows that no survivor took: two mutants of one line can share a key, one killed, one not.
  const timedOutEquivalents: string[] = [];
  for (const k of timedOut) {
    if (listed.get(k)?.[0] !== "equivalent") continue;
    listed.get(k)?.shift();
    timedOutEquivalents.push(k);
  }
  const mutatedFile = (k: string): boolean => k.split(" | ")[0] in report.files;
  const stale = [...listed]
    .filter(([k, kinds]) => mutatedFile(k) && kinds.some((kind) => kind !== "unstable"))
    .map(([k]) => k);
  const unchecked = [...listed]
    .filter(([k]) => !mutatedFile(k))
    .reduce((rows, [, kinds]) => rows + kinds.length, 0);

  const strykerDetected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = strykerDetected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  const detected = strykerDetected - timedOutEquivalents.length;
  const score = (100 * detected) / (valid - equivalent - timedOutEquivalents.length);

  const lines = [
    `mutants: ${valid} valid (${strykerDetected} killed or timed out: ${counts.Killed ?? 0} killed, ` +
      `${counts.Timeout ?? 0} timed out; ${counts.Survived ?? 0} survived, ` +
      `${counts.NoCoverage ?? 0} not covered), ${counts.RuntimeError ?? 0} runtime errors, ` +
      `${counts.CompileError ?? 0} compile errors`,
    `listed in ${listName}: ${equivalent} equivalent, ${unstable} unstable survivors` +
      (unchecked > 0 ? `; ${unchecked} rows of files not mutated in this run not checked` : ""),
    `Stryker's score: ${((100 * strykerDetected) / valid).toFixed(2)}%`,
    ...timedOutEquivalents.map(
      (k) =>
        `listed as equivalent but timed out (not credited; the machine was slow, or the row is ` +
        `wrong: a mutant that hangs a test is not equivalent): ${k}`,
    ),
    `score without the equivalent mutants: ${score.toFixed(2)}% (threshold ${threshold}%)`,
    ...unlisted.map((k) => `survivor not listed in ${listName}: ${k}`),
    ...stale.map((k) => `listed in ${listName} but not a survivor of this run: ${k}`),
  ];
  return { lines, passed: unlisted.length === 0 && stale.length === 0 && score >= threshold };
}
