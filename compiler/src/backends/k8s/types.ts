// The shapes the Kubernetes backend produces: plain JSON-like objects, each with the span of the
// IR object it came from so that schema problems point back at the .kdsl source.
import type { Span } from "../../syntax/span.ts";
import type { AppModel, ServiceModel, Workload } from "../../ir/model.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";

export interface K8sMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [k: string]: unknown;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: K8sMetadata;
  [k: string]: unknown;
}

export interface EmittedObject {
  readonly object: K8sObject;
  readonly origin: Span;
}

/** What every builder gets: the app, lookups computed once, and where to report problems. */
export interface BuildContext {
  readonly app: AppModel;
  readonly servicesByName: ReadonlyMap<string, ServiceModel>;
  readonly diagnostics: Diagnostic[];
  /** Each workload's labels by image and track, worked out once (labels.ts labelsOf). */
  readonly labelCache: Map<Workload, LabelEntry[]>;
}

export interface LabelEntry {
  readonly image: string | undefined;
  readonly track: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Where builders put their objects, in output order (index.ts). A run of objects added between
 * beginSorted and endSorted is put in name order (code-unit order, stable), by the names they
 * had when added. Builders of optional objects return undefined when there is none: adding that
 * adds nothing.
 */
export interface ObjectSink {
  add(o: EmittedObject | undefined): void;
  beginSorted(): void;
  endSorted(): void;
}
