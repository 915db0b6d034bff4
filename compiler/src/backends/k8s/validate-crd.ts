// Validators of the custom resources kdsl writes (Gateway API HTTPRoute, Argo Rollouts Rollout,
// External Secrets ExternalSecret, prometheus-operator ServiceMonitor), from the maintained
// @kubernetes-models packages. Their schemas come from the projects' CRDs.
//
// Loaded on first use, with require: the four packages cost ~60 ms to load, which a build that
// writes only core objects (the default `replicas` strategy) should not pay. `import()` would make
// validation asynchronous; the packages ship CommonJS builds, so a synchronous require does.
//
// The gateway-api and argo-rollouts packages are built on @kubernetes-models/base 4, whose
// `validate` reads the schema id from the model's prototype: it is called on a shallow copy whose
// prototype is the model's (the data itself is not copied). The base 5 packages (external-secrets,
// prometheus-operator) validate a plain `this`, as the core models do (validate.ts).
import { createRequire } from "node:module";

type Validator = (this: unknown) => void;
type Model = { prototype: { validate(): void } };

const MODULES: Readonly<Record<string, { module: string; model: string; base4: boolean }>> = {
  "gateway.networking.k8s.io/v1/HTTPRoute": { module: "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute", model: "HTTPRoute", base4: true },
  "argoproj.io/v1alpha1/Rollout": { module: "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout", model: "Rollout", base4: true },
  "external-secrets.io/v1beta1/ExternalSecret": { module: "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret", model: "ExternalSecret", base4: false },
  "monitoring.coreos.com/v1/ServiceMonitor": { module: "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor", model: "ServiceMonitor", base4: false },
};

const loaded = new Map<string, Validator>();
let load: NodeJS.Require | undefined;

/** The validator of a custom resource (`apiVersion/kind`), or undefined for any other object. */
export function crdValidator(key: string): Validator | undefined {
  const known = loaded.get(key);
  if (known !== undefined) return known;
  const m = MODULES[key];
  if (m === undefined) return undefined;
  load ??= createRequire(import.meta.url);
  const model = (load(m.module) as Record<string, Model>)[m.model]!;
  const validate: Validator = m.base4
    ? function (this: unknown) {
        model.prototype.validate.call(Object.assign(Object.create(model.prototype) as object, this));
      }
    : model.prototype.validate;
  loaded.set(key, validate);
  return validate;
}
