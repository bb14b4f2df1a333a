import { AGE_BINS, AGE_LABELS, compareCodePoints } from "../reference/index.js";
import { AGE_BIN_NOTE, ageBin } from "./age-group.js";
import type { DataAudit, LevelCount } from "./audit.js";
import { levelCounts } from "./levels.js";
import { CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, YES_NO_COLUMNS } from "./schema.js";
import type { BankTable } from "./table.js";

/** What the loader knows about the file beyond the table itself. */
export type LoadFacts = Omit<DataAudit, "rowsUsed" | "levels" | "label" | "ageGroups" | "numeric">;

function counted(counts: Map<string, number>, order: (a: string, b: string) => number) {
  return [...counts.keys()].sort(order).map((level): LevelCount => ({
    level,
    count: counts.get(level) as number,
  }));
}

/** The data-audit record of a loaded table: the loader's facts plus counts over the used rows. */
export function buildAudit(table: BankTable, loaded: LoadFacts): DataAudit {
  const { rowsDropped, ...facts } = loaded;
  const levels: Record<string, LevelCount[]> = {};
  for (const column of CATEGORICAL_COLUMNS) {
    const values = table.categorical[column];
    const counts = levelCounts(values);
    const byLevel = new Map(values.levels.map((level, code) => [level, counts[code]]));
    levels[column] = counted(byLevel, compareCodePoints).filter(({ count }) => count > 0);
  }
  for (const column of YES_NO_COLUMNS) {
    const yes = table.yesNo[column].reduce((sum, v) => sum + v, 0);
    levels[column] = [
      { level: "no", count: table.rows - yes },
      { level: "yes", count: yes },
    ];
  }
  const yes = table.label.reduce((sum, v) => sum + v, 0);
  const bins = new Map(AGE_LABELS.map((label) => [label, 0]));
  const unbinned = new Map<string, number>();
  for (const age of table.numeric.age) {
    const k = ageBin(age);
    const map = k < 0 ? unbinned : bins;
    const key = k < 0 ? String(age) : AGE_LABELS[k];
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  const numeric: DataAudit["numeric"] = {};
  for (const column of NUMERIC_COLUMNS) {
    const values = table.numeric[column];
    let [min, max, sum] = [Infinity, -Infinity, 0];
    for (const v of values) [min, max, sum] = [Math.min(min, v), Math.max(max, v), sum + v];
    numeric[column] = { min, max, mean: sum / values.length };
  }
  return {
    ...facts,
    rowsUsed: table.rows,
    rowsDropped,
    levels,
    label: { column: table.labelColumn, yes, no: table.rows - yes, yesShare: yes / table.rows },
    ageGroups: {
      bins: [...AGE_BINS],
      labels: [...AGE_LABELS],
      counts: AGE_LABELS.map((level) => ({ level, count: bins.get(level) as number })),
      unbinned: [...unbinned.values()].reduce((sum, n) => sum + n, 0),
      unbinnedAges: counted(unbinned, (a, b) => Number(a) - Number(b)),
      note: AGE_BIN_NOTE,
    },
    numeric,
  };
}
