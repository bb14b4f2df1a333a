import ts from "typescript";

/**
 * The clauses the contract states: the `@clause <function>.<clause-id> <text>` lines of the doc
 * comments in src/contract.ts, read statically with the TypeScript compiler API.
 */

/** One clause: "yesNoFlag.other", the function it is about, what it says and where. */
export interface Clause {
  id: string;
  function: string;
  text: string;
  line: number;
  /** The declaration whose doc comment states it (a function, a field, an interface), if named. */
  documents?: string;
}

/** Something the generator cannot accept in a source file, with where it is. */
export interface SourceProblem {
  file: string;
  line: number;
  message: string;
}

const CLAUSE = /^([A-Za-z_$][\w$]*)\.([\w-]+)\s+(\S.*)$/;

/** The name a doc comment documents, when its node is a named declaration or member. */
function declaredName(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/**
 * The clauses of `source` (the text of `file`), in the order they are written, and the tags it
 * cannot read: a malformed `@clause`, or a clause id stated twice.
 */
export function readClauses(
  file: string,
  source: string,
): { clauses: Clause[]; problems: SourceProblem[] } {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const clauses: Clause[] = [];
  const problems: SourceProblem[] = [];
  const seen = new Set<number>();
  const lineOf = (node: ts.Node) =>
    sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;

  const visit = (node: ts.Node) => {
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== "clause" || seen.has(tag.pos)) continue;
      seen.add(tag.pos);
      const line = lineOf(tag);
      const text = (ts.getTextOfJSDocComment(tag.comment) ?? "").replace(/\s+/g, " ").trim();
      const match = CLAUSE.exec(text);
      const problem = (message: string) => problems.push({ file, line, message });
      if (!match) {
        problem(`@clause "${text}" is not "<function>.<clause-id> <text>"`);
        continue;
      }
      const [, name, clauseId, said] = match;
      const id = `${name}.${clauseId}`;
      if (clauses.some((clause) => clause.id === id)) problem(`@clause ${id} is stated twice`);
      else clauses.push({ id, function: name, text: said, line, documents: declaredName(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { clauses, problems };
}
