// A config block becomes a ConfigMap; data keys sorted so the output does not depend on the
// order entries were merged in (templates, profiles).
import type { ConfigModel } from "../../ir/model.ts";
import { appLabels } from "./labels.ts";
import { namespacedMetadata } from "./metadata.ts";
import { checkNameLength, DNS_SUBDOMAIN_MAX } from "./names.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildConfigMap(ctx: BuildContext, config: ConfigModel): EmittedObject {
  checkNameLength(ctx, "ConfigMap", config.name, DNS_SUBDOMAIN_MAX, config.origin);
  const entries = config.entries.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const data: Record<string, string> = {};
  for (const e of entries) data[e.key] = e.value;
  return {
    object: { apiVersion: "v1", kind: "ConfigMap", metadata: namespacedMetadata(ctx, config.name, appLabels(ctx.app)), data },
    origin: config.origin,
  };
}
