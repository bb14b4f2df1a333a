/** One place where a re-run disagrees with the recorded report. */
export interface Difference {
  /** Where, as a JavaScript-style path: `training.costHistory[999]`, `model.weights["age"]`. */
  path: string;
  recorded: unknown;
  actual: unknown;
}

/**
 * Every difference between two parsed report.json trees, skipping the top-level keys in `skip`
 * (the run metadata). Numbers a and b agree when a = b or |a − b| ≤ tolerance · max(|a|, |b|)
 * (tolerance 0: bit-for-bit, as JSON round-trips doubles exactly); every other value must be
 * equal, arrays element by element, objects key by key (missing and extra keys are differences).
 */
export function compareReports(
  recorded: unknown,
  actual: unknown,
  tolerance: number,
  skip: ReadonlySet<string> = new Set(["run"]),
): Difference[] {
  const differences: Difference[] = [];
  walk(recorded, actual, "", 0);
  return differences;

  function walk(a: unknown, b: unknown, path: string, depth: number): void {
    if (typeof a === "number" && typeof b === "number") {
      if (!numbersAgree(a, b, tolerance)) differences.push({ path, recorded: a, actual: b });
    } else if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        differences.push({ path: `${path}.length`, recorded: a.length, actual: b.length });
      }
      for (let i = 0; i < Math.min(a.length, b.length); i++)
        walk(a[i], b[i], `${path}[${i}]`, depth + 1);
    } else if (isObject(a) && isObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        if (depth === 0 && skip.has(key)) continue;
        const child = path === "" && /^[A-Za-z_]\w*$/.test(key) ? key : `${path}${member(key)}`;
        if (!Object.hasOwn(a, key))
          differences.push({ path: child, recorded: undefined, actual: b[key] });
        else if (!Object.hasOwn(b, key))
          differences.push({ path: child, recorded: a[key], actual: undefined });
        else walk(a[key], b[key], child, depth + 1);
      }
    } else if (a !== b) {
      differences.push({ path, recorded: a, actual: b });
    }
  }
}

function numbersAgree(a: number, b: number, tolerance: number): boolean {
  return a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function member(key: string): string {
  return /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
