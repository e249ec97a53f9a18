/** A mistake in the command line itself: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help to point at, e.g. "accounts add". */
    readonly command?: string,
  ) {
    super(message);
  }
}
