import type { ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-kms";
import { HttpRequest } from "@smithy/core/protocols";
import type { BuildMiddleware } from "@smithy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createKmsClient } from "./kms-client.js";
import type { AwsSettings } from "./settings.js";

const SETTINGS: AwsSettings = {
  region: "us-east-2",
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret" },
  output: "json",
  timeouts: { connectMs: 60_000, readMs: 60_000 },
};

/** Where the client would send a GetKeyPolicy request: stops it in the build step, before any socket is opened. */
async function requestTarget(settings: AwsSettings): Promise<string> {
  const client = await createKmsClient(settings);
  let target = "";
  const stop: BuildMiddleware<ServiceInputTypes, ServiceOutputTypes> = () => async (args) => {
    const request = args.request as { protocol: string; hostname: string; port?: number };
    target = `${request.protocol}//${request.hostname}${request.port !== undefined ? `:${request.port}` : ""}`;
    throw new Error("stopped before sending");
  };
  client.middlewareStack.add(stop, { step: "build" });
  const { GetKeyPolicyCommand } = await import("@aws-sdk/client-kms");
  await expect(client.send(new GetKeyPolicyCommand({ KeyId: "k" }))).rejects.toThrow("stopped before sending");
  client.destroy();
  return target;
}

afterEach(() => vi.unstubAllEnvs());

describe("createKmsClient", () => {
  it("sends to settings.endpoint", async () => {
    expect(await requestTarget({ ...SETTINGS, endpoint: "http://127.0.0.1:4566" })).toBe("http://127.0.0.1:4566");
  });

  it("sends to KMS in the region when settings has no endpoint, whatever the SDK would find in process.env", async () => {
    // The SDK's own lookup reads these (and AWS_PROFILE's endpoint_url); keypolicy has already decided.
    vi.stubEnv("AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:9");
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
    expect(await requestTarget(SETTINGS)).toBe("https://kms.us-east-2.amazonaws.com");
  });

  it.each([
    ["the defaults (60 s each)", { connectMs: 60_000, readMs: 60_000 }],
    ["0: no timeout", { connectMs: 0, readMs: 0 }],
    ["different values", { connectMs: 5_000, readMs: 1_000 }],
  ])("gives the HTTP handler the connect and read timeouts: %s", async (_, timeouts) => {
    const client = await createKmsClient({ ...SETTINGS, timeouts });
    const handler = client.config.requestHandler as {
      handle(request: HttpRequest): Promise<unknown>;
      httpHandlerConfigs(): Record<string, unknown>;
    };
    // The handler reads its options on first use: one request to a closed local port (refused at once).
    await handler
      .handle(new HttpRequest({ protocol: "http:", hostname: "127.0.0.1", port: 1, path: "/" }))
      .catch(() => undefined);
    expect(handler.httpHandlerConfigs()).toMatchObject({
      connectionTimeout: timeouts.connectMs,
      socketTimeout: timeouts.readMs,
    });
    client.destroy();
  });
});
