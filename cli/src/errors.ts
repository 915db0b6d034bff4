/**
 * A usage or I/O problem: message to stderr, exit code 2. Its own module so that `main` stays
 * tiny. Each command is a separate bundle with its own copy of this class, so it is recognised
 * by its name (isUsageError), not by `instanceof`.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && e.name === "UsageError";
}
