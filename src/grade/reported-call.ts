/**
 * A call of the submission that reports what it did to its arguments instead of doing it.
 *
 * The grader's proxy functions (check-submission.ts) call the submission in its sandbox, and the
 * sandbox says with each result whether the submission changed its arguments (bridge.ts: it
 * sends them back only then). Each proxy function also offers, under
 * {@link CALL_REPORTING_CHANGES}, a call that returns the value and, if the arguments changed,
 * a function that replays the change on them (write-back.ts), without replaying it yet. The
 * argument guard (properties/support/guard.ts) uses it to copy a call's arguments only when the
 * submission changed them, not at every call: an unchanged argument needs no copy to compare.
 *
 * It returns undefined, without calling, where the submission's process cannot tell (a Python
 * submission, whose bridge replays changes itself): the guard then copies first, as for any
 * local function.
 */
export const CALL_REPORTING_CHANGES = Symbol.for("logreg-lab.call-reporting-changes");

export interface ReportedCall {
  value: unknown;
  /** Replays what the submission did to the arguments on them; absent when it left them as they were. */
  replayChange?: () => void;
}

export type CallReportingChanges = (args: unknown[]) => ReportedCall | undefined;
