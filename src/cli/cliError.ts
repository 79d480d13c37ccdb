/**
 * An expected failure: bad input, a failed check, a wrong key. `main` prints its message as one
 * line on stderr (no stack trace) and exits with its code: 1 for input and verification
 * failures, 2 for usage mistakes.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** Further lines printed after the message, e.g. every problem a validation found. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
