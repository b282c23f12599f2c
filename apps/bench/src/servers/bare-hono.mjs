// Baseline: a bare Hono app on @hono/node-server that reads the request body and answers a fixed GetKeyPolicy-shaped
// body: the floor the emulator (also Hono on @hono/node-server) is measured against.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { announce, CONTENT_TYPE, getKeyPolicyAnswer } from "../fixtures.mjs";

const body = getKeyPolicyAnswer();
const app = new Hono();
app.post("/", async (c) => {
  await c.req.text();
  return c.body(body, 200, {
    "content-type": CONTENT_TYPE,
    "x-amzn-RequestId": "00000000-0000-4000-8000-000000000000",
  });
});
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  announce({ url: `http://127.0.0.1:${info.port}`, port: info.port });
});
