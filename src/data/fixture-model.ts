/**
 * The logistic model that draws the fixture's labels: P(deposit = yes) = σ(z) with
 *
 *     z = intercept + Σⱼ weights[j] · xⱼ
 *
 * where xⱼ are the article's features BEFORE standardization (the raw values: balance in euros,
 * duration in seconds, flags 1/0, dummies 1/0 against the baseline level pandas drops). A feature
 * not named has weight 0. Use `fixtureCoefficientsFor` (fixture.ts) to express the model in the space of
 * a fitted (standardized) transform, where it is directly comparable to a trained model.
 */
export const FIXTURE_COEFFICIENTS = {
  space: "raw article features (before standardization)",
  intercept: -0.1,
  weights: {
    balance: 0.00003,
    duration: 0.005,
    campaign: -0.08,
    pdays: -0.001,
    housing_flag: -0.6,
    loan_flag: -0.7,
    "age_group_25–34": -0.3,
    "age_group_35–44": -0.45,
    "age_group_45–54": -0.5,
    "age_group_55–64": -0.15,
    "age_group_65+": 0.4,
    marital_married: -0.1,
    marital_single: 0.2,
    education_secondary: 0.25,
    education_tertiary: 0.5,
    poutcome_other: -0.2,
    poutcome_success: 2,
    poutcome_unknown: -0.85,
    "job_blue-collar": -0.3,
    job_entrepreneur: -0.2,
    job_housemaid: -0.2,
    job_retired: 0.2,
    "job_self-employed": -0.2,
    job_services: -0.2,
    job_student: 0.5,
    contact_unknown: -1.5,
    month_aug: -0.9,
    month_dec: 0.3,
    month_jan: -0.65,
    month_jul: -1,
    month_jun: 0.3,
    month_mar: 1.1,
    month_may: -0.6,
    month_nov: -0.9,
    month_oct: 0.85,
    month_sep: 0.65,
  } as Readonly<Record<string, number>>,
} as const;
