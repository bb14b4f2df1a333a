/** A UTF-16 unit that is not (part of) an XML 1.0 `Char`. */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- finding what XML forbids is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A strict check that a document is well-formed XML 1.0, for the loss-curve SVG (no XML parser
 * is installed): one root element; tags nested and closed in order; attributes `name="value"`,
 * each name once per element; every character an XML `Char` (no C0 control but tab and line
 * breaks, no lone surrogate, no U+FFFE or U+FFFF); `&` only in `&#N;`, `&#xH;` (of a `Char`) or
 * the five predefined entities; no `<` in text or attribute values. Returns the first problem, or
 * undefined. Comments, CDATA, DOCTYPE and processing instructions are refused (the SVG has none).
 */
export function xmlProblem(xml: string): string | undefined {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) return `character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`;
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
  for (let i = 0; i < xml.length;) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    const entity = badEntity(text);
    if (entity) return `${entity} in text at ${i}`;
    if (stack.length === 0 && text.trim() !== "") return `text outside the root at ${i}`;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) return `not a tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 40))}`;
    const [, close, name, attributes, selfClosing] = m;
    const problem = attributeProblem(attributes);
    if (problem) return `${problem} in <${name}> at ${lt}`;
    if (close) {
      if (stack.pop() !== name) return `</${name}> closes nothing open at ${lt}`;
    } else {
      if (stack.length === 0 && ++roots > 1) return `a second root element at ${lt}`;
      if (!selfClosing) stack.push(name);
    }
    i = tag.lastIndex;
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  return roots === 1 ? undefined : "no root element";
}

function attributeProblem(attributes: string): string | undefined {
  const names = new Set<string>();
  for (const [, name, value] of attributes.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) {
    if (names.has(name)) return `attribute ${name} twice`;
    names.add(name);
    const entity = badEntity(value);
    if (entity) return `${entity} in attribute ${name}`;
  }
  return undefined;
}

function badEntity(text: string): string | undefined {
  for (const m of text.matchAll(/&([^;&\s]*);?/g)) {
    const body = m[1];
    const code = /^#x[0-9a-fA-F]+$/.test(body)
      ? parseInt(body.slice(2), 16)
      : /^#[0-9]+$/.test(body)
        ? Number(body.slice(1))
        : undefined;
    const named = ["lt", "gt", "amp", "quot", "apos"].includes(body);
    if (!m[0].endsWith(";") || (!named && (code === undefined || !isXmlChar(code)))) {
      return `the reference ${JSON.stringify(m[0])}`;
    }
  }
  return undefined;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
