// addition: answers GET / with the sum of two numbers fetched from the random-number service
// (RANDOM_URL, resolved by kdsl to the cluster DNS name or to the local proxy).
import http from "node:http";

const port = Number(process.env.PORT ?? 8080);
const randomUrl = process.env.RANDOM_URL ?? "http://127.0.0.1:8081";
const token = process.env.TOKEN ?? "";

async function randomNumber() {
  const res = await fetch(randomUrl, { headers: { "x-token": token } });
  if (!res.ok) throw new Error(`random-number answered ${res.status}`);
  return (await res.json()).value;
}

http
  .createServer(async (req, res) => {
    if (req.url === "/healthz") return res.end("ok\n");
    try {
      const [a, b] = await Promise.all([randomNumber(), randomNumber()]);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ a, b, sum: a + b }) + "\n");
    } catch (e) {
      res.statusCode = 502;
      res.end(`upstream error: ${e.message}\n`);
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`addition listening on ${port}`));
