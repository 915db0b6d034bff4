// Every lint rule, listed by hand: a rule that is not here does not run, and the meta-tests fail
// for a file in rules/ that is missing from this list. Keep it alphabetical by id.
import type { AnyRule } from "./rule.ts";
import { rule as addedCapabilities } from "./rules/added-capabilities.ts";
import { rule as apiTokenMounted } from "./rules/api-token-mounted.ts";
import { rule as canarySameImage } from "./rules/canary-same-image.ts";
import { rule as cpuLimitRatio } from "./rules/cpu-limit-ratio.ts";
import { rule as cronAllowsOverlap } from "./rules/cron-allows-overlap.ts";
import { rule as disruptionBlocksEviction } from "./rules/disruption-blocks-eviction.ts";
import { rule as duplicatePort } from "./rules/duplicate-port.ts";
import { rule as hostAccess } from "./rules/host-access.ts";
import { rule as inconsistentLabelKeys } from "./rules/inconsistent-label-keys.ts";
import { rule as jobNoDeadline } from "./rules/job-no-deadline.ts";
import { rule as jobNoRetries } from "./rules/job-no-retries.ts";
import { rule as livenessEqualsReadiness } from "./rules/liveness-equals-readiness.ts";
import { rule as missingLivenessProbe } from "./rules/missing-liveness-probe.ts";
import { rule as missingReadinessProbe } from "./rules/missing-readiness-probe.ts";
import { rule as noAntiAffinity } from "./rules/no-anti-affinity.ts";
import { rule as noDisruptionBudget } from "./rules/no-disruption-budget.ts";
import { rule as noLatestTag } from "./rules/no-latest-tag.ts";
import { rule as noMemoryLimit } from "./rules/no-memory-limit.ts";
import { rule as noResourceLimits } from "./rules/no-resource-limits.ts";
import { rule as privilegeEscalation } from "./rules/privilege-escalation.ts";
import { rule as privilegedContainer } from "./rules/privileged-container.ts";
import { rule as pullPolicyMismatch } from "./rules/pull-policy-mismatch.ts";
import { rule as requestsAboveLimits } from "./rules/requests-above-limits.ts";
import { rule as rolloutAllDown } from "./rules/rollout-all-down.ts";
import { rule as runAsRoot } from "./rules/run-as-root.ts";
import { rule as secretAsEnv } from "./rules/secret-as-env.ts";
import { rule as secretInSource } from "./rules/secret-in-source.ts";
import { rule as selectorMatchesNothing } from "./rules/selector-matches-nothing.ts";
import { rule as sensitivePlainConfig } from "./rules/sensitive-plain-config.ts";
import { rule as servicePortMismatch } from "./rules/service-port-mismatch.ts";
import { rule as singleReplica } from "./rules/single-replica.ts";
import { rule as suppressionNeedsReason } from "./rules/suppression-needs-reason.ts";
import { rule as unusedConfig } from "./rules/unused-config.ts";
import { rule as unusedSecret } from "./rules/unused-secret.ts";
import { rule as unusedSuppression } from "./rules/unused-suppression.ts";
import { rule as unusedTemplate } from "./rules/unused-template.ts";
import { rule as usesNoAddress } from "./rules/uses-no-address.ts";
import { rule as writableRootFilesystem } from "./rules/writable-root-filesystem.ts";

export const RULES: readonly AnyRule[] = [
  addedCapabilities,
  apiTokenMounted,
  canarySameImage,
  cpuLimitRatio,
  cronAllowsOverlap,
  disruptionBlocksEviction,
  duplicatePort,
  hostAccess,
  inconsistentLabelKeys,
  jobNoDeadline,
  jobNoRetries,
  livenessEqualsReadiness,
  missingLivenessProbe,
  missingReadinessProbe,
  noAntiAffinity,
  noDisruptionBudget,
  noLatestTag,
  noMemoryLimit,
  noResourceLimits,
  privilegeEscalation,
  privilegedContainer,
  pullPolicyMismatch,
  requestsAboveLimits,
  rolloutAllDown,
  runAsRoot,
  secretAsEnv,
  secretInSource,
  selectorMatchesNothing,
  sensitivePlainConfig,
  servicePortMismatch,
  singleReplica,
  suppressionNeedsReason,
  unusedConfig,
  unusedSecret,
  unusedSuppression,
  unusedTemplate,
  usesNoAddress,
  writableRootFilesystem,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}
