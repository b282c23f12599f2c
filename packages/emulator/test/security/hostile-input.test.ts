import { describe, expect, it } from "vitest";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { jsonDepth } from "../../src/app/request-limits.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { answer, manualClock, sequentialIds } from "./helpers.js";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

function setup() {
  const store = createMemoryStore();
  const app = createEmulatorApp({ store, clock: manualClock(NOW), ids: sequentialIds() });
  const send = async (operation: string, body: BodyInit, headers: Record<string, string> = {}) =>
    answer(
      await app.request("/", {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": `TrentService.${operation}`,
          ...headers,
        },
        body,
      }),
    );
  return { app, store, send };
}

/** A key whose policy and metadata must survive every hostile request unchanged. */
async function keyWithPolicy(send: ReturnType<typeof setup>["send"]) {
  const created = await send("CreateKey", "{}");
  const keyId = (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
  const snapshot = async () => [
    await send("GetKeyPolicy", JSON.stringify({ KeyId: keyId })),
    await send("DescribeKey", JSON.stringify({ KeyId: keyId })),
  ];
  return { keyId, snapshot };
}

describe("hostile input through the app", () => {
  it("a body over the limit is RequestEntityTooLargeException, declared or streamed", async () => {
    const app = createEmulatorApp({
      store: createMemoryStore(),
      clock: manualClock(NOW),
      ids: sequentialIds(),
      config: { maxBodyBytes: 1000 },
    });
    const expected = {
      status: 413,
      body: { __type: "RequestEntityTooLargeException", message: "Request body is larger than 1000 bytes." },
    };
    const big = `{"Description":"${"x".repeat(2000)}"}`;
    expect(
      await answer(
        await app.request("/", {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.CreateKey" },
          body: big,
        }),
      ),
    ).toEqual(expected);
    let chunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Never ends by itself: the reader must stop at the limit.
        chunks++;
        controller.enqueue(new Uint8Array(400).fill(0x20));
        if (chunks > 10_000) controller.close();
      },
    });
    const request = new Request("http://localhost/", {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.CreateKey" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await answer(await app.fetch(request))).toEqual(expected);
    expect(chunks).toBeLessThan(10);
  });

  it("header lines over the limit are RequestEntityTooLargeException", async () => {
    const { send } = setup();
    expect(await send("ListKeys", "{}", { "x-padding": "p".repeat(17_000) })).toEqual({
      status: 413,
      body: { __type: "RequestEntityTooLargeException", message: "Request headers are larger than 16384 bytes." },
    });
  });

  it.each([
    ["a lone continuation byte", [0x7b, 0x80, 0x7d]],
    ["an overlong encoding", [0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d]],
    ["an encoded surrogate", [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]],
    ["a truncated sequence", [0x7b, 0x22, 0xe2, 0x82, 0x22, 0x7d]],
    ["0xff", [0xff]],
  ])("a body with %s is SerializationException", async (_, bytes) => {
    const { send } = setup();
    expect(await send("ListKeys", new Uint8Array(bytes))).toEqual({
      status: 400,
      body: { __type: "SerializationException", message: "Invalid UTF-8 in the request body." },
    });
  });

  it.each([65, 1000, 200_000])("JSON nested %d levels is SerializationException, never a crash", async (depth) => {
    const { send } = setup();
    const body = `{"KeyId":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
    expect(await send("DescribeKey", body)).toEqual({
      status: 400,
      body: { __type: "SerializationException", message: "The request body is nested deeper than 64 levels." },
    });
  });

  it("JSON nested 64 levels passes the limit (and gets the model's answer)", async () => {
    const { send } = setup();
    const result = await send("DescribeKey", `{"KeyId":${"[".repeat(63)}${"]".repeat(63)}}`);
    expect(result.body).toMatchObject({ __type: "SerializationException" });
    expect((result.body as { message: string }).message).not.toContain("nested");
  });

  it("brackets inside strings do not count as nesting", () => {
    expect(jsonDepth(`{"a":"${"[".repeat(100)}\\"{{"}`)).toBe(1);
  });

  it.each([
    ["__proto__ carrying a member", '{"__proto__":{"KeyId":"alias/aws/kms"}}'],
    ["constructor.prototype", '{"constructor":{"prototype":{"KeyId":"x"}}}'],
  ])("%s smuggles nothing in and pollutes no prototype", async (_, body) => {
    const { send } = setup();
    const result = await send("DescribeKey", body);
    expect(result.body).toEqual({
      __type: "ValidationException",
      message:
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    });
    expect(({} as Record<string, unknown>)["KeyId"]).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("KeyId");
  });

  it("a policy document with __proto__ and constructor members pollutes nothing, and is kept as written if accepted", async () => {
    const { send } = setup();
    const { keyId } = await keyWithPolicy(send);
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
      ],
    }).replace("{", '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    const put = await send(
      "PutKeyPolicy",
      JSON.stringify({ KeyId: keyId, Policy: text, BypassPolicyLockoutSafetyCheck: true }),
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    if (put.status === 200) {
      const stored = await send("GetKeyPolicy", JSON.stringify({ KeyId: keyId }));
      const policy = (stored.body as { Policy: string }).Policy;
      expect(policy).toContain('"__proto__" : {');
      expect(policy).toContain('"constructor" : {');
    } else {
      // With the statement rules on, AWS refuses elements it does not know.
      expect(put.body).toMatchObject({ __type: "MalformedPolicyDocumentException" });
    }
  });

  it("[DEC] a repeated member in a request body: the last one counts (as Jackson and JSON.parse do)", async () => {
    const { send } = setup();
    const { keyId } = await keyWithPolicy(send);
    const result = await send("DescribeKey", `{"KeyId":"not-a-key","KeyId":"${keyId}"}`);
    expect(result.status).toBe(200);
    expect((result.body as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId).toBe(keyId);
  });

  it.each([
    ["KeyId", () => ({ KeyId: "k".repeat(100_000) })],
    ["alias", () => ({ KeyId: `alias/${"a".repeat(100_000)}` })],
    ["key ARN", () => ({ KeyId: `arn:aws:kms:us-east-1:111122223333:key/${"0".repeat(100_000)}` })],
    ["PolicyName", () => ({ KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab", PolicyName: "p".repeat(100_000) })],
  ])("an extremely long %s is a 400, never a crash", async (_, input) => {
    const { send } = setup();
    const result = await send("GetKeyPolicy", JSON.stringify(input()));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ __type: expect.stringMatching(/^(ValidationException|NotFoundException)$/) });
  });

  it("an extremely long X-Amz-Target is UnknownOperationException", async () => {
    const { app } = setup();
    const response = await app.request("/", {
      method: "POST",
      headers: { "x-amz-target": `TrentService.${"A".repeat(10_000)}` },
      body: "{}",
    });
    expect(await answer(response)).toEqual({ status: 400, body: { __type: "UnknownOperationException" } });
  });

  it("stored data is unchanged after a volley of hostile requests", async () => {
    const { send } = setup();
    const { keyId, snapshot } = await keyWithPolicy(send);
    const before = await snapshot();
    const volley: BodyInit[] = [
      new Uint8Array([0x7b, 0xff, 0x7d]),
      `{"KeyId":"${keyId}","Policy":${"[".repeat(5000)}}`,
      `{"KeyId":"${keyId}","Policy":"${"{".repeat(50_000)}"}`,
      `{"__proto__":{"KeyId":"${keyId}","Policy":"{}"}}`,
      `{"KeyId":"${keyId}","Policy":"[]"}`,
      `{"KeyId":"${keyId}","Policy":"{\\"a\\":1,"}`,
      "null",
      "[]",
      `{"KeyId":"${keyId}","Policy":"${"x".repeat(200_000)}"}`,
    ];
    for (const body of volley) {
      const result = await send("PutKeyPolicy", body);
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
    }
    expect(await snapshot()).toEqual(before);
  });
});
