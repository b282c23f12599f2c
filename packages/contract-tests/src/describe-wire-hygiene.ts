import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Options of {@link describeWireHygiene}. */
export interface WireHygieneOptions {
  /** The runtime's name, shown in test names. */
  readonly name: string;
  /** Starts the emulator once for the suite; answers its URL and how to stop it. */
  readonly start: () => Promise<{ readonly url: string; close(): Promise<void> }>;
}

/**
 * Declares the checks every runtime needs that no contract case can make, because every contract target sends a JSON
 * object through a client: a body that is not JSON gets 400 SerializationException as AWS-shaped JSON (KMS-FIDELITY.md
 * §1 [DEC]), with the awsJson1_1 content type and an `x-amzn-RequestId`, sent with raw `fetch` over a socket.
 */
export function describeWireHygiene(options: WireHygieneOptions): void {
  describe(`wire hygiene over HTTP: ${options.name}`, () => {
    let running: { readonly url: string; close(): Promise<void> } | undefined;
    beforeAll(async () => {
      running = await options.start();
    }, 60_000);
    afterAll(async () => {
      await running?.close();
    }, 60_000);

    it("answers a body that is not JSON with 400 SerializationException as AWS-shaped JSON", async () => {
      if (!running) throw new Error("the emulator was not started");
      const response = await fetch(`${running.url}/`, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.GetKeyPolicy" },
        body: "{not json",
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
      expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.json()).toEqual({
        __type: "SerializationException",
        message: "Unable to parse the request body as JSON.",
      });
    });
  });
}
