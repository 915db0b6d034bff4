/** A usage or I/O problem: message to stderr, exit code 2. Its own module so that `main` stays tiny. */
export class UsageError extends Error {}
