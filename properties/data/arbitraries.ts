import fc from "fast-check";
import { PANDAS_NA_VALUES } from "../../src/data/cells.js";
import {
  CATEGORICAL_COLUMNS,
  NUMERIC_COLUMNS,
  REQUIRED_COLUMNS,
  YES_NO_COLUMNS,
} from "../../src/data/schema.js";

/** A bank row as the values a CSV writer writes: numbers, yes/no, category strings. */
export type Row = Record<string, number | string>;

/** Ages at and around every bin edge (18 and 101 fall in no bin), and any age 0–120. */
export const age = fc.oneof(
  fc.constantFrom(18, 19, 25, 26, 35, 36, 45, 46, 55, 56, 65, 66, 100, 101),
  fc.integer({ min: 0, max: 120 }),
);

/** Any finite double, subnormals and ±1.8e308 included (never −0, which a CSV writes as "0"). */
export const number = fc
  .oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  )
  .map((v) => (Object.is(v, -0) ? 0 : v));

/** Numbers of a bank file: integers and two-decimal amounts up to a billion. */
export const amount = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.integer({ min: -100_000_000, max: 100_000_000 }).map((cents) => cents / 100),
);

/** A category: the real levels, or strings with delimiters, quotes, line breaks, non-ASCII. */
export const category = fc
  .oneof(
    fc.constantFrom("admin.", "blue-collar", "married", "unknown", "may", "success", "cellular"),
    fc.string({
      minLength: 1,
      maxLength: 6,
      unit: fc.constantFrom(
        "a",
        "Z",
        ",",
        ";",
        '"',
        "\n",
        "\r",
        " ",
        "é",
        "\u{1F600}",
        "-",
        "\uFEFF",
      ),
    }),
  )
  .filter((text) => !PANDAS_NA_VALUES.has(text));

export const yesNo = fc.constantFrom("yes", "no");

/** One valid bank row; `categories` may narrow the levels (few levels → repeated values). */
export function row(
  categories: fc.Arbitrary<string> = category,
  numbers: fc.Arbitrary<number> = number,
): fc.Arbitrary<Row> {
  const fields: Record<string, fc.Arbitrary<number | string>> = {};
  for (const name of NUMERIC_COLUMNS) fields[name] = name === "age" ? age : numbers;
  for (const name of YES_NO_COLUMNS) fields[name] = yesNo;
  for (const name of CATEGORICAL_COLUMNS) fields[name] = categories;
  fields.label = yesNo;
  return fc.record(fields);
}

/** 2–30 rows, the first "yes" and the second "no", so that both classes are present. */
export function rows(
  categories?: fc.Arbitrary<string>,
  numbers?: fc.Arbitrary<number>,
): fc.Arbitrary<Row[]> {
  return fc
    .array(row(categories, numbers), { minLength: 2, maxLength: 30, size: "max" })
    .map((list) => {
      list[0].label = "yes";
      list[1].label = "no";
      return list;
    });
}

/** How a file is written: Kaggle or UCI layout, BOM, line ends, quoting, column order. */
export const layout = fc.record({
  delimiter: fc.constantFrom(",", ";"),
  labelColumn: fc.constantFrom("deposit", "y"),
  bom: fc.boolean(),
  lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
  quoteAll: fc.boolean(),
  columns: fc.shuffledSubarray([...REQUIRED_COLUMNS, "label"], { minLength: 17 }),
});
export type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

/** The CSV text of `data` in `format`, quoting a field when it needs it (or always). */
export function writeCsv(data: Row[], format: Layout): string {
  const field = (value: number | string) => {
    const text = String(value);
    const needsQuotes = /[",;\r\n]/.test(text) || text.startsWith("\uFEFF");
    return format.quoteAll || needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = format.columns.map((name) => (name === "label" ? format.labelColumn : name));
  const lines = [header, ...data.map((r) => format.columns.map((name) => r[name]))].map((fields) =>
    fields.map(field).join(format.delimiter),
  );
  return (format.bom ? "\uFEFF" : "") + lines.join(format.lineEnd) + format.lineEnd;
}
