/**
 * A scratch clone of the repository for capturing real runs: `git clone` of the committed HEAD
 * into a mkdtemp folder, with the project's node_modules linked in, and a way to run the kit's
 * commands there and read what they print.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What a command printed (stdout and stderr together, as a terminal shows them) and its status. */
interface Ran {
  output: string;
  status: number | null;
}

/** One scratch clone: where it is, how to run a command in it, and how to remove it. */
export interface ScratchClone {
  dir: string;
  run: (args: string[], timeoutMs: number) => Ran;
  remove: () => void;
}

/**
 * Clones `root`'s HEAD into a fresh temporary folder. Commands run with `env` added to this
 * process's environment (a fixed PROPERTY_SEED, say), without colours.
 */
export function scratchClone(root: string, env: Record<string, string>): ScratchClone {
  const parent = mkdtempSync(join(tmpdir(), "logreg-docs-capture-"));
  const dir = join(parent, "logreg-lab");
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", root, dir], { stdio: "ignore" });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NO_COLOR: "1", CI: "true" };
  delete childEnv.FORCE_COLOR;
  delete childEnv.LOGREG_IMPL;
  return {
    dir,
    run(args, timeoutMs) {
      // sh merges stderr into stdout, so the two keep the order they were printed in.
      const ran = spawnSync("sh", ["-c", '"$@" 2>&1', "sh", ...args], {
        cwd: dir,
        env: childEnv,
        encoding: "utf8",
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      });
      if (ran.error) throw new Error(`${args.join(" ")}: ${ran.error.message}`);
      return { output: ran.stdout, status: ran.status };
    },
    remove: () => rmSync(parent, { recursive: true, force: true }),
  };
}
