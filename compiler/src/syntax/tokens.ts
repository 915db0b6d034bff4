// The token vocabulary. Comments are kept in their own group (not skipped): the formatter needs
// them and `///` doc comments become hover text. Unterminated strings and comments are tokens of
// their own so that one missing quote gives one precise diagnostic instead of a cascade.
//
// Plain descriptions in chevrotain's terms, without chevrotain: the scanner and the fast parser
// use these objects as the token types; chevrotain's own token types are made from them only when
// its parser is needed (chevrotain-tokens.ts), so a well-formed project never loads chevrotain.

/** A token type as chevrotain's createToken takes it (and the scanner test hands it over). */
export interface TokenKind {
  readonly name: string;
  /** The text, or the regular expression chevrotain's lexer matches (the scanner does the same). */
  readonly PATTERN: string | RegExp;
  readonly LABEL?: string;
  /** "skipped" or "comments": not a token the parser sees. */
  readonly GROUP?: "skipped" | "comments";
  readonly LINE_BREAKS?: boolean;
  /** Categories (a keyword is also a name); a category matches nothing itself. */
  readonly CATEGORIES?: readonly TokenKind[];
  readonly CATEGORY_ONLY?: boolean;
  /** For keywords: the longer match that wins (`tox` is a name, not `to` and `x`). */
  readonly LONGER_ALT?: TokenKind;
}

/** createToken's configuration, in chevrotain's spelling (the definitions below read as before). */
interface KindConfig {
  name: string;
  pattern: string | RegExp;
  label?: string;
  group?: "skipped" | "comments";
  line_breaks?: boolean;
  categories?: TokenKind[];
  longer_alt?: TokenKind;
}

function createToken(c: KindConfig): TokenKind {
  const k: { -readonly [P in keyof TokenKind]: TokenKind[P] } = { name: c.name, PATTERN: c.pattern };
  if (c.label !== undefined) k.LABEL = c.label;
  if (c.group !== undefined) k.GROUP = c.group;
  if (c.line_breaks) k.LINE_BREAKS = true;
  if (c.categories) k.CATEGORIES = c.categories;
  if (c.longer_alt) k.LONGER_ALT = c.longer_alt;
  return k;
}

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f]+/, group: "skipped", line_breaks: true });
export const DocComment = createToken({ name: "DocComment", pattern: /\/\/\/[^\n]*/, group: "comments" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  group: "comments",
  line_breaks: true,
});

export const StringTok = createToken({ name: "String", pattern: /"(?:[^"\\\n]|\\.)*"/, label: "a string" });
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n]|\\.)*/, label: "a string" });

/** A number with a unit suffix: `250m`, `1.5Gi`, `30s`, `1h30m`, `10%`. */
export const Quantity = createToken({
  name: "Quantity",
  pattern: /\d+(?:\.\d+)?(?:%|[a-zA-Z]+(?:\d+(?:\.\d+)?[a-zA-Z]+)*)/,
  label: "a quantity",
});
export const NumberTok = createToken({ name: "Number", pattern: /\d+(?:\.\d+)?/, label: "a number" });

/** Any name, keyword or not: a category, so the parser matches a name in one test, not one per keyword. */
export const AnyName: TokenKind = { name: "AnyName", PATTERN: /NOT_APPLICABLE/, LABEL: "a name", CATEGORY_ONLY: true };
/** Names may contain inner hyphens, as DNS labels do: binary minus needs spaces around it. */
export const Ident = createToken({ name: "Ident", pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/, label: "a name", categories: [AnyName] });

function keyword(word: string): TokenKind {
  return createToken({ name: word[0]!.toUpperCase() + word.slice(1), pattern: new RegExp(word), longer_alt: Ident, label: `\`${word}\``, categories: [AnyName] });
}
export const App = keyword("app");
export const Use = keyword("use");
export const Template = keyword("template");
export const Profile = keyword("profile");
export const Kind = keyword("kind");
export const From = keyword("from");
export const For = keyword("for");
export const To = keyword("to");
export const True = keyword("true");
export const False = keyword("false");
// Expressions (`if profile == "prod" then 5 else 2`) and selectors (`env in ["prod"]`).
export const If = keyword("if");
export const Then = keyword("then");
export const Else = keyword("else");
export const And = keyword("and");
export const Or = keyword("or");
export const In = keyword("in");
export const NotIn = keyword("notin");
export const KEYWORDS = [App, Use, Template, Profile, Kind, From, For, To, True, False, If, Then, Else, And, Or, NotIn, In];

function punct(name: string, text: string): TokenKind {
  return createToken({ name, pattern: text, label: `\`${text}\`` });
}
export const LBrace = punct("LBrace", "{");
export const RBrace = punct("RBrace", "}");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const Arrow = punct("Arrow", "->");
export const EqEq = punct("EqEq", "==");
export const NotEq = punct("NotEq", "!=");
export const Bang = punct("Bang", "!");
export const Equals = punct("Equals", "=");
export const Comma = punct("Comma", ",");
export const Semi = punct("Semi", ";");
export const Dot = punct("Dot", ".");
export const Colon = punct("Colon", ":");
export const Question = punct("Question", "?");
export const Slash = punct("Slash", "/");
export const Lt = punct("Lt", "<");
export const Gt = punct("Gt", ">");

export const ALL_TOKENS: TokenKind[] = [
  AnyName,
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  StringTok,
  UnterminatedString,
  Quantity,
  NumberTok,
  ...KEYWORDS,
  Ident,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Arrow,
  EqEq,
  NotEq,
  Bang,
  Equals,
  Comma,
  Semi,
  Dot,
  Colon,
  Question,
  Slash,
  Lt,
  Gt,
];
