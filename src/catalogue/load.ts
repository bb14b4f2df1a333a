import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ArticleImplementation } from "../contract.js";
import type { CatalogueBug } from "./bug.js";

/** The catalogue's modules live beside the properties they are run against. */
const catalogueRoot = join(import.meta.dirname, "../../properties/catalogue");

/** The folder of the catalogue's buggy modules: one file per mistake, named after it. */
const bugsDirectory = join(catalogueRoot, "bugs");

/**
 * The folder of the unseen list: learner mistakes written separately from the catalogue, the
 * same module form, to measure the suite on bugs it was not tuned against (npm run catalogue -- --unseen).
 */
const unseenDirectory = join(catalogueRoot, "unseen");

/** One catalogued mistake: its name (the file's), its path, what it says about itself, and the module. */
export interface CatalogueEntry {
  name: string;
  path: string;
  bug: CatalogueBug;
  module: ArticleImplementation & { bug: CatalogueBug };
}

/** Loads every module of properties/catalogue/bugs, in the article's step order, then by name. */
export async function loadCatalogue(): Promise<CatalogueEntry[]> {
  return loadDirectory(bugsDirectory);
}

/** Loads every module of properties/catalogue/unseen, in the article's step order, then by name. */
export async function loadUnseen(): Promise<CatalogueEntry[]> {
  return loadDirectory(unseenDirectory);
}

async function loadDirectory(directory: string): Promise<CatalogueEntry[]> {
  const files = readdirSync(directory).filter((file) => file.endsWith(".ts"));
  const entries = await Promise.all(
    files.map(async (file) => {
      const path = join(directory, file);
      const module = (await import(pathToFileURL(path).href)) as CatalogueEntry["module"];
      return { name: basename(file, ".ts"), path, bug: module.bug, module };
    }),
  );
  return entries.sort((a, b) => a.bug.step - b.bug.step || a.name.localeCompare(b.name));
}
