// chevrotain's parser, loaded the first time a file needs it (compiler/src/syntax/recovery-link.ts
// says why): `await withRecoveryParser(() => compile())` runs the compile and, if a file needed
// the parser, loads it and runs the compile again. Wrap only calls that change nothing before
// they return, since they may run twice.
import { NeedsRecoveryParser, setRecoveryParser } from "@kdsl/compiler";

export async function withRecoveryParser<T>(compile: () => T): Promise<T> {
  try {
    return compile();
  } catch (e) {
    if (!(e instanceof NeedsRecoveryParser)) throw e;
    // In the bundle, a module reached only through import() is set up when imported: here.
    const { parseWithRecovery } = await import("@kdsl/compiler/recovery");
    setRecoveryParser(parseWithRecovery);
    return compile();
  }
}
