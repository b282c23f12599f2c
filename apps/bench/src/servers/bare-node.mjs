// Baseline: a bare node:http server that reads the request body and answers a fixed GetKeyPolicy-shaped body.
import { createServer } from "node:http";
import { announce, CONTENT_TYPE, getKeyPolicyAnswer } from "../fixtures.mjs";

const body = getKeyPolicyAnswer();
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": CONTENT_TYPE, "x-amzn-RequestId": "00000000-0000-4000-8000-000000000000" });
    res.end(body);
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  announce({ url: `http://127.0.0.1:${port}`, port });
});
