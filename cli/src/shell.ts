// Commands the CLI suggests (`run \`kdsl build ...\``, `cd DIR`) must work when pasted into a
// POSIX shell: an argument with anything but plain characters goes in single quotes.

/** `arg` as one shell word: as is when plain, else single-quoted (a `'` inside as `'\''`). */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\/.,:=+@%-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line from its words, each quoted as needed. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}
