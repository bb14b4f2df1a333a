import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ArticleImplementation } from "../../src/contract.js";
import type { CatalogueBug } from "./bug.js";

/** The folder of the catalogue's buggy modules: one file per mistake, named after it. */
const bugsDirectory = join(import.meta.dirname, "bugs");

/** One catalogued mistake: its name (the file's), its path, what it says about itself, and the module. */
export interface CatalogueEntry {
  name: string;
  path: string;
  bug: CatalogueBug;
  module: ArticleImplementation & { bug: CatalogueBug };
}

/** Loads every module of properties/catalogue/bugs, in the article's step order, then by name. */
export async function loadCatalogue(): Promise<CatalogueEntry[]> {
  const files = readdirSync(bugsDirectory).filter((file) => file.endsWith(".ts"));
  const entries = await Promise.all(
    files.map(async (file) => {
      const path = join(bugsDirectory, file);
      const module = (await import(pathToFileURL(path).href)) as CatalogueEntry["module"];
      return { name: basename(file, ".ts"), path, bug: module.bug, module };
    }),
  );
  return entries.sort((a, b) => a.bug.step - b.bug.step || a.name.localeCompare(b.name));
}
