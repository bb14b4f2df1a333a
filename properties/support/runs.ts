/**
 * fast-check runs per property in properties/train and properties/optimum: 50 by default, so `npm test` stays fast;
 * PROPERTY_RUNS=<n> raises (or lowers) it, as for the model properties.
 */
function runsFromEnv(): number {
  const text = process.env.PROPERTY_RUNS;
  if (text === undefined || text === "") return 50;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`PROPERTY_RUNS must be a positive integer, got "${text}"`);
  }
  return value;
}

export const runs = runsFromEnv();
