import { main } from "../../src/exercise/main.js";

/** Runs `npm run exercise -- <args> --root <root>` in-process; returns its status and output. */
export function exercise(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main([...args, "--root", root], {
    log: (m) => out.push(m),
    error: (m) => err.push(m),
  });
  return { status, out: out.join("\n"), err: err.join("\n") };
}
