// Templates no declaration uses are checked once, on their own, against their kind
// (semantics/unused-templates.ts); a used one is checked by its users only, so nothing is reported
// twice.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

import { diagnostics } from "../support/one-file.ts";
const SERVICE = 'service s1 { image = "r.io/x/s1:1.0" }\n';

test("cycles, unknown bases, unknown fields and wrong types in templates nobody uses", () => {
  assert.equal(
    diagnostics(`app a
template c from c for service { }
template x for service { replicas = "a"; bogus = 1 }
template y from nonexist for service { }
${SERVICE}`),
    [
      "app.kdsl:2:17: error[KD2011]: template `c` extends itself: c → c",
      "app.kdsl:3:37: error[KD3001]: `replicas` expects a whole number, found a string",
      "app.kdsl:3:42: error[KD2004]: a service has no field `bogus`",
      "app.kdsl:4:17: error[KD2006]: unknown template `nonexist`",
    ],
  );
});

test("a used template's problems are reported once, however many use it", () => {
  assert.equal(
    diagnostics(`app a
template x for service { replicas = "a"; bogus = 1 }
service s1 from x { image = "r.io/x/s1:1.0" }
service s2 from x { image = "r.io/x/s2:1.0" }
`),
    ["app.kdsl:2:37: error[KD3001]: `replicas` expects a whole number, found a string", "app.kdsl:2:42: error[KD2004]: a service has no field `bogus`"],
  );
});

test("a cycle of unused templates is reported once; a bad link reached from a used template is not reported again", () => {
  const out = diagnostics(`app a
template a from b for service { }
template b from a for service { }
template c from a for service { }
template base from nonexist for service { }
template u from base for service { }
service s1 from base { image = "r.io/x/s1:1.0" }
`);
  assert.equal(out, ["app.kdsl:3:17: error[KD2011]: template `a` extends itself: a → b → a", "app.kdsl:5:20: error[KD2006]: unknown template `nonexist`"]);
});

test("parameters: defaults stand in, what reads one without a default waits for a user, arguments to the base are checked", () => {
  const out = diagnostics(`app a
template p(n: Int, s: String = "x") for service {
  replicas = n
  labels { a = s; b = "\${n}" }
  port http n
  image = 3
}
template q(m: Int) from p(n = m) for service { replicas = m }
template r from p for service { }
template t from p(n = "x", zz = 1) for service { }
template d(k: Int = "x") for service { replicas = k; paused = true }
${SERVICE}`);
  assert.equal(out, [
    "app.kdsl:6:11: error[KD3001]: `image` expects an image reference, found a number",
    "app.kdsl:9:17: error[KD3020]: template `p` needs a value for `n`",
    "app.kdsl:10:23: error[KD3001]: `n` expects a whole number, found a string",
    "app.kdsl:10:28: error[KD2020]: template `p` has no parameter `zz`",
    "app.kdsl:11:21: error[KD3001]: `k` expects a whole number, found a string",
    "app.kdsl:11:54: error[KD2004]: a service has no field `paused`",
  ]);
});

test("a template is checked against its own kind: fields, `k8s` patches, a base for another kind, an unknown kind", () => {
  const out = diagnostics(`app a
template j for job { k8s { spec.backoffLimit = 3 }; bogus = 1 }
template m from j for service { }
template k for bogus { }
${SERVICE}`);
  assert.equal(out, [
    "app.kdsl:2:53: error[KD2004]: a job has no field `bogus`",
    "app.kdsl:3:17: error[KD2015]: template `j` is for a job, not a service",
    "app.kdsl:4:16: error[KD2005]: unknown kind `bogus`",
  ]);
});

test("correct unused templates add nothing; `${name}` and `if` on profiles are checked as in a user", () => {
  const out = diagnostics(`app a
use std/web
profile prod { }
template api(hp: String = "ready") from web(port = 9000, health-path = "/\${hp}/\${name}") for service {
  replicas = if profile == "prod" then 3 else 1
  labels { owner = "\${name}-team" }
  health { liveness = http("/\${name}/live") }
}
template bad for service { replicas = if profile == "prod" then 3 else "one" }
${SERVICE}`);
  assert.equal(out, ["app.kdsl:9:72: error[KD3001]: `replicas` expects a whole number, found a string"]);
});

test("the stdlib's templates are not checked for every app that uses a module without using them", () => {
  assert.equal(diagnostics(`app a\nuse std/web\nuse std/worker\nuse std/stateful\n${SERVICE}`), []);
  // A stdlib module with a broken unused template: skipped, so still nothing (checked, it would be KD2004).
  const stdlib = { ...stdlibFiles(), "std/broken.kdsl": "template t for service { bogus = 1 }\n" };
  const broken = check(memoryHost({ "app.kdsl": `app a\nuse std/broken\n${SERVICE}` }, stdlib), "app.kdsl").diagnostics.map(renderPlain);
  assert.equal(broken, []);
});

test.run();
