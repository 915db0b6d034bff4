// Name limits Kubernetes puts on generated objects (KD5002). Most objects kdsl writes must have
// names that are DNS labels (63 characters): Namespaces, Services, and Deployments and Jobs,
// whose names also become label values on their pods. ConfigMaps and Secrets take DNS subdomains
// (253 characters). The front end checks the shape of names; here only the length of what is
// generated from them (`<name>-canary`) is checked, once per IR object.
import { diag } from "../../diagnostics/catalogue.ts";
import type { Span } from "../../syntax/span.ts";
import type { BuildContext } from "./types.ts";

export const DNS_LABEL_MAX = 63;
export const DNS_SUBDOMAIN_MAX = 253;

/** Reports KD5002 and returns false when `name` is longer than `max`. */
export function checkNameLength(
  ctx: BuildContext,
  kind: string,
  name: string,
  max: number,
  span: Span,
  hint?: string,
): boolean {
  if (name.length <= max) return true;
  ctx.diagnostics.push(
    diag("KD5002", span, `generated ${kind} name \`${name}\` is ${name.length} characters, more than the ${max} Kubernetes allows`, {
      label: `this makes a ${kind} named \`${name}\``,
      hints: hint === undefined ? [] : [hint],
    }),
  );
  return false;
}
