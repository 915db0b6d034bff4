// Template parameters and `${name}` / `${app}` wherever a value or a string may stand: inside the
// branches of an `if`, in the string arguments of probe and secret calls (also through the
// stdlib's `web`, which passes `health-path` to `http(...)`), and `${db.host}` when `db` is a
// ServiceRef parameter.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { deployment, diagnostics, objects, type Obj } from "../support/one-file.ts";

const container = (objs: Obj[], name: string) => deployment(objs, name).spec.template.spec.containers[0];

test("parameters stand in both branches of an `if`", () => {
  const objs = objects(`app shop

template base(n: Int = 1, s: String = "x") for service {
  replicas = if name == "s1" then n else 2
  labels { a = if name == "s1" then s else "y" }
  port http 8080
}

service s1 from base { image = "r.io/x/s1:1.0" }
service s2 from base(n = 5) { image = "r.io/x/s2:1.0" }
service s3 from base(n = 7, s = "z") { image = "r.io/x/s3:1.0" }
`);
  assert.equal(["s1", "s2", "s3"].map((n) => deployment(objs, n).spec.replicas), [1, 2, 2]);
  assert.equal(["s1", "s2", "s3"].map((n) => deployment(objs, n).metadata.labels!.a), ["x", "y", "y"]);
});

test("a parameter in an `if` nested in another, and in the text a condition compares with", () => {
  const objs = objects(`app shop

template base(big: String = "s1", n: Int = 3) for service {
  replicas = if name == big then n else if name == "s2" then n else 1
  port http 8080
}

service s1 from base { image = "r.io/x/s1:1.0" }
service s2 from base(n = 4) { image = "r.io/x/s2:1.0" }
service s3 from base(big = "s3", n = 6) { image = "r.io/x/s3:1.0" }
`);
  assert.equal(["s1", "s2", "s3"].map((n) => deployment(objs, n).spec.replicas), [3, 4, 6]);
});

test("a wrong argument used in an `if` branch is reported against the parameter's type", () => {
  const out = diagnostics(`app shop

template base(n: Int = 1) for service {
  replicas = if name == "s1" then n else 2
  port http 8080
}

service s1 from base(n = "many") { image = "r.io/x/s1:1.0" }
`);
  assert.equal(out, ['app.kdsl:8:26: error[KD3001]: `n` expects a whole number, found a string']);
});

test("`${name}` and `${app}` in probe arguments", () => {
  const objs = objects(`app shop

service api {
  image = "r.io/x/api:1.0"
  port http 8080
  health {
    readiness = http("/\${name}/ready")
    liveness = exec(["cat", "/tmp/\${app}-\${name}"])
  }
}
`);
  const c = container(objs, "api");
  assert.is(c.readinessProbe.httpGet.path, "/api/ready");
  assert.equal(c.livenessProbe.exec.command, ["cat", "/tmp/shop-api"]);
});

test("a template's probe that reads `${name}` gives each user its own path (not a memoised one)", () => {
  const objs = objects(`app shop

template base for service {
  port http 8080
  health { readiness = http("/\${name}/ready") }
}

service a from base { image = "r.io/x/a:1.0" }
service b from base { image = "r.io/x/b:1.0" }
`);
  assert.equal(["a", "b"].map((n) => container(objs, n).readinessProbe.httpGet.path), ["/a/ready", "/b/ready"]);
});

test("a parameter holding `${name}` passed on to the stdlib's `web`, whose `http(health-path)` takes it", () => {
  const objs = objects(`app shop
use std/web

template api(hp: String = "x") from web(health-path = "/\${hp}/\${name}") for service { }

service cart from api { image = "r.io/x/cart:1.0" }
service pay from api { image = "r.io/x/pay:1.0" }
service orders from api(hp = "ready") { image = "r.io/x/orders:1.0" }
`);
  assert.is(container(objs, "cart").readinessProbe.httpGet.path, "/x/cart");
  assert.is(container(objs, "pay").readinessProbe.httpGet.path, "/x/pay");
  assert.is(container(objs, "orders").readinessProbe.httpGet.path, "/ready/orders");
});

test("what cannot go into a probe's string is reported once, where it is written", () => {
  const out = diagnostics(`app shop

service db { image = "r.io/x/db:1.0"; port pg 5432 }
service api {
  image = "r.io/x/api:1.0"
  port http 8080
  health { readiness = http("/\${db.host}"); liveness = http("/\${nope}") }
}
`);
  assert.is(out.length, 2, out.join("\n"));
  assert.match(out[0]!, /^app\.kdsl:7:33: error\[KD3062\]: `db\.host` can be interpolated only into an environment value/);
  assert.match(out[1]!, /^app\.kdsl:7:65: error\[KD2001\]: unknown name `nope` in a string/);
});

test("a ServiceRef parameter in an environment string: `${db.host}`, `${db.url}`, `${db.port}`, `${db.address}`", () => {
  const objs = objects(`app shop

template client(db: ServiceRef) for service {
  port http 8080
  env {
    DB = db.url
    H = "\${db.host}"
    ALL = "\${db.url} \${db.port} \${db.address}"
  }
}

service pg { image = "r.io/x/pg:1.0"; port pg 5432 }
service api from client(db = pg) { image = "r.io/x/api:1.0" }
`);
  const env = Object.fromEntries(container(objs, "api").env.map((e: { name: string; value: string }) => [e.name, e.value]));
  assert.is(env.DB, "http://pg.shop.svc.cluster.local:5432");
  assert.is(env.H, "pg.shop.svc.cluster.local");
  assert.is(env.ALL, `${env.DB} 5432 ${env.H}:5432`);
});

test("a ServiceRef parameter's address outside an environment value is the usual KD3062", () => {
  const out = diagnostics(`app shop

template client(db: ServiceRef) for service {
  port http 8080
  labels { peer = "\${db.host}" }
}

service pg { image = "r.io/x/pg:1.0"; port pg 5432 }
service api from client(db = pg) { image = "r.io/x/api:1.0" }
`);
  assert.is(out.length, 1, out.join("\n"));
  assert.match(out[0]!, /error\[KD3062\]: `pg\.host` can be interpolated only into an environment value/);
});

test.run();
