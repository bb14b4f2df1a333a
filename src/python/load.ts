import { fileURLToPath } from "node:url";
import type { ArticleImplementation } from "../contract.js";
import { pythonImplementation } from "./adapter.js";
import { findPython, NO_PYTHON } from "./find-python.js";
import { PythonProcess } from "./process.js";

/** bridge.py, the Python side of the pipes. */
const BRIDGE = fileURLToPath(new URL("./bridge.py", import.meta.url));

/**
 * The contract's functions over the Python module at `modulePath` (docs/python.md), run by one
 * python process for as long as this process lives. Throws when no python with numpy is found.
 */
export function loadPythonModule(modulePath: string): ArticleImplementation {
  const python = findPython();
  if (python === undefined) throw new Error(`${modulePath}: ${NO_PYTHON}`);
  return pythonImplementation(new PythonProcess(python, BRIDGE, modulePath), modulePath);
}
