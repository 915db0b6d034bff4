// Syntax error messages in the user's terms: "expected `}`, found `=`", not chevrotain's token
// sequences. Token labels (tokens.ts) name what was expected.
import { EOF, type IToken, type TokenType, type IParserErrorMessageProvider } from "chevrotain";

function describe(t: IToken): string {
  if (t.tokenType === EOF) return "the end of the file";
  const image = t.image.length > 20 ? t.image.slice(0, 20) + "…" : t.image;
  return `\`${image}\``;
}
function label(t: TokenType): string {
  return (t as { LABEL?: string }).LABEL ?? t.name;
}
function oneOf(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.length === 1) return unique[0]!;
  return unique.slice(0, -1).join(", ") + " or " + unique[unique.length - 1];
}

export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${label(expected)}, found ${describe(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `expected a declaration, found ${describe(firstRedundant)}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, ruleName }) => {
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? label(path[0]) : "")).filter(Boolean));
    // A name may also be a keyword (`labels { kind = "x" }`), but listing every keyword helps no one.
    const what = ruleName === "item" ? "a declaration (`app`, `use`, `service`, …)" : ruleName === "primary" ? "a value" : ruleName === "name" ? "a name" : oneOf(firsts);
    return `expected ${what}, found ${describe(actual[0]!)}`;
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) => {
    const firsts = expectedIterationPaths.map((p) => (p[0] ? label(p[0]) : "")).filter(Boolean);
    return `expected ${oneOf(firsts)}, found ${describe(actual[0]!)}`;
  },
};

