/**
 * The area under the ROC curve (Mann–Whitney, ties ½; null when a class is absent): the
 * reference's step 9 (src/reference/9-evaluation.ts).
 */
export { rocAuc } from "../reference/index.js";
