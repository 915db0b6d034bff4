// Keys that hold dots (`"tls.crt"`, `"feature.dark-mode"`) are referenced with the same quotes:
// `creds."tls.key"`. Both parsers read the quoted part into one Name (the same tree), the formatter
// prints it as written, and the checker finds the key. Written as a path (`creds.tls.key`), the
// reference names a key `tls`: KD2012 says so and offers the quoted form.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, type BuildOptions } from "../../compiler/src/api.ts";
import { memoryHost } from "../../compiler/src/host.ts";
import { renderPlain } from "../../compiler/src/diagnostics/render.ts";
import { parseWellFormed } from "../../compiler/src/syntax/fast-parser.ts";
import { parseWithRecovery } from "../../compiler/src/syntax/recovery.ts";
import { format } from "../../compiler/src/format/index.ts";
import type { Ref } from "../../compiler/src/syntax/ast.ts";
import { stdlibFiles } from "../diagnostics/invalid-fixtures.ts";

const run = (source: string, options: BuildOptions = {}) => build(memoryHost({ "app.kdsl": source }, stdlibFiles()), "app.kdsl", options);

const APP = `app a

secret creds {
  "tls.crt" = env("TLS_CRT")
  "tls.key" = env("TLS_KEY")
  "a\\u{2E}b" = env("QUOTE")
  user = env("DB_USER")
}

config settings {
  "feature.dark-mode" = true
  level = "info"
}

service s {
  image = "nginx:1.25"
  run = "node s.js"
  env {
    TLS_KEY = creds."tls.key"
    QUOTED = creds."a\\u{2E}b"
    PLAIN = creds."user"
    DARK = settings."feature.dark-mode"
    LEVEL = settings.level
  }
}

profile prod {
  s.env.DARK = settings."feature.dark-mode"
  settings."feature.dark-mode" = false
}
`;

test("both parsers build the same tree, with the quoted part as one name spanning its quotes", () => {
  const fast = parseWellFormed("app.kdsl", APP);
  const slow = parseWithRecovery("app.kdsl", APP);
  assert.equal(slow.diagnostics, []);
  assert.ok(fast, "the fast parser takes the file");
  assert.equal(fast, slow.ast);
  assert.is(JSON.stringify(fast), JSON.stringify(slow.ast));
  const service = fast!.items.find((i) => i.kind === "Decl" && (i as any).name?.text === "s") as any;
  const env = service.body.members.find((m: any) => m.path[0].text === "env");
  const ref = env.body.members[0].value as Ref;
  assert.equal(ref.path.map((n) => n.text), ["creds", "tls.key"]);
  assert.is(APP.slice(ref.path[1]!.span.start, ref.path[1]!.span.end), '"tls.key"');
  assert.is(APP.slice(ref.span.start, ref.span.end), 'creds."tls.key"');
  const quoted = env.body.members[1].value as Ref;
  assert.is(quoted.path[1]!.text, "a.b", "escapes are decoded as in keys");
});

test("a bad quoted part is chevrotain's syntax error, where the fast parser gives up", () => {
  for (const text of ['app a\nservice s { env { X = creds."tls.key } }\n', "app a\nservice s { env { X = creds.\"\" . } }\n", "app a\nservice s { env { X = creds.[1] } }\n"]) {
    assert.is(parseWellFormed("x.kdsl", text), undefined, text);
    assert.ok(parseWithRecovery("x.kdsl", text).diagnostics.length > 0, text);
  }
});

test("the formatter prints quoted parts as written and is a fixed point", () => {
  const messy = 'app a\nsecret creds { "tls.key" = env("K") }\nservice s { image = "nginx:1.25"; env { X =   creds."tls.key" } }\n';
  const out = format(messy).text!;
  assert.ok(out.includes('X = creds."tls.key"'), out);
  assert.is(format(out).text, out);
  assert.is(format(APP).text, APP, "the example above is formatted already");
});

test("quoted references build: secretKeyRef and configMapKeyRef with the dotted keys, in YAML and the runtime plan", () => {
  const r = run(APP);
  assert.equal(r.diagnostics.map(renderPlain), []);
  const container = r.objects!.map((o) => o.object as any).find((o) => o.kind === "Deployment").spec.template.spec.containers[0];
  const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.valueFrom]));
  assert.equal(env.TLS_KEY, { secretKeyRef: { name: "creds", key: "tls.key" } });
  assert.equal(env.QUOTED, { secretKeyRef: { name: "creds", key: "a.b" } });
  assert.equal(env.PLAIN, { secretKeyRef: { name: "creds", key: "user" } }, "a quoted plain key is the key");
  assert.equal(env.DARK, { configMapKeyRef: { name: "settings", key: "feature.dark-mode" } });
  const plan = run(APP, { target: "runtime", profiles: ["prod"] });
  assert.equal(plan.diagnostics.filter((d) => d.severity === "error").map(renderPlain), []);
  const process = plan.plan!.services.find((s) => s.name === "s")!.process!;
  assert.is(process.env.DARK, "false", "the profile's config value, through the quoted reference");
  assert.ok(process.secrets.some((s: any) => s.key === "tls.key" && s.env === "TLS_KEY" && s.name === "TLS_KEY"), JSON.stringify(process.secrets));
});

const broken = (env: string) => `app a
secret creds {
  "tls.key" = env("K")
  user = env("U")
}
config settings { "feature.dark-mode" = true }
service s {
  image = "nginx:1.25"
  env { ${env} }
}
`;

test("`creds.tls.key` is KD2012: `tls` is not a key, and the quoted form is the hint and the fix", () => {
  const src = broken("X = creds.tls.key");
  const ds = run(src).diagnostics;
  assert.is(ds.length, 1, ds.map(renderPlain).join("\n"));
  const d = ds[0]!;
  assert.is(d.code, "KD2012");
  assert.is(d.message, "`tls` is not a key of secret `creds`; its key `tls.key` holds dots");
  assert.is(src.slice(d.span.start, d.span.end), "tls.key", "underlines the path after the secret");
  assert.equal(d.hints, ['quote a key that holds dots: `creds."tls.key"`.']);
  const edit = d.fixes![0]!.edits[0]!;
  const fixed = src.slice(0, edit.span.start) + edit.newText + src.slice(edit.span.end);
  assert.ok(fixed.includes('X = creds."tls.key"'));
  assert.equal(run(fixed).diagnostics.filter((x) => x.severity === "error"), [], "the fix builds");
  const config = run(broken("X = settings.feature.dark-mode")).diagnostics;
  assert.is(config[0]!.message, "`feature` is not a key of config `settings`; its key `feature.dark-mode` holds dots");
  assert.not.ok(run(src).diagnostics.some((x) => x.code === "KD3015" || x.code === "KD1004"), "no misleading KD3015, no parse error");
});

test("other paths into a secret: a key has no parts; unknown keys list or suggest the quoted form", () => {
  const cases: [string, string, string, string[]][] = [
    ["X = creds.user.name", "KD3015", "`creds.user` is one value of secret `creds`; it has no `.name`", ["write `creds.user`."]],
    ["X = creds.foo.bar", "KD2012", "`foo` is not a key of secret `creds`", ['its keys: `creds."tls.key"`, `creds.user`.']],
    ["X = creds.tls.kee", "KD2012", "`tls` is not a key of secret `creds`", ['did you mean `creds."tls.key"`?']],
    ['X = creds."tls.kee"', "KD2012", "secret `creds` has no key `tls.kee`", ['did you mean `creds."tls.key"`?']],
    ["X = creds.tls-key", "KD2012", "secret `creds` has no key `tls-key`", ['did you mean `creds."tls.key"`?']],
    ["X = creds", "KD3015", "`creds` is a secret; `X` needs one of its keys (`creds.key`)", []],
  ];
  for (const [env, code, message, hints] of cases) {
    const ds = run(broken(env)).diagnostics;
    assert.is(ds.length, 1, `${env}: ${ds.map(renderPlain).join("; ")}`);
    assert.is(ds[0]!.code, code, env);
    assert.is(ds[0]!.message, message, env);
    assert.equal(ds[0]!.hints ?? [], hints, env);
  }
});

test("a quoted reference elsewhere is reported with its quotes", () => {
  const ds = run(broken('X = join([creds."tls.key"], ",")')).diagnostics;
  assert.is(ds[0]!.code, "KD3062");
  assert.is(ds[0]!.message, '`creds."tls.key"` is a secret key; it cannot be part of a string');
  const uses = run('app a\nservice s { image = "nginx:1.25"; uses [db."x.y"] }\nservice db { image = "nginx:1.25" }\n').diagnostics;
  assert.is(uses[0]!.message, '`uses` expects a service name, found the name `db."x.y"`');
});

test.run();
