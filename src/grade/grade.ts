import type { PropertyId } from "./types.js";

/** A submission's grade under the rubric, as outputs.ts scores it and writes it out. */

export interface ScoredProperty extends PropertyId {
  passed: boolean;
  points: number;
  max: number;
  hidden: boolean;
  message?: string;
}

export interface Grade {
  submission: string;
  total: number;
  max: number;
  steps: Record<string, { score: number; max: number }>;
  notes: string[];
  properties: ScoredProperty[];
  /** How long grading it took, in seconds. */
  seconds: number;
}
