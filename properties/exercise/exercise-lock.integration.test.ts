import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/exercise/main.js";

/**
 * The exercise's lock (.exercise/lock) is exclusive: real processes started together never work
 * on src/impl at once, and a lock that cannot be read as a live or ended process counts as held.
 * Each case works on a temporary project with its own git repository.
 */
const projectRoot = resolve(import.meta.dirname, "../..");
const tsx = join(projectRoot, "node_modules/.bin/tsx");

function gitProject(): string {
  const root = mkdtempSync(join(tmpdir(), "logreg-lock-"));
  cpSync(join(projectRoot, "src/impl"), join(root, "src/impl"), { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
  git("init", "--quiet");
  git("add", "src/impl");
  git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "shipped");
  return root;
}

/**
 * Runs `exercise start` in a process of its own once the file `go` exists (lock-contender.ts);
 * resolves to its status and output.
 */
function startProcess(
  root: string,
  go: string,
): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const contender = join(import.meta.dirname, "lock-contender.ts");
    const child = spawn(tsx, [contender, root, go], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("close", (status) => done({ status, output }));
  });
}

const ROUNDS = 3;

test(
  `six concurrent starts, ${ROUNDS} rounds: exactly one replaces src/impl, the others are refused or find the stubs; one saved copy; no lock left`,
  async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const root = gitProject();
      const go = join(root, "go");
      const running = Array.from({ length: 6 }, () => startProcess(root, go));
      // Every contender has loaded the tool within 20 s, even on a loaded machine; then all go.
      await new Promise((wait) => setTimeout(wait, 20_000));
      writeFileSync(go, "");
      const results = await Promise.all(running);
      const replaced = results.filter((r) => r.output.includes("Saved src/impl to"));
      expect(replaced, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      for (const { status, output } of results) {
        const known =
          output.includes("Saved src/impl to") ||
          output.includes("already holds the untouched stubs") ||
          output.includes("is working on src/impl; nothing was changed");
        expect(known, `round ${round}: ${output}`).toBe(true);
        expect(status === 0 || status === 1, output).toBe(true);
      }
      expect(readdirSync(join(root, ".exercise/saved"))).toHaveLength(1);
      expect(readdirSync(join(root, ".exercise")).sort()).toEqual(["saved"]);
      expect(
        results.filter((r) => r.output.includes("is working on src/impl")).length,
      ).toBeGreaterThan(0);
    }
  },
  // Six tsx start-ups per round (20 s of waiting), on a loaded 2-core machine.
  ROUNDS * 80_000,
);

describe("a lock that cannot be read as a process id counts as held", () => {
  function startWithLock(lock: (path: string) => void) {
    const root = gitProject();
    mkdirSync(join(root, ".exercise"), { recursive: true });
    lock(join(root, ".exercise/lock"));
    const errors: string[] = [];
    const status = main(["start", "--root", root], { log: () => {}, error: (m) => errors.push(m) });
    return { status, error: errors.join("\n"), root };
  }

  test("an empty lock (a command writing it) is held: start refuses, src/impl and the lock stay", () => {
    const { status, error, root } = startWithLock((path) => writeFileSync(path, ""));
    expect(status).toBe(1);
    expect(error).toContain(".exercise/lock holds no process id");
    expect(existsSync(join(root, ".exercise/lock"))).toBe(true);
    expect(existsSync(join(root, ".exercise/saved"))).toBe(false);
  });

  test("a lock that is a folder is named as such, not a raw EISDIR", () => {
    const { status, error } = startWithLock((path) => mkdirSync(path));
    expect(status).toBe(1);
    expect(error).toBe(
      "exercise: .exercise/lock is not a file (a folder?): remove it, then try again",
    );
  });

  test("a stale lock being broken by another command is left to it", () => {
    const { status, error } = startWithLock((path) => {
      writeFileSync(path, "999999999\n");
      writeFileSync(`${path}.breaking`, `${process.pid}\n`);
    });
    expect(status).toBe(1);
    expect(error).toContain(
      ".exercise/lock.breaking exists: another command is removing a stale lock",
    );
  });
});
