// random-number: answers GET / with a random integer in [0, MAX_VALUE]. Requests must carry the
// shared token (TOKEN, from the `api-keys` secret) in the `x-token` header when one is set.
import http from "node:http";

const port = Number(process.env.PORT ?? 8080);
const max = Number(process.env.MAX_VALUE ?? 100);
const token = process.env.TOKEN;

http
  .createServer((req, res) => {
    if (req.url === "/healthz") return res.end("ok\n");
    if (token && req.headers["x-token"] !== token) {
      res.statusCode = 401;
      return res.end("missing or wrong x-token\n");
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ value: Math.floor(Math.random() * (max + 1)), pid: process.pid }) + "\n");
  })
  .listen(port, "127.0.0.1", () => console.log(`random-number listening on ${port}`));
