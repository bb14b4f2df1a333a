/**
 * Input the train script cannot use, other than a bad CSV (those are the pipeline's DataError):
 * a report.json that cannot be verified, or data too small for the requested split. Its message
 * names the file and is printed as it is (exit code 3).
 */
export class InputError extends Error {
  override name = "InputError";
}
