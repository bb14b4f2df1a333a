import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseCommandLine, UsageError, USAGE } from "../../src/train/cli.js";

const fixture = "package.json"; // any existing file stands in for the data file here

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv, fixture);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("the train script's command line", () => {
  test("no arguments reproduce the article: zeros, α = 0.1, 1000 epochs, the fixture, the default gradient", () => {
    expect(parseCommandLine([], fixture)).toEqual({
      kind: "train",
      out: "reports/latest",
      quiet: false,
      config: {
        data: fixture,
        alpha: 0.1,
        epochs: 1000,
        gradient: "default",
        impl: "fast",
        seed: 42,
        testFraction: 0.2,
        dropInvalidRows: false,
      },
    });
  });

  test("every option is read", () => {
    const command = parseCommandLine(
      [
        "--data",
        "README.md",
        "--alpha",
        "0.5",
        "--epochs",
        "7",
        "--gradient",
        "loop",
        "--impl",
        "impl",
        "--out",
        "o",
        "--seed",
        "3",
        "--test-fraction",
        "0.25",
        "--drop-invalid-rows",
        "--quiet",
      ],
      fixture,
    );
    expect(command).toEqual({
      kind: "train",
      out: "o",
      quiet: true,
      config: {
        data: "README.md",
        alpha: 0.5,
        epochs: 7,
        gradient: "loop",
        impl: "impl",
        seed: 3,
        testFraction: 0.25,
        dropInvalidRows: true,
      },
    });
    expect(parseCommandLine(["--verify", "package.json", "--tolerance", "1e-12"], fixture)).toEqual(
      {
        kind: "verify",
        report: "package.json",
        data: undefined,
        tolerance: 1e-12,
        quiet: false,
      },
    );
    expect(parseCommandLine(["-h"], fixture)).toEqual({ kind: "help" });
  });

  test("each invalid value is named with what was expected", () => {
    expect(usageError(["--epochs=-5"])).toBe(
      '--epochs "-5": expected an integer from 1 to 1000000, in decimal notation',
    );
    expect(usageError(["--epochs", "2.5"])).toBe(
      '--epochs "2.5": expected an integer from 1 to 1000000, in decimal notation',
    );
    expect(usageError(["--alpha", "fast"])).toBe(
      '--alpha "fast": expected a finite number > 0, in decimal notation',
    );
    expect(usageError(["--alpha", ""])).toBe(
      '--alpha "": expected a finite number > 0, in decimal notation',
    );
    expect(usageError(["--test-fraction", "1"])).toBe(
      '--test-fraction "1": expected a number strictly between 0 and 1, in decimal notation',
    );
    expect(usageError(["--gradient", "fused"])).toBe(
      '--gradient "fused": expected one of loop, vectorized',
    );
    expect(usageError(["--data", "no/such.csv"])).toBe("--data no/such.csv: no such file");
    expect(usageError(["--data", "src"])).toBe("--data src: not a file");
    expect(usageError(["--out", "package.json"])).toBe(
      "--out package.json: exists and is not a directory",
    );
    expect(usageError(["--bogus"])).toBe("Unknown option '--bogus'");
    expect(usageError(["extra"])).toMatch(/^Unexpected argument 'extra'/);
    expect(usageError(["--verify", "package.json", "--epochs", "3"])).toMatch(
      /--verify .* not --epochs$/,
    );
    expect(usageError(["--tolerance", "0"])).toBe("--tolerance is used only with --verify");
  });

  test("numbers are accepted in decimal notation only (no hex, binary, underscores or spaces)", () => {
    for (const text of ["0x10", "0b11", "0o7", "1_000", " 5", "5 ", "Infinity", "+", "1e", "."]) {
      expect(usageError(["--epochs", text])).toBe(
        `--epochs ${JSON.stringify(text)}: expected an integer from 1 to 1000000, in decimal notation`,
      );
    }
    expect(usageError(["--alpha", "0x1"])).toBe(
      '--alpha "0x1": expected a finite number > 0, in decimal notation',
    );
    const ok = parseCommandLine(["--epochs", "1e2", "--alpha", ".5", "--seed", "+7"], fixture);
    expect(ok).toMatchObject({ config: { epochs: 100, alpha: 0.5, seed: 7 } });
  });

  test("the usage lists every option the parser accepts", () => {
    for (const option of [
      "--data",
      "--alpha",
      "--epochs",
      "--gradient",
      "--impl",
      "--out",
      "--seed",
      "--test-fraction",
      "--drop-invalid-rows",
      "--quiet",
      "--verify",
      "--tolerance",
      "--help",
    ]) {
      expect(USAGE).toContain(option);
    }
  });

  test("#23.15 a symbolic link loop is called one, not 'no such file'; a missing file still is", () => {
    const directory = mkdtempSync(join(tmpdir(), "logreg-cli-"));
    try {
      const loop = join(directory, "loop.csv");
      symlinkSync(loop, loop);
      const missing = join(directory, "missing.csv");
      expect(usageError(["--data", loop])).toBe(
        `--data ${loop}: a symbolic link loop (a link that leads back to itself)`,
      );
      expect(usageError(["--verify", loop])).toBe(
        `--verify ${loop}: a symbolic link loop (a link that leads back to itself)`,
      );
      expect(usageError(["--data", missing])).toBe(`--data ${missing}: no such file`);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
