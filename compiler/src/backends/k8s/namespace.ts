// The app's Namespace, written first so that `kubectl apply -f` creates it before its contents.
import { appLabels } from "./labels.ts";
import { checkNameLength, DNS_LABEL_MAX } from "./names.ts";
import type { BuildContext, EmittedObject } from "./types.ts";

export function buildNamespace(ctx: BuildContext): EmittedObject {
  const app = ctx.app;
  checkNameLength(ctx, "Namespace", app.namespace, DNS_LABEL_MAX, app.origin);
  return {
    object: { apiVersion: "v1", kind: "Namespace", metadata: { name: app.namespace, labels: appLabels(app) } },
    origin: app.origin,
  };
}
