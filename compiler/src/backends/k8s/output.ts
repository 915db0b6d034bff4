// The backend's one path from built objects to results (index.ts): each object, as its builder
// hands it over, gets its workload's settings (patches.ts), is validated (validate.ts) and, when
// YAML is wanted, written (yaml-emitter.ts). toKubernetes keeps the objects; toKubernetesYaml
// keeps only their text and what diagnostics need, so that the objects can be collected as soon
// as each is written and never all live at once.
//
// Order: runs that sort across services (Deployments, Services, claims) are reordered when they
// end, the objects or their documents alike. Diagnostics come out as the old whole-list passes
// made them: the builders' (in build order), then KD4030 for patches that patched nothing, then
// KD5003 for names made twice, then the schema problems in output order, each pointing where the
// settings say (known only at the end: WorkloadSettings.originOf).
import { diag } from "../../diagnostics/catalogue.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { K8sPatch } from "../../ir/model.ts";
import type { Span } from "../../syntax/span.ts";
import { WorkloadSettings } from "./patches.ts";
import type { EmittedObject, K8sObject, ObjectSink } from "./types.ts";
import { reportSchemaProblems, schemaProblems, selectorMismatch } from "./validate.ts";
import type { YamlDocuments } from "./yaml-documents.ts";

interface Entry {
  /** metadata.name before any setting applied: what sorted runs sort by. */
  readonly name: string;
  readonly origin: Span;
  /** The object, unless it was written and dropped. */
  readonly object: K8sObject | undefined;
  /** Patches that may have moved the origin (WorkloadSettings.apply). */
  readonly moved: K8sPatch[] | undefined;
  /** Schema problems, with the kind and name as validated. */
  readonly problems: { readonly kind: string; readonly metadata: { readonly name: string }; readonly lines: string[] } | undefined;
}

export class BackendOutput implements ObjectSink {
  private readonly entries: Entry[] = [];
  private runStart = -1;
  /**
   * Where each object of a kind and name came from. Generated names are made from declared ones
   * (`web` + `canary` → `web-canary`, `api` + volume `b-c` → `api-b-c`), so two declarations can
   * produce the same object, which `kubectl apply` would silently let one overwrite. The kind
   * stands for the resource: kdsl writes each kind from one API group only.
   */
  private readonly named = new Map<string, Map<string, Span>>();
  private readonly collisions: Diagnostic[] = [];

  /** `docs`: write each object there and drop it; without, keep the objects. */
  constructor(
    private readonly settings: WorkloadSettings,
    private readonly docs?: YamlDocuments,
  ) {}

  get count(): number {
    return this.entries.length;
  }

  add(o: EmittedObject | undefined): void {
    if (o === undefined) return;
    const object = o.object;
    const name = object.metadata.name;
    const moved = this.settings.apply(o);
    this.checkUnique(object, o.origin);
    let lines = schemaProblems(object);
    // Only a `k8s` patch can set a selector and pod labels apart: the builders make them agree.
    if (moved !== undefined) {
      const mismatch = selectorMismatch(object);
      if (mismatch !== undefined) lines = [...(lines ?? []), mismatch];
    }
    const problems = lines === undefined ? undefined : { kind: object.kind, metadata: { name: object.metadata.name }, lines };
    if (this.docs !== undefined) this.docs.add(object);
    this.entries.push({ name, origin: o.origin, object: this.docs === undefined ? object : undefined, moved, problems });
  }

  private checkUnique(object: K8sObject, origin: Span): void {
    let names = this.named.get(object.kind);
    if (names === undefined) this.named.set(object.kind, (names = new Map()));
    const name = object.metadata.name;
    const first = names.get(name);
    if (first === undefined) {
      names.set(name, origin);
      return;
    }
    this.collisions.push(
      diag("KD5003", origin, `this makes a second ${object.kind} named \`${name}\``, {
        label: `another ${object.kind} \`${name}\``,
        related: [{ span: first, message: `the first ${object.kind} \`${name}\` comes from here` }],
        hints: ["rename one of the two declarations: generated names join a declaration's name and its parts' (`<service>-canary`, `<service>-<version>`, `<service>-<volume>`)."],
      }),
    );
  }

  beginSorted(): void {
    this.runStart = this.entries.length;
  }

  endSorted(): void {
    const from = this.runStart;
    this.runStart = -1;
    const run = this.entries.slice(from);
    if (run.length < 2) return;
    const order = run.map((_, i) => i);
    order.sort((a, b) => {
      const x = run[a].name;
      const y = run[b].name;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    for (let i = 0; i < order.length; i++) this.entries[from + i] = run[order[i]];
    this.docs?.reorder(from, order);
  }

  /**
   * Reports what is known only now (KD4030, schema problems where they point) into
   * `diagnostics`, and returns the objects (empty when they were dropped).
   */
  finish(diagnostics: Diagnostic[]): EmittedObject[] {
    this.settings.report();
    diagnostics.push(...this.collisions);
    const objects: EmittedObject[] = [];
    for (const e of this.entries) {
      const origin = this.settings.originOf(e.origin, e.moved);
      if (e.problems !== undefined) reportSchemaProblems(e.problems, origin, e.problems.lines, diagnostics);
      if (e.object !== undefined) objects.push({ object: e.object, origin });
    }
    return objects;
  }
}

export { WorkloadSettings };
