// Validators for the name-like types Kubernetes imposes. Each returns undefined when the text is
// valid, else a short reason in the user's terms.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// registry[:port]/path[:tag][@digest], lower-case path components as the distribution spec requires.
const IMAGE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+:[a-f0-9]{32,})?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function checkDnsLabel(s: string): string | undefined {
  if (s.length > 63) return `it is ${s.length} characters long; at most 63 are allowed`;
  if (!DNS_LABEL.test(s)) return "use lower-case letters, digits and inner hyphens only";
  return undefined;
}

/** Names of most Kubernetes objects (Secrets, ConfigMaps): DNS labels joined by dots, at most 253 characters. */
export function checkDnsSubdomain(s: string): string | undefined {
  if (s.length > 253) return `it is ${s.length} characters long; at most 253 are allowed`;
  if (!DNS_SUBDOMAIN.test(s)) return "use lower-case letters, digits, inner hyphens and dots between them only";
  return undefined;
}

export function checkLabelKey(s: string): string | undefined {
  // The same few keys (`app.kubernetes.io/name`, `tier`) recur in every selector and label block:
  // their verdict is remembered rather than two regular expressions run each time.
  const known = LABEL_KEYS.get(s);
  if (known !== undefined) return known || undefined;
  const problem = labelKeyProblem(s);
  if (LABEL_KEYS.size >= 512) LABEL_KEYS.clear();
  LABEL_KEYS.set(s, problem ?? "");
  return problem;
}
const LABEL_KEYS = new Map<string, string>();

function labelKeyProblem(s: string): string | undefined {
  const slash = s.indexOf("/");
  const prefix = slash >= 0 ? s.slice(0, slash) : undefined;
  const name = slash >= 0 ? s.slice(slash + 1) : s;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `the prefix \`${prefix}\` is not a DNS subdomain`;
  if (name.length === 0 || name.length > 63) return "the name part must be 1 to 63 characters long";
  if (!LABEL_NAME.test(name)) return "the name part must start and end with a letter or digit and hold only letters, digits, `-`, `_` and `.`";
  return undefined;
}

export function checkLabelValue(s: string): string | undefined {
  if (s.length > 63) return `it is ${s.length} characters long; at most 63 are allowed`;
  if (s.length > 0 && !LABEL_NAME.test(s)) return "it must start and end with a letter or digit and hold only letters, digits, `-`, `_` and `.`";
  return undefined;
}

export function checkPortName(s: string): string | undefined {
  if (s.length > 15) return "port names are at most 15 characters long";
  if (!PORT_NAME.test(s) || !/[a-z]/.test(s)) return "port names hold lower-case letters, digits and inner hyphens, with at least one letter";
  return undefined;
}

export function checkImage(s: string): string | undefined {
  if (s.length === 0) return "it is empty";
  if (!IMAGE.test(s)) return "expected `[registry/]name[:tag][@digest]` with a lower-case name";
  return undefined;
}

/** The tag of an image reference, if it has one (a `:` after the last `/`). */
export function imageTag(s: string): string | undefined {
  const at = s.indexOf("@");
  const ref = at >= 0 ? s.slice(0, at) : s;
  const colon = ref.lastIndexOf(":");
  return colon > ref.lastIndexOf("/") ? ref.slice(colon + 1) : undefined;
}

export function checkEnvName(s: string): string | undefined {
  if (!ENV_NAME.test(s)) return "start with a letter or `_`, then letters, digits, `_`, `.` or `-`";
  return undefined;
}

const REF_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;

/** A reference as it is written: `creds."tls.key"`, each part that is not a plain name quoted. */
export function refText(parts: readonly string[]): string {
  return parts.map((p, i) => (i === 0 || REF_NAME.test(p) ? p : quoted(p))).join(".");
}

/** `text` as a kdsl string literal. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => "\\" + c).replace(/\$\{/g, "\\${").replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\r/g, "\\r")}"`;
}
