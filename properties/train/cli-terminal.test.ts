import { Writable } from "node:stream";
import { expect, test } from "vitest";
import { main } from "../../src/train/main.js";

/** A stream that keeps what is written to it. */
function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

test("a usage error never writes a control character from the command line to the terminal", async () => {
  const stdout = capture();
  const stderr = capture();
  const hostile = "\u001b[2J\u001b]0;pwned\u0007.csv";
  const status = await main(["--data", hostile], {
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  expect(status).toBe(2);
  // eslint-disable-next-line no-control-regex -- the point: no raw control character
  expect(stderr.text()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  expect(stderr.text()).toContain("\\u001b[2J\\u001b]0;pwned\\u0007.csv");
});
