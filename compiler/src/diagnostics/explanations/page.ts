// One explanation page as markdown lines: what the code means, a minimal bad example, the fix
// and a good example. The first and the last `kdsl` blocks of a page are the bad and the good
// example; a test compiles both (test/diagnostics/catalogue.test.ts).
export const page = (...lines: string[]): string => lines.join("\n");
