// api: a tiny guestbook API kept in memory (the runnable stand-in for the Redis-backed one).
import http from "node:http";

const port = Number(process.env.PORT ?? 8080);
const entries = [];
http
  .createServer((req, res) => {
    if (req.url === "/healthz") return res.end("ok\n");
    if (req.method === "POST") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        entries.push(body.slice(0, 500));
        res.statusCode = 201;
        res.end();
      });
      return;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(entries) + "\n");
  })
  .listen(port, "127.0.0.1");
