import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "reports/",
      "reports-*/",
      ".stryker-tmp/",
      "coverage/",
      ".exercise/",
      "grades/",
      // An example submission for the grader's test that does not parse, on purpose.
      "fixtures/submissions/syntax-error/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // A function longer than this is split along its steps (issue #20).
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A test file's describe and test callbacks are lists of cases, not steps of one function.
    files: ["properties/**/*.test.ts"],
    rules: { "max-lines-per-function": "off" },
  },
  {
    // The exercise's stubs (npm run exercise -- start) keep the contract's parameter names for
    // the learner to use; until a body is written they are unused.
    files: ["src/impl-stubs/**"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
);
