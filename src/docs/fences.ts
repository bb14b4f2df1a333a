/**
 * Which lines of a Markdown page are fenced code (the fence lines themselves included): a fence
 * opens with three or more backticks or tildes and closes on a line of at least as many of the
 * same character and nothing else, so a ```` block may hold a ``` one.
 */
export function fencedLines(markdown: string): boolean[] {
  let open: string | undefined;
  return markdown.split("\n").map((text) => {
    if (open === undefined) {
      const fence = /^\s*(`{3,}|~{3,})/.exec(text);
      if (fence) open = fence[1];
      return fence !== null;
    }
    const run = /^\s*(`+|~+)\s*$/.exec(text);
    if (run && run[1][0] === open[0] && run[1].length >= open.length) open = undefined;
    return true;
  });
}
