// Secrets are written only when the build asked for inline secrets (secretsMode "inline"); by
// default the output names them (secretKeyRef) and whoever deploys creates them, so secret values
// never end up in generated YAML by accident.
import type { SecretModel } from "../../ir/model.ts";
import { appLabels } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_SUBDOMAIN_MAX } from "./names.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

/**
 * An Opaque Secret, keys sorted, or undefined in "reference" mode. Text values go in stringData,
 * readable in review; values that are not UTF-8 text (a binary `file(...)`) in data, as base64,
 * the only way a Secret holds arbitrary bytes.
 */
export function buildSecret(ctx: BuildContext, secret: SecretModel): EmittedObject | undefined {
  // A secret with a store is an ExternalSecret (external-secret.ts) in every mode.
  if (ctx.app.secretsMode !== "inline" || secret.store !== undefined) return undefined;
  checkNameLength(ctx, "Secret", secret.name, DNS_SUBDOMAIN_MAX, secret.origin);
  const entries = secret.entries.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stringData: Record<string, string> = {};
  let data: Record<string, string> | undefined;
  // An entry without a value could not be read; evaluation reports that (KD4001, KD4002).
  for (const e of entries) {
    if (typeof e.value === "string") stringData[e.key] = e.value;
    else if (e.value !== undefined) (data ??= {})[e.key] = Buffer.from(e.value.buffer, e.value.byteOffset, e.value.byteLength).toString("base64");
  }
  return {
    object: {
      apiVersion: "v1",
      kind: "Secret",
      metadata: namespacedMetadata(ctx, secret.name, appLabels(ctx.app)),
      type: "Opaque",
      ...(data && { data }),
      stringData,
    },
    origin: secret.origin,
  };
}
