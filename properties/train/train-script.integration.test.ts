import { spawn, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { fixtureCsvChunks } from "../../src/data/index.js";
import { lossCurve, main } from "../../src/train/main.js";
import { renderMarkdown } from "../../src/train/markdown.js";
import { renderLossCurveSvg } from "../../src/train/svg.js";
import type { Report } from "../../src/train/report.js";

const directory = mkdtempSync(join(tmpdir(), "logreg-train-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/**
 * A small bank file: 400 rows of the fixture's generator (another seed), two of whose job
 * values are a hostile category level that must stay inert in Markdown and SVG.
 */
const hostileLevel = "zz<script>|x"; // sorts after the real jobs, so it is not the dropped baseline
const csv = [...fixtureCsvChunks({ rows: 400, seed: 7 })]
  .join("")
  .split("\n")
  .map((line, i) =>
    i === 5 || i === 9 ? line.replace(/^(\d+),[^,]+,/, `$1,${hostileLevel},`) : line,
  )
  .join("\n");
const data = join(directory, "small.csv");
writeFileSync(data, csv);

/** Runs main() in-process with captured output (stdout a terminal when `isTTY`). */
async function train(argv: string[], isTTY = false) {
  const captured = { stdout: "", stderr: "" };
  const sink = (key: "stdout" | "stderr") =>
    ({
      isTTY,
      write: (text: string) => ((captured[key] += text), true),
    }) as unknown as NodeJS.WritableStream;
  const code = await main(argv, { stdout: sink("stdout"), stderr: sink("stderr") });
  return { code, ...captured };
}

const read = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");
const withoutRun = (json: string) => json.slice(0, json.indexOf('\n  "run": {'));

describe("scripts/train.ts", () => {
  const out = join(directory, "report");
  const args = ["--data", data, "--epochs", "30", "--out", out];

  test("a run writes report.json with the stable key paths, report.md and loss-curve.svg", async () => {
    const { code, stdout } = await train([...args, "--quiet"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}\n`);
    expect(readdirSync(out).sort()).toEqual(["loss-curve.svg", "report.json", "report.md"]);
    const report = JSON.parse(read(out, "report.json")) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.data.rows).toBe(400);
    expect(report.training.costHistory).toHaveLength(30);
    expect(Object.keys(report.model.weights)).toEqual(report.features.map((f) => f.name));
    expect(report.features.every((f) => typeof f.mean === "number" && f.scale > 0)).toBe(true);
    expect(typeof report.model.bias).toBe("number");
    expect("cost" in report.optimum && typeof report.optimum.cost).toBe("number");
    expect(report.evaluation.test.accuracy).toBeGreaterThan(0);
    expect(report.evaluation.split.testRows + report.evaluation.split.trainRows).toBe(400);
    // The hostile level became a feature name; neither output lets it act as markup.
    expect(report.features.map((f) => f.name)).toContain(`job_${hostileLevel}`);
    expect(read(out, "report.md")).toContain("job\\_zz&#60;script&#62;\\|x");
    expect(read(out, "report.md")).not.toContain("<script>");
    expect(read(out, "loss-curve.svg")).not.toContain("<script>");
  });

  test("report.md and loss-curve.svg are rendered from report.json alone", () => {
    const report = JSON.parse(read(out, "report.json")) as Report;
    expect(read(out, "report.md")).toBe(renderMarkdown(report));
    expect(read(out, "loss-curve.svg")).toBe(renderLossCurveSvg(lossCurve(report)));
  });

  test("every table row of report.md has as many cells as its header (no value breaks a table)", () => {
    const cells = (line: string) => line.replace(/\\\|/g, "").split("|").length;
    const tables: string[][] = [];
    let previous = "";
    for (const line of read(out, "report.md").split("\n")) {
      if (line.startsWith("|") && !previous.startsWith("|")) tables.push([]);
      if (line.startsWith("|")) tables[tables.length - 1].push(line);
      previous = line;
    }
    expect(tables.length).toBeGreaterThan(5);
    for (const [header, ...rows] of tables) {
      for (const row of rows) expect(cells(row)).toBe(cells(header));
    }
  });

  test("a second run gives a byte-identical report.json except the run metadata", async () => {
    const first = read(out, "report.json");
    const again = join(directory, "again");
    expect((await train([...args.slice(0, -1), again, "--quiet"])).code).toBe(0);
    const second = read(again, "report.json");
    expect(withoutRun(second)).toBe(withoutRun(first));
    expect(withoutRun(first).length).toBeGreaterThan(first.length / 2);
    expect(JSON.parse(first).run.startedAt).not.toBeUndefined();
  });

  test("--verify passes on the untouched report and lists the edited value on an edited one", async () => {
    const untouched = await train(["--verify", join(out, "report.json"), "--quiet"]);
    expect(untouched.code).toBe(0);
    expect(untouched.stdout).toMatch(/verified/);
    const edited = join(directory, "edited.json");
    const report = JSON.parse(read(out, "report.json")) as Report;
    report.training.costHistory[29] += 1e-15;
    writeFileSync(edited, JSON.stringify(report, null, 2));
    const result = await train(["--verify", edited, "--quiet"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("training.costHistory[29]: recorded");
  });

  test("#23.9 --verify cuts long values and paths in difference lines to 200 characters, saying how many were cut", async () => {
    const edited = join(directory, "long-values.json");
    const report = JSON.parse(read(out, "report.json")) as Report;
    const name = report.features[0].name;
    report.features[0].name = "x".repeat(100_000);
    (report.data as unknown as Record<string, unknown>)["k".repeat(1000)] = 1;
    writeFileSync(edited, JSON.stringify(report));
    const result = await train(["--verify", edited, "--quiet"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    // JSON.stringify gives the 100,000 x's quoted: 100,002 characters, 200 kept.
    expect(lines).toContain(
      `  features[0].name: recorded "${"x".repeat(199)}… (99802 more characters), re-computed ${JSON.stringify(name)}`,
    );
    // The path data.kkk… is 1,005 characters, 200 kept.
    expect(lines).toContain(
      `  data.${"k".repeat(195)}… (805 more characters): recorded 1, re-computed (absent)`,
    );
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(600);
  });

  test("--verify refuses a changed data file by its SHA-256, and follows a moved one with --data", async () => {
    const report = join(out, "report.json");
    const changed = join(directory, "changed.csv");
    writeFileSync(
      changed,
      csv.replace(/\n(\d+),/, (_, age) => `\n${Number(age) + 1},`),
    );
    const refused = await train(["--verify", report, "--data", changed, "--quiet"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("the data file differs from the one the report was made from");
    const moved = join(directory, "moved.csv");
    writeFileSync(moved, csv);
    expect((await train(["--verify", report, "--data", moved, "--quiet"])).code).toBe(0);
  });

  test("on a terminal it shows a progress bar with the cost and draws the loss curve; in a pipe, plain lines", async () => {
    const terminal = await train([...args.slice(0, -1), join(directory, "tty")], true);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/30\/30 epochs \| cost 0\.\d{10}/);
    expect(terminal.stdout).toMatch(/┼[\s\S]*cost per epoch, 1 … 30/);
    const piped = await train([...args.slice(0, -1), join(directory, "pipe")]);
    expect(piped.stdout).toMatch(/^ {2}epoch 30\/30: cost 0\.\d+$/m);
    expect(piped.stdout).not.toContain("\u001b[");
    expect(piped.stdout).not.toContain("┼");
  });

  test("#14.1 a run whose cost rises says so while training, records it, and exits 5", async () => {
    const diverging = join(directory, "diverging");
    const result = await train([
      "--data",
      data,
      "--epochs",
      "30",
      "--alpha",
      "50",
      "--out",
      diverging,
    ]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /^training diverged: the cost rose at epoch \d+, from 0\.\d+ to \d+\.\d+ \(more than rounding/m,
    );
    // Said while training: before the later steps start.
    const said = result.stdout.indexOf("• the exact optimum");
    expect(said).toBeGreaterThan(0);
    expect(result.stdout).toContain("TRAINING DIVERGED");
    const report = JSON.parse(read(diverging, "report.json")) as Report;
    expect(report.training.divergence).toMatchObject({
      kind: "cost-rose",
      finalAboveInitial: true,
    });
    expect(report.training.divergence?.epoch).toBeGreaterThanOrEqual(1);
    expect(read(diverging, "report.md")).toContain("Training diverged");

    const verified = await train(["--verify", join(diverging, "report.json"), "--quiet"]);
    expect(verified.code).toBe(5);
    expect(verified.stdout).toMatch(
      /reproduced .* but the run it records diverged: the cost rose at epoch/,
    );
  });

  test("#14.1 non-finite costs or weights name the epoch and the first non-finite value, exit 5", async () => {
    const huge = join(directory, "huge");
    for (const alpha of ["1e308", "1.7976931348623157e308"]) {
      const result = await train([
        "--data",
        data,
        "--epochs",
        "5",
        "--alpha",
        alpha,
        "--impl",
        "reference",
        "--out",
        huge,
        "--quiet",
      ]);
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(
        /^training diverged: (the cost after epoch \d+ is (NaN|-?Infinity)|after epoch 5, \d+ of \d+ parameters are not finite \(the first: .+ = (NaN|-?Infinity)\)|the cost rose at epoch \d+)/m,
      );
      const report = JSON.parse(read(huge, "report.json")) as Report;
      expect(report.training.divergence).not.toBeNull();
    }
    const max = JSON.parse(read(huge, "report.json")) as Report;
    expect(max.training.divergence?.kind).toBe("non-finite");
  });

  test("a run that descends records no divergence", () => {
    const report = JSON.parse(read(out, "report.json")) as Report;
    expect(report.training.divergence).toBeNull();
    expect(report.evaluation.divergence).toBeNull();
  });

  test("invalid invocations exit 2 with the message and the usage", async () => {
    for (const argv of [
      ["--epochs=-5"],
      ["--alpha", "fast"],
      ["--data", join(directory, "nope.csv")],
      ["--bogus"],
    ]) {
      const { code, stderr } = await train(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: .+\n\nUsage: npm run train/);
    }
  });

  test("a data error leaves the previous report intact, untouched to the byte", async () => {
    const before = readdirSync(out).map((name) => read(out, name));
    const broken = join(directory, "broken.csv");
    writeFileSync(broken, csv.replace(/\n(\d+),/, "\nforty,"));
    const { code, stderr } = await train(["--data", broken, "--out", out, "--quiet"]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/broken\.csv: .*\n.*line 2, column 1 \(age\): "forty"/);
    expect(readdirSync(out).map((name) => read(out, name))).toEqual(before);
  });

  test("as a process, a data error prints the pipeline's message without a stack trace", () => {
    const broken = join(directory, "header-only.csv");
    writeFileSync(broken, csv.split("\n")[0] + "\n");
    const script = ["--import", "tsx", "scripts/train.ts", "--data", broken, "--quiet"];
    const result = spawnSync(process.execPath, script, { encoding: "utf8" });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("header-only.csv: ");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test("#14.2 when stdout is closed (| head), it stops quietly with exit code 141, no stack trace", async () => {
    const script = ["--import", "tsx", "scripts/train.ts", "--data", data, "--epochs", "5"];
    const child = spawn(process.execPath, [...script, "--out", join(directory, "piped")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the reader has gone before the first line
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(141);
  }, 30_000);

  test("#14.4 an output folder that cannot be created or written fails before training, exit 4", async () => {
    const cases = [join(data, "out"), ...(process.platform === "linux" ? ["/proc/1/x"] : [])];
    if (process.getuid?.() !== 0) {
      const readOnly = join(directory, "read-only");
      mkdirSync(readOnly, { mode: 0o555 });
      cases.push(join(readOnly, "out"));
    }
    for (const out of cases) {
      const result = await train(["--data", data, "--epochs", "5", "--out", out]);
      expect(result.code, out).toBe(4);
      expect(result.stderr).toMatch(
        new RegExp(`^error: --out ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `),
      );
      expect(result.stderr).toContain("nothing was trained");
      expect(result.stdout).not.toContain("the article's run");
    }
    const empty = await train(["--data", data, "--out", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^error: --out "": expected a folder path/);
  }, 20_000);

  test("#14.4 #23.10 a dangling link at --out is replaced when it names one of its own folders, else refused", async () => {
    const out = join(directory, "dangling");
    symlinkSync(".dangling.999999999-1-00000000", out);
    const result = await train(["--data", data, "--epochs", "5", "--out", out, "--quiet"]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["loss-curve.svg", "report.json", "report.md"]);
    const foreign = join(directory, "foreign");
    symlinkSync(join(directory, "nowhere"), foreign);
    const refused = await train(["--data", data, "--epochs", "5", "--out", foreign, "--quiet"]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(`is a link to ${join(directory, "nowhere")}, which this tool`);
    expect(readlinkSync(foreign)).toBe(join(directory, "nowhere"));
  });

  test("#14.8 --verify validates the report's shape: the file and the bad field's path, exit 3", async () => {
    const good = JSON.parse(read(out, "report.json")) as Record<string, unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits a parsed report freely
    const cases: [(r: Record<string, any>) => void, string][] = [
      [(r) => (r.config = null), "config: expected an object, found null"],
      [(r) => (r.config.alpha = "0.1"), 'config.alpha: expected a number, found "0.1"'],
      [(r) => delete r.config.epochs, "config.epochs: expected a number, found nothing"],
      [(r) => (r.data.sha256 = 42), "data.sha256: expected a SHA-256 (64 hex digits), found 42"],
      [(r) => (r.training = []), "training: expected an object, found an array"],
      [(r) => (r.evaluation = "x"), 'evaluation: expected an object, found "x"'],
    ];
    for (const [edit, message] of cases) {
      const report = structuredClone(good);
      edit(report);
      const file = join(directory, "bad-shape.json");
      writeFileSync(file, JSON.stringify(report));
      const result = await train(["--verify", file, "--quiet"]);
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(`${file}: ${message}\n`);
    }
  });

  test("#14.8 a data file whose name starts with - is trained and verified", () => {
    const tsx = join(process.cwd(), "node_modules/.bin/tsx");
    const script = join(process.cwd(), "scripts/train.ts");
    writeFileSync(join(directory, "-dash.csv"), csv);
    const run = (...args: string[]) =>
      spawnSync(tsx, [script, ...args], { cwd: directory, encoding: "utf8" });
    const trained = run("--data=-dash.csv", "--epochs", "5", "--out", "dash", "--quiet");
    expect(trained.status).toBe(0);
    const verified = run("--verify", "dash/report.json", "--quiet");
    expect(verified.stderr).toBe("");
    expect(verified.stdout).toMatch(/verified/);
    expect(verified.status).toBe(0);
  }, 30_000);
});
