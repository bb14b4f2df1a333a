/**
 * The contract's functions by article step, from `ARTICLE_STEP` in src/contract.ts, as a
 * sentence for docs/layout.md: "20 functions: step 1 `predict`, `sigmoid`; step 2 …".
 */
import { ARTICLE_STEP } from "../contract.js";

export function contractSentence(): string {
  const names = Object.keys(ARTICLE_STEP) as (keyof typeof ARTICLE_STEP)[];
  const steps = [...new Set(names.map((name) => ARTICLE_STEP[name]))].sort((a, b) => a - b);
  const parts = steps.map((step) => {
    const functions = names.filter((name) => ARTICLE_STEP[name] === step);
    return `step ${step} ${functions.map((name) => `\`${name}\``).join(", ")}`;
  });
  return `\`src/contract.ts\` names ${names.length} functions, each with its article step (\`ARTICLE_STEP\`): ${parts.join("; ")}.`;
}
