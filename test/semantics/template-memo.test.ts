// Template bodies are checked once and replayed per user (semantics/template-memo.ts); these cases
// would tell if a replay ever handed one declaration another's value or diagnostics: members that
// read the declaration's name, defaults that do, keys set twice, and problems inside a template.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { deployment, diagnostics, objects } from "../support/one-file.ts";

test("a member that reads the name gets each user's own value", () => {
  const objs = objects(`app shop

template base for service {
  replicas = if name == "api" then 4 else 2
  labels { owner = "\${name}-team" }
  port http 8080
}

service api from base { image = "shop/api:1" }
service web from base { image = "shop/web:1" }
service cart from base { image = "shop/cart:1" }
`);
  assert.equal(["api", "web", "cart"].map((n) => deployment(objs, n).spec.replicas), [4, 2, 2]);
  assert.equal(["api", "web", "cart"].map((n) => deployment(objs, n).metadata.labels!.owner), ["api-team", "web-team", "cart-team"]);
});

test("a default that reads the name is checked for every user", () => {
  const out = diagnostics(`app shop

template named(label: LabelValue = "\${name}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") for service {
  labels { tag = label }
}

service a from named { image = "shop/a:1" }
service bbbbbbbbbbbb from named { image = "shop/b:1" }
`);
  assert.is(out.length, 1, out.join("\n"));
  assert.match(out[0]!, /bbbbbbbbbbbb-a+` is not a label value/);
});

test("a problem inside a template is reported once, however many use it", () => {
  const out = diagnostics(`app shop

template base for service {
  replicas = "three"
  port http 8080
}

service a from base { image = "shop/a:1" }
service b from base { image = "shop/b:1" }
service c from base { image = "shop/c:1" }
`);
  assert.is(out.length, 1, out.join("\n"));
  assert.match(out[0]!, /`replicas` expects/);
});

test("keys set by several members of a template merge as before", () => {
  const objs = objects(`app shop

template base for service {
  port http 8080
  port admin 9090
  health { readiness = http("/ready") }
  health.period = 20s
}

service a from base { image = "shop/a:1" }
service b from base { image = "shop/b:1"; port metrics 9100 }
`);
  const ports = (n: string) => deployment(objs, n).spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name);
  assert.equal(ports("a"), ["http", "admin"]);
  assert.equal(ports("b"), ["http", "admin", "metrics"]);
  assert.is(deployment(objs, "b").spec.template.spec.containers[0].readinessProbe.periodSeconds, 20);
});

test("arguments reach their members and only theirs, for each user", () => {
  const objs = objects(`app shop

use std/web

service a from web(port = 9090) { image = "shop/a:1" }
service b from web(port = 9091, health-path = "/ready") { image = "shop/b:1" }
service c from web { image = "shop/c:1" }
`);
  const container = (n: string) => deployment(objs, n).spec.template.spec.containers[0];
  assert.equal(["a", "b", "c"].map((n) => container(n).ports[0].containerPort), [9090, 9091, 8080]);
  assert.equal(["a", "b", "c"].map((n) => container(n).readinessProbe.httpGet.path), ["/healthz", "/ready", "/healthz"]);
  assert.equal(["a", "b", "c"].map((n) => deployment(objs, n).spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels["app.kubernetes.io/name"]), ["a", "b", "c"]);
});

test.run();
