import { spawnSync } from "node:child_process";
import { lstatSync, readlinkSync, realpathSync } from "node:fs";

/**
 * The operating-system sandbox a submission's process runs in, and the command line that starts
 * it. Three kinds, the first that works on this machine is used ({@link probeConfinement}):
 *
 * - `bwrap` (bubblewrap): new user, network, PID, IPC, UTS, cgroup and mount namespaces
 *   (`--unshare-all`), uid 65534, no capabilities, `--die-with-parent --new-session`, an empty
 *   root holding only Node's binary and the system libraries it links (read-only), the
 *   submission's bundle folder at /submission (read-only), a private /tmp (tmpfs), bwrap's own
 *   minimal /dev and a /proc of its PID namespace;
 * - `unshare` (util-linux): the same namespaces (network, PID with its own /proc, IPC, UTS; a user
 *   namespace when not root), the host's file system seen through Node's permission model only;
 * - `none`: only with `--unsafe-no-sandbox`: Node's permission model alone.
 *
 * In every kind the process gets resource limits (`prlimit`, inherited through bwrap/unshare;
 * the shell's `ulimit` for `none`): address space, CPU seconds, file size, open files and
 * processes; and Node's permission model
 * (`--experimental-permission`, reading only its bundle folder) stays as a second layer.
 */

export type ConfinementKind = "bwrap" | "unshare" | "none";

export interface Limits {
  /** V8's heap; the address space is limited to this plus 1 GB (V8 reserves address space). */
  memoryMb: number;
  /** RLIMIT_CPU: the kernel kills the process past this many CPU seconds (a backstop). */
  cpuSeconds: number;
}

/**
 * Largest file the sandbox may write: its tmpfs, and its stderr, which goes to a file of the
 * checking process's (bridge.ts): the first MiB is kept, and a write beyond fails (EFBIG; Node
 * ignores SIGXFSZ) in the submission's own code. Then open files, processes and threads.
 */
const FILE_BYTES = 2 ** 20;
const OPEN_FILES = 64;
const PROCESSES = 64;
/** Where the bundle folder appears inside bwrap's sandbox. */
const INSIDE = "/submission";

/** util-linux `prlimit` running the rest of the command under the limits (Linux). */
function prlimit(limits: Limits): string[] {
  return [
    "prlimit",
    `--as=${(limits.memoryMb + 1024) * 2 ** 20}`,
    `--cpu=${Math.ceil(limits.cpuSeconds)}`,
    `--fsize=${FILE_BYTES}`,
    `--nofile=${OPEN_FILES}`,
    `--nproc=${PROCESSES}`,
    "--",
  ];
}

/**
 * The shell's `ulimit`, for `none` (where prlimit may be missing, as on macOS): the same limits
 * but processes, which not every shell can set; sizes in KiB.
 */
function ulimit(limits: Limits): string[] {
  const set = [
    `-v ${(limits.memoryMb + 1024) * 1024}`,
    `-t ${Math.ceil(limits.cpuSeconds)}`,
    `-f ${FILE_BYTES / 1024}`,
    `-n ${OPEN_FILES}`,
  ];
  return ["/bin/sh", "-c", `${set.map((s) => `ulimit ${s}`).join(" && ")} && exec "$0" "$@"`];
}

/** `/lib` and `/lib64`: symbolic links into /usr on merged-/usr systems, folders elsewhere. */
function systemLibraryMounts(): string[] {
  const mounts = ["--ro-bind", "/usr/lib", "/usr/lib", "--ro-bind-try", "/usr/lib64", "/usr/lib64"];
  for (const path of ["/lib", "/lib64"]) {
    try {
      if (lstatSync(path).isSymbolicLink()) mounts.push("--symlink", readlinkSync(path), path);
      else mounts.push("--ro-bind", path, path);
    } catch {
      // absent on this machine
    }
  }
  return mounts;
}

function bwrapArgs(node: string, folder: string): string[] {
  return [
    "bwrap",
    "--unshare-all",
    "--unshare-user",
    "--uid",
    "65534",
    "--gid",
    "65534",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--ro-bind",
    node,
    node,
    ...systemLibraryMounts(),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp",
    "--ro-bind",
    folder,
    INSIDE,
    "--chdir",
    INSIDE,
    "--",
  ];
}

function unshareArgs(): string[] {
  const user = process.getuid?.() === 0 ? [] : ["--map-root-user"];
  return ["unshare", ...user, "--net", "--pid", "--fork", "--kill-child", "--mount-proc"].concat([
    "--ipc",
    "--uts",
    "--",
  ]);
}

/** The node binary, by its real path (bwrap mounts that one file). */
function nodeBinary(): string {
  return realpathSync(process.execPath);
}

/**
 * The command that runs `node <nodeArgs…> <script> <scriptArgs…>` in `kind`'s sandbox, where
 * `folder` (absolute) holds `script` and its arguments: the paths are given relative to it and
 * translated to where the sandbox sees the folder. Node may read `folder` only.
 */
export function confinedCommand(
  kind: ConfinementKind,
  limits: Limits,
  folder: string,
  nodeArgs: string[],
  files: string[],
): { file: string; args: string[] } {
  const node = nodeBinary();
  const seen = kind === "bwrap" ? INSIDE : folder;
  const wrapper =
    kind === "bwrap"
      ? [...prlimit(limits), ...bwrapArgs(node, folder)]
      : kind === "unshare"
        ? [...prlimit(limits), ...unshareArgs()]
        : ulimit(limits);
  const [file, ...args] = [
    ...wrapper,
    node,
    "--experimental-permission",
    `--allow-fs-read=${seen}`,
    `--max-old-space-size=${limits.memoryMb}`,
    "--no-warnings",
    ...nodeArgs,
    ...files.map((name) => `${seen}/${name}`),
  ];
  return { file, args };
}

/**
 * The first kind of sandbox that starts Node on this machine, or why none does: each is tried
 * with `node -e` on an empty folder, which must see itself as process 1 or 2 (its own PID
 * namespace): bwrap or unshare missing, user namespaces disabled, not Linux … each say why.
 */
export function probeConfinement(
  folder: string,
): { kind: "bwrap" | "unshare" } | { kind: undefined; why: string } {
  const failures: string[] = [];
  if (process.platform !== "linux") {
    return { kind: undefined, why: `bwrap and unshare need Linux, this is ${process.platform}` };
  }
  for (const kind of ["bwrap", "unshare"] as const) {
    const { file, args } = confinedCommand(
      kind,
      { memoryMb: 128, cpuSeconds: 10 },
      folder,
      ["-e", "process.exit(process.pid <= 2 ? 0 : 3)"],
      [],
    );
    const result = spawnSync(file, args, { encoding: "utf8", timeout: 20_000 });
    if (result.status === 0) return { kind };
    const why =
      result.error?.message ?? (result.stderr.trim().split("\n").at(-1) || `exit ${result.status}`);
    failures.push(`${kind}: ${why}`);
  }
  return { kind: undefined, why: failures.join("; ") };
}
