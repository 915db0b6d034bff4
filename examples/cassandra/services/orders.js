// A stand-in for the orders service: answers health checks and reports where its database is.
// The real service would connect to Cassandra at CASSANDRA_CONTACT_POINTS with the credentials.
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 8080);
createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200).end("ok\n");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ service: "orders", cassandra: process.env.CASSANDRA_CONTACT_POINTS ?? null, keyspace: process.env.CASSANDRA_KEYSPACE ?? null }) + "\n");
}).listen(port, () => console.log(`orders listening on ${port}`));
