// Bounds on what the front end reads, so that hostile input costs bounded time and stack.

/**
 * Deeper nesting than this is certainly a mistake, and recursion past it could exhaust the stack.
 * One limit for every kind of level, counted alike by both parsers (KD1006 at the token that
 * passes it): a bracket (`{`, `[`, `(`, `<`), an `if`, and each `and`/`or` of a condition (a chain
 * of n of them is a tree n deep). So every tree parse() returns is at most this deep, and the
 * stages after it (checker, evaluator, formatter) may recurse over it freely. A hand-written
 * manifest nests a few levels; an `else if` chain or a condition of more than 60 terms is better
 * written with `in [...]`.
 */
export const MAX_DEPTH = 64;
/** 8 MiB: a hand-written manifest is far smaller; a generated one of 5,000 services is ~2 MiB. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
