// Validators of the custom resources kdsl writes (Gateway API HTTPRoute, Argo Rollouts Rollout,
// External Secrets ExternalSecret, prometheus-operator ServiceMonitor), from the maintained
// @kubernetes-models packages. Their schemas come from the projects' CRDs.
//
// The gateway-api and argo-rollouts packages are built on @kubernetes-models/base 4, whose
// `validate` reads the schema id from the model's prototype: it is called on a shallow copy whose
// prototype is the model's (the data itself is not copied). The base 5 packages (external-secrets,
// prometheus-operator) validate a plain `this`, as the core models do (validate.ts).
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import { Rollout } from "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout";
import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";

type Validator = (this: unknown) => void;

function onPrototype(model: { prototype: { validate(): void } }): Validator {
  return function (this: unknown) {
    model.prototype.validate.call(Object.assign(Object.create(model.prototype) as object, this));
  };
}

export const CRD_VALIDATORS: ReadonlyMap<string, Validator> = new Map<string, Validator>([
  ["gateway.networking.k8s.io/v1/HTTPRoute", onPrototype(HTTPRoute)],
  ["argoproj.io/v1alpha1/Rollout", onPrototype(Rollout)],
  ["external-secrets.io/v1beta1/ExternalSecret", ExternalSecret.prototype.validate],
  ["monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.prototype.validate],
]);
