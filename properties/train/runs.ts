/** fast-check runs per property in properties/train: modest by default, PROPERTY_RUNS raises it. */
export const runs = Number(process.env.PROPERTY_RUNS ?? 50);
