import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { confinedCommand, probeConfinement } from "../../src/grade/confinement.js";

/**
 * The OS sandboxes themselves (src/grade/confinement.ts), each kind the machine has: a script in
 * the sandbox reports what it can reach — a TCP server of the test's on 127.0.0.1, a process of
 * the user (a `sleep` of the test's), a file outside its folder — and its own PID.
 */

const run = promisify(execFile);
let folder: string;
let server: Server;
let port: number;
let connections = 0;
let victim: ChildProcess;

const script = `
import { connect } from "node:net";
import { readFileSync } from "node:fs";
const report = { pid: process.pid };
report.network = await new Promise((done) => {
  const socket = connect(Number(process.argv[2]), "127.0.0.1");
  socket.on("connect", () => { socket.destroy(); done("connected"); });
  socket.on("error", (error) => done(error.code));
});
try { process.kill(Number(process.argv[3]), "SIGKILL"); report.signal = "sent"; }
catch (error) { report.signal = error.code; }
try { readFileSync("/etc/hostname"); report.read = "read"; }
catch (error) { report.read = error.code; }
console.log(JSON.stringify(report));
`;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "logreg-confinement-"));
  await writeFile(join(folder, "probe.mjs"), script);
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  port = (server.address() as { port: number }).port;
  victim = spawn("sleep", ["300"], { stdio: "ignore" });
});

afterAll(async () => {
  victim?.kill("SIGKILL");
  server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** What the probe script reports from inside `kind`'s sandbox. */
async function report(kind: "bwrap" | "unshare" | "none") {
  const limits = { memoryMb: 128, cpuSeconds: 10 };
  const { file, args } = confinedCommand(kind, limits, folder, [], ["probe.mjs"]);
  const { stdout } = await run(file, [...args, String(port), String(victim.pid)], {
    cwd: folder,
    timeout: 30_000,
  });
  return JSON.parse(stdout) as { pid: number; network: string; signal: string; read: string };
}

describe("the OS sandbox", () => {
  test("this machine has bubblewrap: the grader picks it", () => {
    expect(probeConfinement(folder)).toEqual({ kind: "bwrap" });
  });

  test.each(["bwrap", "unshare"] as const)(
    "%s: no network, its own PID space, no signal out, no file outside its folder",
    async (kind) => {
      const seen = await report(kind);
      // bwrap brings up a loopback of its own, where nothing listens; unshare leaves it down.
      expect(["ECONNREFUSED", "ENETUNREACH"]).toContain(seen.network);
      expect(seen.pid).toBeLessThanOrEqual(2);
      expect(seen.signal).toBe("ESRCH");
      expect(["ENOENT", "ERR_ACCESS_DENIED"]).toContain(seen.read);
      expect(() => process.kill(victim.pid!, 0)).not.toThrow();
      expect(connections).toBe(0);
    },
    60_000,
  );

  test("none (--unsafe-no-sandbox): the permission model alone lets the network and signals through", async () => {
    const seen = await report("none");
    expect(seen.read).toBe("ERR_ACCESS_DENIED");
    expect(seen.network).toBe("connected");
    expect(seen.signal).toBe("sent");
    expect(connections).toBe(1);
  }, 60_000);
});

describe("a machine with no OS sandbox", () => {
  const root = join(import.meta.dirname, "../..");
  /** `npm run grade` with a PATH where neither prlimit, bwrap nor unshare is found. */
  const gradeWithoutTools = (extra: string[]) =>
    run(
      process.execPath,
      ["--import", "tsx", "scripts/grade.ts", folder, "--out", join(folder, "out"), ...extra],
      { cwd: root, env: { ...process.env, PATH: join(folder, "no-tools") }, timeout: 120_000 },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );

  test("--unsafe-no-sandbox runs without an OS sandbox, also where one works, and says so", async () => {
    const empty = await mkdtemp(join(tmpdir(), "logreg-unsafe-"));
    try {
      const { stderr } = await run(
        process.execPath,
        [
          "--import",
          "tsx",
          "scripts/grade.ts",
          empty,
          "--out",
          join(empty, "out"),
          "--unsafe-no-sandbox",
        ],
        { cwd: root, timeout: 120_000 },
      );
      expect(stderr).toContain("grade: WARNING: --unsafe-no-sandbox: no OS sandbox");
      expect(stderr).toContain("sandbox: none");
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  }, 120_000);

  test("refuses to run untrusted code, saying why and what to do", async () => {
    const { code, stderr } = await gradeWithoutTools([]);
    expect(code).toBe(1);
    expect(stderr).toContain("grade: no OS sandbox works on this machine (bwrap: ");
    expect(stderr).toContain("Install bubblewrap");
    expect(stderr).toContain("--unsafe-no-sandbox");
  }, 120_000);
});
