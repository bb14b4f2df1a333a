import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { confinedCommand, type ConfinementKind, type Limits } from "./confinement.js";

/**
 * The command that runs a Python submission's bridge (src/python/bridge.py) in the grader's OS
 * sandbox (confinement.ts): the same bwrap command and limits as a TypeScript submission's,
 * around `python -B bridge.py logreg.py` instead of node. Inside bwrap the submission's folder is
 * /submission (read-only, on PYTHONPATH, so that the module may import its neighbours),
 * bridge.py is /logreg-bridge/bridge.py, and what `import numpy` needs is mounted read-only: the
 * python binary, every folder of its sys.path, the folders of every file it maps once numpy is
 * imported, and /etc/alternatives (Debian's BLAS is reached through it). Python has no
 * permission model of its own, so `unshare` (which leaves the host's file system readable) is
 * refused; `none` (--unsafe-no-sandbox) runs it under the shell's limits alone.
 */

const INSIDE = "/submission";
const BRIDGE_INSIDE = "/logreg-bridge/bridge.py";

/** What python sees once numpy is imported: its binary's real path and the folders it reads. */
const PROBE = `
import json, os, sys, numpy
folders = {p for p in sys.path if p and os.path.isdir(p)}
for line in open("/proc/self/maps"):
    parts = line.split(None, 5)
    if len(parts) == 6 and parts[5].startswith("/"):
        folders.add(os.path.dirname(parts[5].strip()))
print(json.dumps([os.path.realpath(sys.executable), sorted(folders)]))
`;

interface PythonFiles {
  executable: string;
  folders: string[];
}

const probed = new Map<string, PythonFiles>();

/** The binary and the folders `python` reads to import numpy (asked once per python). */
function pythonFiles(python: string): PythonFiles {
  let files = probed.get(python);
  if (files === undefined) {
    const output = execFileSync(python, ["-c", PROBE], { encoding: "utf8", timeout: 30_000 });
    const [executable, folders] = JSON.parse(output) as [string, string[]];
    files = { executable, folders: folders.map((folder) => realpathSync(folder)) };
    probed.set(python, files);
  }
  return files;
}

/** bwrap's read-only mounts of `files`, but for what its command already mounts (/usr/lib). */
function mounts({ executable, folders }: PythonFiles): string[] {
  const mounted = ["/usr/lib/"];
  const alternatives = "/etc/alternatives";
  const binds = ["--ro-bind", executable, executable, "--ro-bind-try", alternatives, alternatives];
  for (const folder of [...new Set(folders)].sort()) {
    if (mounted.some((done) => `${folder}/`.startsWith(done))) continue;
    mounted.push(`${folder}/`);
    binds.push("--ro-bind", folder, folder);
  }
  return binds;
}

/**
 * The command that runs `python -B bridge module` confined as `kind` with `limits`, `folder`
 * (absolute) holding the module `moduleFile`; `env` is all the environment python gets.
 */
export function confinedPython(
  kind: ConfinementKind,
  limits: Limits,
  folder: string,
  [python, bridge, moduleFile]: string[],
  env: Record<string, string>,
): { file: string; args: string[] } {
  if (kind === "unshare") {
    throw new Error(
      "a Python submission is run in bwrap's sandbox only (unshare leaves the file system readable): install bubblewrap",
    );
  }
  const files = pythonFiles(python);
  // The node command of a TypeScript submission, cut where node starts: its sandbox and limits.
  const node = confinedCommand(kind, limits, folder, [], []);
  const whole = [node.file, ...node.args];
  const wrapper = whole.slice(0, whole.lastIndexOf(realpathSync(process.execPath)));
  if (kind === "none") {
    const assignments = Object.entries(env).map(([key, value]) => `${key}=${value}`);
    const command = ["/usr/bin/env", "-i", `PYTHONPATH=${folder}`, ...assignments];
    const module = `${folder}/${moduleFile}`;
    const [file, ...args] = [...wrapper, ...command, files.executable, "-B", bridge, module];
    return { file, args };
  }
  const settings = Object.entries({ ...env, PYTHONPATH: INSIDE }).flatMap(([key, value]) => [
    "--setenv",
    key,
    value,
  ]);
  const end = wrapper.lastIndexOf("--");
  const [file, ...args] = [
    ...wrapper.slice(0, end),
    ...mounts(files),
    "--ro-bind",
    bridge,
    BRIDGE_INSIDE,
    ...settings,
    "--",
    files.executable,
    "-B",
    BRIDGE_INSIDE,
    `${INSIDE}/${moduleFile}`,
  ];
  return { file, args };
}
