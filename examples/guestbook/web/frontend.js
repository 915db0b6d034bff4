// frontend: renders the guestbook entries fetched from the api service (API_URL).
import http from "node:http";

const port = Number(process.env.PORT ?? 8080);
const api = process.env.API_URL ?? "http://127.0.0.1:8081";
http
  .createServer(async (req, res) => {
    if (req.url === "/healthz") return res.end("ok\n");
    const entries = await fetch(api).then((r) => r.json()).catch(() => []);
    res.setHeader("content-type", "text/html");
    res.end(`<h1>${process.env.TITLE ?? "guestbook"}</h1><ul>${entries.map((e) => `<li>${e}</li>`).join("")}</ul>\n`);
  })
  .listen(port, "127.0.0.1");
