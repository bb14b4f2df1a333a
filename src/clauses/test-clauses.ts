import ts from "typescript";
import type { SourceProblem } from "./contract-clauses.js";

/**
 * The clauses each test names: the `clauses: ["yesNoFlag.other", …]` option of every
 * checkProperty / checkExample call in a test file, with the test (vitest's `test`/`it`, inside
 * its `describe` blocks) that makes the call, read statically with the TypeScript compiler API.
 */

/** One test naming one clause. */
export interface ClauseUse {
  clause: string;
  file: string;
  /** The test's name as written, describe blocks first (" > "); `${…}` kept in template names. */
  test: string;
  line: number;
}

const CHECKS = new Set(["checkProperty", "checkExample"]);
const TESTS = new Set(["test", "it"]);

/** The name a call's callee ends with: `checkProperty`, `test` for `test.each([…])(…)`. */
function calleeName(call: ts.CallExpression): string | undefined {
  let callee: ts.Expression = call.expression;
  for (;;) {
    if (ts.isIdentifier(callee)) return callee.text;
    if (ts.isPropertyAccessExpression(callee) && !TESTS.has(callee.name.text)) {
      callee = callee.expression;
    } else if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
    else if (ts.isCallExpression(callee)) callee = callee.expression;
    else return undefined;
  }
}

/** A test's or describe's name as written: a string's text, a template's text with `${…}`. */
function nameText(node: ts.Expression | undefined, sourceFile: ts.SourceFile): string {
  if (!node) return "(unnamed)";
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.getText(sourceFile).slice(1, -1);
  return node.getText(sourceFile);
}

/** The enclosing test or describe calls of a node, outermost first. */
function enclosing(node: ts.Node, names: ReadonlySet<string>): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isCallExpression(parent) && names.has(calleeName(parent) ?? "")) calls.unshift(parent);
  }
  return calls;
}

/** The clause ids of a `clauses: [...]` value, or a problem when it is not a literal list. */
function clauseIds(value: ts.Expression): string[] | undefined {
  let list = value;
  while (ts.isAsExpression(list) || ts.isSatisfiesExpression(list)) list = list.expression;
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  const ids: string[] = [];
  for (const element of list.elements) {
    if (!ts.isStringLiteral(element) && !ts.isNoSubstitutionTemplateLiteral(element)) {
      return undefined;
    }
    ids.push(element.text);
  }
  return ids;
}

const SCOPES = new Set([...TESTS, "describe"]);

/** The full name of the test a node is in ("describe > test"), or undefined outside any test. */
function testName(node: ts.Node, sourceFile: ts.SourceFile): string | undefined {
  const chain = enclosing(node, SCOPES);
  if (!chain.some((call) => TESTS.has(calleeName(call) ?? ""))) return undefined;
  return chain.map((call) => nameText(call.arguments[0], sourceFile)).join(" > ");
}

/** The name of the function declared around a node (`function f` or `const f = () => …`). */
function helperName(node: ts.Node): string | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isFunctionDeclaration(parent) && parent.name) return parent.name.text;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  }
  return undefined;
}

/** The tests of the file that call the function `name` directly. */
function testsCalling(name: string, sourceFile: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const test = node.expression.text === name ? testName(node, sourceFile) : undefined;
      if (test !== undefined && !names.includes(test)) names.push(test);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/**
 * Every clause the checkProperty / checkExample calls of `source` (the text of the test file
 * `file`) name, one use per clause and test. A call made in a helper function is credited to
 * the tests of the file that call that helper. Problems: a `clauses` option that is not a
 * list of string literals, a spec that is not an object literal or spreads another object
 * without its own `clauses` (what it names cannot be read), a call outside any test.
 */
export function readClauseUses(
  file: string,
  source: string,
): { uses: ClauseUse[]; problems: SourceProblem[] } {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const uses: ClauseUse[] = [];
  const problems: SourceProblem[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && CHECKS.has(calleeName(node) ?? "")) {
      const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
      const problem = (message: string) => problems.push({ file, line, message });
      const check = calleeName(node);
      const spec = node.arguments[0];
      const option = spec && ts.isObjectLiteralExpression(spec) ? clausesOption(spec) : "unread";
      const ids = typeof option === "object" ? clauseIds(option.initializer) : undefined;
      const helper = helperName(node);
      const direct = testName(node, sourceFile);
      const tests =
        direct !== undefined ? [direct] : helper ? testsCalling(helper, sourceFile) : [];
      if (option === "unread")
        problem(
          `the clauses ${check} names cannot be read: pass its options as an object literal with its own clauses: [...]`,
        );
      else if (typeof option === "object" && !ids)
        problem(`${check}'s clauses must be a list of string literals`);
      else if (tests.length === 0) problem(`${check} is called outside any test`);
      for (const clause of ids ?? []) {
        for (const test of tests) uses.push({ clause, file, test, line });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { uses, problems };
}

/** The `clauses` property of a spec; "none"; or "unread" when a spread may hide it. */
function clausesOption(
  spec: ts.ObjectLiteralExpression,
): ts.PropertyAssignment | "none" | "unread" {
  for (const property of spec.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === "clauses") return property;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === "clauses") {
      return "unread";
    }
  }
  return spec.properties.some(ts.isSpreadAssignment) ? "unread" : "none";
}
