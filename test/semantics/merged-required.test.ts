// Required fields inside blocks hold for the merged value too (semantics/merged-required.ts): a
// block a profile brings in, or brings back after an `unset`, must have what the same block
// written in the declaration must have (KD3009, at the profile's block), and `unset` cannot take
// away a required field of a block (KD3026, at the argument). Each case used to build without a
// word and drop or mangle the block.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

type Obj = { kind: string; metadata: { name: string }; spec: any };

const run = (source: string, profiles: string[] = []) => {
  const r = build(memoryHost({ "app.kdsl": source }, stdlibFiles()), "app.kdsl", { profiles });
  return { diagnostics: r.diagnostics.map(renderPlain), yaml: r.yaml, objects: (r.objects ?? []).map((o) => o.object as unknown as Obj) };
};

/** The build fails with exactly these diagnostics, and writes nothing. */
const fails = (source: string, profiles: string[], expected: string[]) => {
  const r = run(source, profiles);
  assert.equal(r.diagnostics, expected);
  assert.is(r.yaml, undefined, "a build with errors writes no YAML");
};

const clean = (source: string, profiles: string[] = []) => {
  const r = run(source, profiles);
  assert.equal(r.diagnostics, []);
  assert.type(r.yaml, "string");
  return r.objects;
};

const DB = `app shop

service db {
  image = "shop/db:1"
  port http 8080
  resources { cpu = 100m }
}
`;

const API = `app shop

service api {
  image = "shop/api:1"
  port http 8080
  resources { cpu = 100m }
  canary { image = "shop/api:2"; weight = 10% }
  autoscale { max = 4 }
}
`;

test("a profile's canary on a service without one needs an image", () => {
  fails(DB + "\nprofile prod { db.canary { weight = 20% } }\n", ["prod"], ["app.kdsl:9:26: error[KD3009]: `canary` has no `image`"]);
});

test("a profile's autoscale needs a max", () => {
  fails(DB + "\nprofile prod { db.autoscale { cpu = 50% } }\n", ["prod"], ["app.kdsl:9:29: error[KD3009]: `autoscale` has no `max`"]);
});

test("a profile's expose needs a host", () => {
  fails(DB + '\nprofile prod { db.expose { path = "/" } }\n', ["prod"], ["app.kdsl:9:26: error[KD3009]: `expose` has no `host`"]);
});

test("a dotted setting brings in a block too", () => {
  fails(DB + "\nprofile prod {\n  db.canary.weight = 20%\n}\n", ["prod"], ["app.kdsl:10:3: error[KD3009]: `canary` has no `image`"]);
});

test("after one profile unsets the canary, the next one's canary block is all of it", () => {
  const source = API + "\nprofile staging { unset api.canary }\nprofile prod { api.canary { weight = 20% } }\n";
  fails(source, ["staging", "prod"], ["app.kdsl:12:27: error[KD3009]: `canary` has no `image`"]);
  // Each profile alone is fine: the check is over what the profiles applied, in order, make.
  assert.ok(clean(source, ["prod"]).some((o) => o.metadata.name === "api-canary"));
  assert.not.ok(clean(source, ["staging"]).some((o) => o.metadata.name === "api-canary"));
});

test("a required field of a block cannot be unset in the declaration", () => {
  const source = `app shop

template base for service {
  canary { image = "shop/api:2"; weight = 10% }
  autoscale { max = 4 }
}

service api from base {
  image = "shop/api:1"
  resources { cpu = 100m }
  unset canary.image autoscale.max
}
`;
  fails(source, [], [
    "app.kdsl:11:9: error[KD3026]: `image` is required in `canary`, so it cannot be unset",
    "app.kdsl:11:22: error[KD3026]: `max` is required in `autoscale`, so it cannot be unset",
  ]);
});

test("a required field of a block cannot be unset in a profile", () => {
  const source = API + "\nprofile prod { unset api.canary.image api.autoscale.max }\n";
  // Reported whether or not the profile is applied, as every profile setting is.
  for (const profiles of [[], ["prod"]]) {
    fails(source, profiles, [
      "app.kdsl:11:22: error[KD3026]: `image` is required in `canary`, so it cannot be unset",
      "app.kdsl:11:39: error[KD3026]: `max` is required in `autoscale`, so it cannot be unset",
    ]);
  }
  const r = build(memoryHost({ "app.kdsl": source }, stdlibFiles()), "app.kdsl");
  assert.equal(r.diagnostics[0]!.hints, ["unset the whole block instead: `unset api.canary`, or set another value: `api.canary.image = ...`."]);
});

test("the whole block, and optional fields in it, can still be unset", () => {
  const source = API + "\nprofile prod { unset api.canary api.autoscale.cpu }\n";
  const objs = clean(source, ["prod"]);
  assert.not.ok(objs.some((o) => o.metadata.name === "api-canary"));
  assert.is(objs.find((o) => o.kind === "HorizontalPodAutoscaler")!.spec.maxReplicas, 4);
});

test("a profile that adds a complete canary is clean and the canary is built", () => {
  const objs = clean(DB + '\nprofile prod { db.canary { image = "shop/db:2"; weight = 20% } }\n', ["prod"]);
  assert.ok(objs.some((o) => o.kind === "Deployment" && o.metadata.name === "db-canary"));
});

test("a profile that only changes the weight of an existing canary is clean", () => {
  const source = API + "\nprofile prod { api.canary.weight = 20% }\n";
  const objs = clean(source, ["prod"]);
  assert.ok(objs.some((o) => o.kind === "Deployment" && o.metadata.name === "api-canary"));
  const inTemplate = `app shop

template base for service { canary { image = "shop/api:2"; weight = 10% } }

service api from base { image = "shop/api:1" }

profile prod { api.canary { weight = 30% } }
`;
  assert.ok(clean(inTemplate, ["prod"]).some((o) => o.metadata.name === "api-canary"));
});

test("what the declaration already lacks is reported once, at the declaration", () => {
  const source = `app shop

service api {
  image = "shop/api:1"
  canary { weight = 10% }
}

profile prod { api.canary.weight = 20% }
`;
  fails(source, ["prod"], ["app.kdsl:5:10: error[KD3009]: `canary` has no `image`"]);
});

test("a required field written with a bad value in the profile is reported once, as a bad value", () => {
  const r = run(DB + "\nprofile prod { db.canary { image = 5; weight = 20% } }\n", ["prod"]);
  assert.is(r.diagnostics.length, 1, r.diagnostics.join("\n"));
  assert.not.match(r.diagnostics[0]!, /KD3009/);
});

test.run();
