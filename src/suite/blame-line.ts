/**
 * The blame line of a failure report, read back: no imports, so that scripts (npm run catalogue,
 * npm run learn) can parse a report without loading the reference.
 */

export interface Blame {
  /** The functions blamed, usually one. */
  functions: string[];
  /** The article steps named, usually one. */
  steps: number[];
}

/**
 * The blame line of a failure report ("  blames         computeCost (article step 2)"), or
 * null when the report has none.
 */
export function parseBlame(report: string): Blame | null {
  const line = /^\s*blames\s+(.+?) \(article steps? ([\d ,and]+)\)\s*$/m.exec(report);
  if (!line) return null;
  return {
    functions: line[1].split(" and ").map((name) => name.trim()),
    steps: (line[2].match(/\d+/g) ?? []).map(Number),
  };
}
