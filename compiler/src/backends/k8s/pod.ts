// The pod template of one version of a service, shared by Deployments and Argo Rollouts: labels,
// the Prometheus scrape annotations (when metrics are scraped without a ServiceMonitor), the one
// container, and read-only volumes for secrets mounted as files.
import type { ServiceModel } from "../../ir/model.ts";
import { buildContainer } from "./container.ts";
import { withHash, withPodSettings } from "./pod-settings.ts";
import type { BuildContext } from "./types.ts";

/** The conventional annotations Prometheus' kubernetes_sd scrape configs look for. */
export function scrapeAnnotations(s: ServiceModel): Record<string, string> | undefined {
  const m = s.metrics;
  if (m === undefined || m.monitor) return undefined;
  return { "prometheus.io/scrape": "true", "prometheus.io/path": m.path, "prometheus.io/port": String(m.port.targetPort) };
}

export function podTemplate(ctx: BuildContext, s: ServiceModel, image: string, labels: Record<string, string>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { labels };
  const annotations = scrapeAnnotations(s);
  if (annotations !== undefined) metadata.annotations = annotations;
  const container = buildContainer(ctx, s, image, s.ports, s.probes);
  const spec: Record<string, unknown> = { containers: [container] };
  if (s.files.length > 0) {
    container.volumeMounts = s.files.map((f) => ({ name: volumeName(f.secret), mountPath: f.path, readOnly: true }));
    const secrets = [...new Set(s.files.map((f) => f.secret))].sort();
    spec.volumes = secrets.map((name) => ({ name: volumeName(name), secret: { secretName: name } }));
  }
  return { metadata, spec: withPodSettings(s, spec, container, s.stateful ? "template" : "pvc") };
}

/**
 * Volume names are DNS labels: `secret-<name>` when that fits, else the secret's name. A Secret
 * made outside the app may have a longer name with dots (a DNS subdomain, `shop.example-tls`):
 * its dots become hyphens, shortened, with a hash of the whole name so that `a.b` and `a-b` differ.
 */
function volumeName(secret: string): string {
  if (!secret.includes(".") && secret.length <= 63) return secret.length <= 56 ? `secret-${secret}` : secret;
  return withHash(`secret-${secret.replace(/\./g, "-")}`, secret);
}
