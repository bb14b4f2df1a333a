// @ts-check
/**
 * The project's layer rules, checked by dependency-cruiser (`npm run check:layers`, run by
 * `npm run lint` and so by CI). Each rule names the imports one layer must not make; paths are
 * relative to the project root.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: "reference-is-the-article",
      comment:
        "src/reference is the article: it imports only the contract, the Matrix helpers, " +
        "src/numerics and @stdlib (a graded submission carries exactly these)",
      severity: "error",
      from: { path: "^src/reference/" },
      to: {
        pathNot: [
          "^src/reference/",
          "^src/contract\\.ts$",
          "^src/matrix\\.ts$",
          "^src/numerics/",
          "^node_modules/@stdlib/",
        ],
      },
    },
    {
      name: "numerics-judges-not-reference",
      comment:
        "src/numerics sizes the tolerances the reference is judged by: it imports no implementation",
      severity: "error",
      from: { path: "^src/numerics/" },
      to: { path: "^src/(reference|impl|impl-stubs|fast)/" },
    },
    {
      name: "impl-is-the-learners-own",
      comment: "src/impl and its stubs are the learner's: nothing of the reference",
      severity: "error",
      from: { path: "^src/(impl|impl-stubs)/" },
      to: { path: "^src/reference/" },
    },
    {
      name: "data-below-train",
      comment: "src/data is the data pipeline; the train script builds on it, not the reverse",
      severity: "error",
      from: { path: "^src/data/" },
      to: { path: "^src/train/" },
    },
    {
      name: "code-never-imports-tests",
      comment:
        "src and scripts never import properties (the suite tests the code, not the reverse)",
      severity: "error",
      from: { path: "^(src|scripts)/" },
      to: { path: "^properties/" },
    },
    {
      name: "model-properties-see-the-contract-only",
      comment:
        "properties/model runs against any implementation: it sees the contract (src/contract.ts, " +
        "src/matrix.ts), properties/support and src/numerics, never an implementation or the pipeline",
      severity: "error",
      from: { path: "^properties/model/" },
      to: {
        pathNot: [
          "^properties/model/",
          "^properties/support/",
          "^src/contract\\.ts$",
          "^src/matrix\\.ts$",
          "^src/numerics/",
          "^node_modules/(fast-check|vitest|@vitest)/",
        ],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "test-folders-apart",
      comment:
        "a folder of properties imports its own files and properties/support, not another " +
        "folder's (shared helpers belong in properties/support)",
      severity: "error",
      from: { path: "^properties/([^/]+)/" },
      to: { path: "^properties/", pathNot: ["^properties/$1/", "^properties/support/"] },
    },
    {
      name: "no-circular",
      comment: "no import cycles at run time (a cycle of type-only imports is erased by tsc)",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // node_modules may be a symbolic link (a worktree sharing its packages): name packages by it.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(node_modules|reports|\\.stryker-tmp|coverage|grades|\\.exercise)/" },
  },
};
