import fc from "fast-check";

/**
 * Setup file of vitest.stryker.config.ts: gives every fc.assert without its own seed the seed in
 * PROPERTY_SEED (the model properties read PROPERTY_SEED themselves), so that Stryker's dry run
 * and each mutant's run draw the same inputs.
 */
fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED) });
