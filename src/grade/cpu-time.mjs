/**
 * The CPU time of a process and all its descendants, read by the grader from /proc: the
 * sandbox's time, measured from outside it (nothing the sandbox says about its time counts).
 *
 * For each process of the tree (the children of each of its threads, from
 * /proc/<pid>/task/<tid>/children, recursively), /proc/<pid>/stat's utime + stime (its threads
 * included) + cutime + cstime (its children that ended and were waited for), in clock ticks.
 * A process that ends between two reads drops out of the sum until its parent waits for it:
 * the sum is a lower bound, and the kernel's RLIMIT_CPU is the backstop.
 *
 * Plain JavaScript: the watchdog worker (watchdog.mjs) runs it without the kit's loader.
 */
import { readFileSync, readdirSync } from "node:fs";

function read(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process ended
  }
}

/** The fields of /proc/<pid>/stat from the third (the state) on; undefined once it has ended. */
function statFields(pid) {
  const stat = read(`/proc/${pid}/stat`);
  // The second field, the command's name in parentheses, may hold spaces and parentheses.
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Stopped (SIGSTOP, SIGTSTP) or traced: state T or t. */
function stoppedState(fields) {
  return fields[0] === "T" || fields[0] === "t";
}

function children(pid) {
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out = [];
  for (const tid of tasks) {
    const text = read(`/proc/${pid}/task/${tid}/children`);
    if (text) for (const child of text.trim().split(" ")) if (child) out.push(Number(child));
  }
  return out;
}

/**
 * The tree of `pid`: the CPU milliseconds its processes used so far (utime + stime + cutime +
 * cstime; `tickMs` is 1000 / CLK_TCK) and whether any of them is stopped.
 */
export function treeUsage(pid, tickMs) {
  let ticks = 0;
  let stopped = false;
  const pending = [pid];
  const seen = new Set();
  while (pending.length > 0) {
    const next = pending.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    const fields = statFields(next);
    if (fields === undefined) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    stopped ||= stoppedState(fields);
    pending.push(...children(next));
  }
  return { cpuMs: ticks * tickMs, stopped };
}

/** The CPU milliseconds used so far by `pid` and its descendants (see treeUsage). */
export function treeCpuMs(pid, tickMs) {
  return treeUsage(pid, tickMs).cpuMs;
}

/** Whether the process `pid` is stopped (SIGSTOP, SIGTSTP) or traced. */
export function isStopped(pid) {
  const fields = statFields(pid);
  return fields !== undefined && stoppedState(fields);
}
