// Bounds on what the front end reads, so that hostile input costs bounded time and stack.

/** Deeper nesting than this is certainly a mistake, and recursion past it could exhaust the stack. */
export const MAX_DEPTH = 64;
/** 8 MiB: a hand-written manifest is far smaller; a generated one of 5,000 services is ~2 MiB. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
