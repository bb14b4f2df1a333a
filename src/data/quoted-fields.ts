const QUOTE = 0x22;

/**
 * The fields of one record whose quotes are well placed, as csv-parse reads them (its defaults:
 * `"` quotes and escapes, nothing trimmed): a field that starts with `"` runs to the quote that
 * is not doubled, and holds the text between with each `""` made `"` (delimiters and line breaks
 * included); any other field runs to the next delimiter. Well placed: a quote opens a field only
 * at its start, and a closing quote is followed by the delimiter or the record's end — the
 * scanner (./scan.ts) checks this and sends any other record to csv-parse, whose error it gets.
 */
export function splitQuoted(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        // The scanner passes only closed quotes; were one open, looping on -1 would never end.
        if (quote < 0) throw new Error(`splitQuoted: a quote opened at ${i} is never closed`);
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) !== QUOTE) {
          i = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      fields.push(value);
      if (i >= text.length) return fields;
      i++; // the delimiter after the closing quote
    } else {
      const end = text.indexOf(delimiter, i);
      if (end < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, end));
      i = end + 1;
    }
  }
}
