// A secret with a `store`: an External Secrets `ExternalSecret` that makes the operator create the
// Secret from the named SecretStore. No value passes through kdsl, whatever `--secrets` says.
import type { SecretModel } from "../../ir/model.ts";
import { appLabels } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { durationText } from "./rollout.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildExternalSecret(ctx: BuildContext, secret: SecretModel): EmittedObject | undefined {
  if (secret.store === undefined) return undefined;
  const entries = secret.entries.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const data: Record<string, unknown>[] = [];
  for (const e of entries) {
    if (e.source.kind !== "remote") continue;
    const remoteRef: Record<string, string> = { key: e.source.key };
    if (e.source.property !== undefined) remoteRef.property = e.source.property;
    data.push({ secretKey: e.key, remoteRef });
  }
  const spec: Record<string, unknown> = {};
  if (secret.refresh !== undefined) spec.refreshInterval = durationText(secret.refresh);
  spec.secretStoreRef = { name: secret.store, kind: "SecretStore" };
  spec.target = { name: secret.name, creationPolicy: "Owner" };
  spec.data = data;
  return {
    object: { apiVersion: "external-secrets.io/v1beta1", kind: "ExternalSecret", metadata: namespacedMetadata(ctx, secret.name, appLabels(ctx.app)), spec },
    origin: secret.origin,
  };
}
