// chevrotain's parser, loaded with the compiler (see recovery-link.ts; the CLI's bundles replace
// this module with one that exports undefined and load recovery.ts on first need).
import { parseWithRecovery } from "./recovery.ts";
import type { RecoveryParser } from "./recovery-link.ts";

export const defaultRecovery: RecoveryParser | undefined = parseWithRecovery;
