// The `kdsl` command as users and scripts meet it, run as a real process: help and version,
// explain, build to stdout and to a directory, profiles, inline secrets, JSON diagnostics, check,
// fmt, colour rules and byte-for-byte determinism.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { crashSigns, describe, ensureBundle, ESCAPES, kdsl, ROOT, tempDir } from "./run-cli.ts";

const EXAMPLE = "examples/numbers";
const { dir: TMP, cleanup } = tempDir("kdsl-cli-");
test.before(() => ensureBundle());
test.after(() => cleanup());

type K8s = { kind: string; metadata: { name: string }; spec?: { replicas?: number }; stringData?: Record<string, string>; data?: Record<string, string> };

/** Parses multi-document YAML strictly: any YAML error fails the test. */
function documents(yaml: string): K8s[] {
  const docs = parseAllDocuments(yaml);
  for (const d of docs) assert.equal(d.errors.map(String), [], "YAML errors");
  return docs.map((d) => d.toJS() as K8s).filter(Boolean);
}

function ok(args: string[], env: Record<string, string> = {}): string {
  const r = kdsl(args, { env });
  assert.is(r.status, 0, describe(r));
  assert.equal(crashSigns(r.stderr), [], describe(r));
  return r.stdout;
}

function deployment(docs: K8s[], name: string): K8s {
  const d = docs.find((o) => o.kind === "Deployment" && o.metadata.name === name);
  assert.ok(d, `no Deployment ${name} among ${docs.map((o) => `${o.kind}/${o.metadata.name}`).join(", ")}`);
  return d!;
}

test("--help and --version exit 0", () => {
  assert.match(ok(["--help"]), /Usage:\n\s+kdsl build/);
  assert.match(ok(["build", "--help"]), /Usage:/);
  assert.match(ok(["--version"]), /^kdsl \d+\.\d+\.\d+\n$/);
  const bare = kdsl([]);
  assert.is(bare.status, 2, "no command is a usage error");
  assert.match(bare.stdout, /Usage:/);
});

test("explain KD2004 prints the page; an unknown code is a usage error", () => {
  const page = ok(["explain", "KD2004"]);
  assert.match(page, /^# KD2004: unknown field\n/);
  assert.match(page, /\nSeverity: error\n/);
  assert.is(ok(["explain", "kd2004"]), page, "codes are case-insensitive");
  const r = kdsl(["explain", "NOPE"]);
  assert.is(r.status, 2, describe(r));
  assert.match(r.stderr, /^kdsl: .*NOPE/);
  assert.is(r.stdout, "");
});

test("build to stdout: multi-document YAML with the Deployment, 3 replicas", () => {
  const docs = documents(ok(["build", EXAMPLE]));
  assert.ok(docs.length >= 4, `objects: ${docs.length}`);
  assert.is(deployment(docs, "random-number").spec?.replicas, 3);
  assert.is(deployment(docs, "addition").spec?.replicas, 2);
  // Reference mode: the secret value is never in the output.
  assert.not.ok(docs.some((d) => d.kind === "Secret"), "no Secret object in reference mode");
});

test("--profile prod gives 5 replicas (also as -p)", () => {
  assert.is(deployment(documents(ok(["build", EXAMPLE, "--profile", "prod"])), "random-number").spec?.replicas, 5);
  assert.is(deployment(documents(ok(["build", EXAMPLE, "-p", "prod"])), "random-number").spec?.replicas, 5);
  const r = kdsl(["build", EXAMPLE, "--profile", "nope"]);
  assert.is(r.status, 1, describe(r));
  assert.match(r.stderr, /error\[KD2014\]/);
});

test("-o DIR writes DIR/numbers.yaml, equal to the stdout output, and nothing else", () => {
  const out = join(TMP, "out");
  const r = kdsl(["build", EXAMPLE, "-o", out]);
  assert.is(r.status, 0, describe(r));
  assert.is(r.stdout, "", "nothing on stdout with -o");
  assert.match(r.stderr, /wrote .*numbers\.yaml/);
  assert.equal(readdirSync(out), ["numbers.yaml"]);
  assert.is(readFileSync(join(out, "numbers.yaml"), "utf8"), ok(["build", EXAMPLE]));
});

test("--secrets inline: KD4001 without RANDOM_TOKEN, a Secret with stringData with it", () => {
  const missing = kdsl(["build", EXAMPLE, "--secrets", "inline"]);
  assert.is(missing.status, 1, describe(missing));
  assert.match(missing.stderr, /error\[KD4001\]/);
  assert.match(missing.stderr, /RANDOM_TOKEN/);
  assert.match(missing.stderr, /--> examples\/numbers\/app\.kdsl:\d+:\d+/);
  assert.is(missing.stdout, "");

  const docs = documents(ok(["build", EXAMPLE, "--secrets", "inline"], { RANDOM_TOKEN: "abc" }));
  const secret = docs.find((d) => d.kind === "Secret");
  assert.ok(secret, "a Secret object");
  assert.is(secret!.metadata.name, "api-keys");
  assert.equal(secret!.stringData, { "random-token": "abc" });
});

test("--secrets inline: file(...) values byte for byte; not UTF-8 (a keystore) goes in data as base64", () => {
  const dir = join(TMP, "binary-secret");
  mkdirSync(join(dir, "secrets"), { recursive: true });
  // Every byte value, so that no decoding or normalisation can go unnoticed.
  const keystore = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7 + 3) % 256));
  writeFileSync(join(dir, "secrets", "ks.p12"), keystore);
  writeFileSync(join(dir, "secrets", "note.txt"), "\ufeffline one\r\nline two\n"); // BOM and CRLF kept
  writeFileSync(
    join(dir, "app.kdsl"),
    'app vault\n\nsecret certs {\n  keystore = file("secrets/ks.p12")\n  note = file("secrets/note.txt")\n}\n\nservice web {\n  image = "nginx:1.25"\n  files { "/etc/certs" = certs }\n}\n',
  );
  const r = kdsl(["build", dir, "--secrets", "inline"]);
  assert.is(r.status, 0, describe(r));
  assert.is(r.stderr, "", describe(r));
  const secret = documents(r.stdout).find((d) => d.kind === "Secret");
  assert.ok(secret, "a Secret object");
  assert.equal(Object.keys(secret!.data ?? {}), ["keystore"]);
  assert.ok(Buffer.from(secret!.data!.keystore!, "base64").equals(keystore), "the keystore's bytes, exactly");
  assert.equal(secret!.stringData, { note: "\ufeffline one\r\nline two\n" });
  // By reference, nothing of either file is read into the output.
  assert.not.match(ok(["build", dir]), /kind: Secret\n/);
});

test("--format json: an array of diagnostics with code, line and column", () => {
  const fail = kdsl(["check", EXAMPLE, "--profile", "nope", "--format", "json"]);
  assert.is(fail.status, 1, describe(fail));
  const ds = JSON.parse(fail.stdout) as { code: string; line: number; column: number; file: string; severity: string; message: string }[];
  assert.ok(Array.isArray(ds) && ds.length > 0, fail.stdout);
  for (const d of ds) {
    assert.match(d.code, /^KD\d{4}$/);
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d));
    assert.type(d.message, "string");
  }
  assert.not.match(fail.stderr, /error\[KD/, "no pretty output beside the JSON");

  const secrets = kdsl(["build", EXAMPLE, "--secrets", "inline", "--format", "json", "-o", join(TMP, "json-out")]);
  assert.is(secrets.status, 1, describe(secrets));
  const [d] = JSON.parse(secrets.stdout) as { code: string; file: string; line: number; column: number }[];
  assert.is(d!.code, "KD4001");
  assert.is(d!.file, "examples/numbers/app.kdsl");
  const line = readFileSync(join(ROOT, EXAMPLE, "app.kdsl"), "utf8").split("\n")[d!.line - 1]!;
  assert.ok(line.slice(d!.column - 1).startsWith('env("RANDOM_TOKEN")'), `KD4001 points at env(...): ${line}`);

  assert.equal(JSON.parse(ok(["check", EXAMPLE, "--format", "json"])), [], "a clean check prints []");
  // build to stdout: stdout stays pure YAML, the (empty) JSON array goes to stderr.
  const built = kdsl(["build", EXAMPLE, "--format", "json"]);
  assert.is(built.status, 0, describe(built));
  assert.ok(documents(built.stdout).length >= 4);
  assert.equal(JSON.parse(built.stderr), []);
});

test("a generated object the schema rejects: KD5001 as in the fixture, exit 1, no YAML (the bundled validators and their messages)", () => {
  const r = kdsl(["build", "test/fixtures/invalid/patch-breaks-schema.kdsl", "--format", "json"]);
  assert.is(r.status, 1, describe(r));
  assert.equal(crashSigns(r.stderr), [], describe(r));
  assert.is(r.stdout, "");
  const expected = readFileSync(join(ROOT, "test/fixtures/invalid/patch-breaks-schema.expected"), "utf8").trim();
  const got = (JSON.parse(r.stderr) as { code: string; line: number; column: number; message: string }[]).map((d) => `test/fixtures/invalid/patch-breaks-schema.kdsl:${d.line}:${d.column}: error[${d.code}]: ${d.message}`);
  assert.equal(got, [expected]);
});

test("a reader that stops early (`| head`) ends the build quietly; a full disk is exit 2 with a message", () => {
  // Output larger than a pipe's buffer, so that writes are still pending when the reader leaves.
  const dir = join(TMP, "big");
  mkdirSync(dir, { recursive: true });
  const services = Array.from({ length: 300 }, (_, i) => `service s${i} { image = "ghcr.io/example/s${i}:1.0.0"\n port http 8080 }`).join("\n");
  writeFileSync(join(dir, "app.kdsl"), `app big\n${services}\n`);
  const bin = join(ROOT, "cli/bin/kdsl.js");
  const piped = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" build "${dir}" | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
  assert.equal(crashSigns(piped.stderr), [], piped.stderr);
  assert.match(piped.stderr, /^status 0$/m);
  if (existsSync("/dev/full")) {
    const full = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" build examples/numbers > /dev/full`], { cwd: ROOT, encoding: "utf8" });
    assert.is(full.status, 2, full.stderr);
    assert.match(full.stderr, /kdsl: cannot write the output: ENOSPC/);
    assert.equal(crashSigns(full.stderr), [], full.stderr);
  }
});

test("a syntax error through every command that parses: chevrotain's parser is loaded on first need, same diagnostic", () => {
  const dir = join(TMP, "syntax-error");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "app.kdsl");
  writeFileSync(file, "app a\nservice s {\n  image =\n}\n");
  for (const args of [["build", file], ["check", file], ["lint", file], ["lint", "--fix", file], ["fmt", "--check", file], ["fmt", file]]) {
    const r = kdsl(args);
    assert.is(r.status, 1, `${args.join(" ")}: ${describe(r)}`);
    assert.equal(crashSigns(r.stderr), [], `${args.join(" ")}: ${describe(r)}`);
    assert.match(r.stderr, /KD1004\]?: expected a value after `=`/, `${args.join(" ")}: ${describe(r)}`);
  }
});

test("check examples/numbers exits 0 and writes nothing to stdout", () => {
  const r = kdsl(["check", EXAMPLE]);
  assert.is(r.status, 0, describe(r));
  assert.is(r.stdout, "");
  assert.match(r.stderr, /no problems/);
});

test("fmt --check passes a formatted file, lists an unformatted one (exit 1); fmt rewrites it", () => {
  const r0 = kdsl(["fmt", "--check", join(EXAMPLE, "app.kdsl")]);
  assert.is(r0.status, 0, describe(r0));
  assert.is(r0.stdout, "");

  const dir = join(TMP, "fmt");
  const file = join(dir, "app.kdsl");
  const original = readFileSync(join(ROOT, EXAMPLE, "app.kdsl"), "utf8");
  const messy = original.replace("replicas = 3", "replicas   =    3").replace(/^  image/m, "      image").replace("}\n\nconfig", "}\nconfig");
  assert.is.not(messy, original);
  mkdirSync(dir);
  writeFileSync(file, messy);

  const r1 = kdsl(["fmt", "--check", file]);
  assert.is(r1.status, 1, describe(r1));
  assert.ok(r1.stdout.includes(file), `lists the file: ${r1.stdout}`);
  assert.is(readFileSync(file, "utf8"), messy, "--check does not write");

  const r2 = kdsl(["fmt", file]);
  assert.is(r2.status, 0, describe(r2));
  assert.is(readFileSync(file, "utf8"), original, "rewritten to the canonical layout");
  assert.equal(readdirSync(dir), ["app.kdsl"], "no temporary file left");
  assert.is(kdsl(["fmt", "--check", dir]).status, 0, "a directory of formatted files passes");
});

test("colour: none with NO_COLOR, none when stderr is not a terminal", () => {
  // Pipes are not terminals, so even a colour-capable TERM must not bring escape codes.
  const envs: Record<string, string>[] = [{ TERM: "xterm-256color" }, { NO_COLOR: "1", TERM: "xterm-256color" }];
  for (const env of envs) {
    for (const args of [["build", EXAMPLE, "--profile", "nope"], ["check", EXAMPLE], ["build", EXAMPLE]]) {
      const r = kdsl(args, { env });
      assert.not.match(r.stderr, ESCAPES, `escape codes on stderr: ${JSON.stringify(env)} ${args.join(" ")}`);
      assert.not.match(r.stdout, ESCAPES, `escape codes on stdout: ${JSON.stringify(env)} ${args.join(" ")}`);
    }
  }
});

test("determinism: two builds are byte-identical", () => {
  for (const args of [["build", EXAMPLE], ["build", EXAMPLE, "-p", "prod"]]) assert.is(ok(args), ok(args), args.join(" "));
  const env = { RANDOM_TOKEN: "abc" };
  assert.is(ok(["build", EXAMPLE, "--secrets", "inline"], env), ok(["build", EXAMPLE, "--secrets", "inline"], env));
});

test("one cause repeated many times: three code frames, then the rest counted; JSON lists all", () => {
  const dir = join(TMP, "repeated");
  mkdirSync(dir, { recursive: true });
  const secrets = Array.from({ length: 7 }, (_, i) => `secret s${i} { token = env("NOT_SET_ANYWHERE") }`).join("\n");
  writeFileSync(join(dir, "app.kdsl"), `app rep\n\n${secrets}\n`);
  const pretty = kdsl(["build", dir, "--secrets", "inline"]);
  assert.is(pretty.status, 1, describe(pretty));
  assert.is(pretty.stderr.match(/error\[KD4001\]/g)?.length, 3, pretty.stderr);
  assert.match(pretty.stderr, /… and 4 more of the same error \(KD4001: environment variable `NOT_SET_ANYWHERE` is not set\), at .*app\.kdsl:6:/);
  assert.match(pretty.stderr, /\n7 errors\n$/);
  const json = kdsl(["build", dir, "--secrets", "inline", "--format", "json", "-o", join(dir, "out")]);
  assert.is((JSON.parse(json.stdout) as unknown[]).length, 7);
});

test.run();
