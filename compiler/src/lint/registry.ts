// Every lint rule, listed by hand: a rule that is not here does not run, and the meta-tests fail
// for a file in rules/ that is missing from this list. Keep it alphabetical by id.
import type { AnyRule } from "./rule.ts";
import { rule as noLatestTag } from "./rules/no-latest-tag.ts";
import { rule as noResourceLimits } from "./rules/no-resource-limits.ts";
import { rule as singleReplica } from "./rules/single-replica.ts";
import { rule as suppressionNeedsReason } from "./rules/suppression-needs-reason.ts";
import { rule as unusedSuppression } from "./rules/unused-suppression.ts";

export const RULES: readonly AnyRule[] = [
  noLatestTag,
  noResourceLimits,
  singleReplica,
  suppressionNeedsReason,
  unusedSuppression,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}
