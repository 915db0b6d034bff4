// Varied snippets for the property tests: real-looking files, odd spacing, comments in every kind
// of place. Each must parse without errors.
export const CORPUS: Record<string, string> = {
  walkthrough: `// The two microservices of the classic Kubernetes walkthrough.
app numbers                                  // names the application

use std/web                                  // stdlib

secret api-keys {
  random-token = env("RANDOM_TOKEN")         // read at build or run time
}

service random-number from web {
  image    = "ghcr.io/example/random-number:1.0.0"
  run      = "node services/random-number.js" // per replica
  replicas = 3
  labels { tier = "backend" }
  port http 8080                              // named container port
  env {
    TOKEN = api-keys.random-token             // typed reference
  }
  resources { cpu = 100m to 500m; memory = 128Mi to 256Mi }   // request to limit
  canary {
    image  = "ghcr.io/example/random-number:1.1.0"
    weight = 10%
  }
}

job warm-cache {
  image   = "ghcr.io/example/tools:1.0.0"
  retries = 3
  after   [addition]
}

profile prod {                                // kdsl build --profile prod
  random-number.replicas = 6
  addition.autoscale { min = 2; max = 10; cpu = 70% }
}
`,
  dense: `app a service b{x=1;y=[1,2,3];z{q="w"}}profile p{b.x=2}`,
  tabs: "app t\n\n\tservice\tb\t{\n\t\tx\t=\t1\n\t}\n",
  crlf: "app c\r\n// note\r\nservice b {\r\n  /* multi\r\n     line */\r\n  x = 1 // t\r\n}\r\n",
  prelude: `/// A kind.
kind service {
  /// The image.
  image: Image
  /// Copies.
  replicas: Int = 1
  labels: Map<LabelKey, LabelValue>?
  /// Nested fields.
  resources {
    /// CPU.
    cpu: Range<Cpu>?
  }
}
`,
  longLists: `service a {
  command = ["/bin/sh", "-c", "exec node server.js --port 8080 --host 0.0.0.0 --log-level debug --metrics"]
  uses [alpha-service, beta-service, gamma-service, delta-service, epsilon-service, zeta-service]
  matrix = [[1, 2, 3], ["a-long-string-value-here", "another-long-string-value-here", "and-one-more"]]
}
`,
  listComments: `service a {
  uses [ // who we call
    b, // the first
    /* block */ c,
    [d, /* nested */ e],
    // the end
  ]
}
`,
  oddComments: `/* file header */ app x /* after app */
use /* in use */ std/web // after use
service /* a */ b /* b */ from /* c */ web /* d */ { /* open */ x /* e */ = /* f */ 1 /* g */ ; /* h */ y = 2 /* i */ } /* j */
/* k */`,
  docs: `/// First.
/// Second.

service a {
  /// Doc of a nested block.
  labels { x = "y" }
  /// Doc of a field.
  f: Int = 3
}

// Not a doc.
/// A doc after a comment.
profile p { a.f = 4 }
`,
  toKey: `service a { from = 1; to = 2 }
service b {
  r = 1 to 2; to = 3
  x: Int = 4; to: Int
}
`,
  blankLines: `


app x



service a {


  x = 1



  // c


  y = 2


}


`,
  directives: `service a {
  port http 8080 -> 80
  port grpc 9090
  uses [b, c]
  paused
  weird "s" 1 2.5 10% true ref.x f(1) -> [z]
}
`,
  strings: String.raw`service a {
  a = "plain"
  b = "esc \n \t \" \\ \$ \u{1F600}"
  c = "interp ${"${"}name} and ${"${"}db.host}"
  "quoted.key/x" = ""
  "a"."b" = "c"
}
`,
  wide: `service a-service-with-a-rather-long-name-to-push-the-header from some-template-name-that-is-long { x = 1; y = 2 }
profile p { some.long.path.to.a.field = "a value that makes this line quite long"; another.path = 3 }
`,
  unicode: `// Ünïcödé comments — fine
service a {
  greeting = "héllo wörld ✓" // ✓
}
`,
};
