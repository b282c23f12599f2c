import { KMSClient } from "@aws-sdk/client-kms";
import { applySeed, createEmulatorApp, createMemoryStore } from "@keypolicy/emulator";
import { createInProcessHandler, type FetchFunction } from "../src/index.js";

/** The seeded key: in 111122223333 / us-east-2, with alias/ExampleAlias. */
export const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

/** A well-formed key ID no key has. */
export const MISSING_KEY_ID = "11111111-2222-3333-4444-555555555555";

/** A client on `fetch`, in-process, one attempt per call (no retry back-off). */
export function clientOn(fetch: FetchFunction): KMSClient {
  return new KMSClient({
    region: "us-east-2",
    endpoint: "http://kms.in-process",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
    requestHandler: createInProcessHandler(fetch),
  });
}

/**
 * A client on a fresh in-process emulator holding {@link KEY_ID}; `sent()` counts the requests that reached it.
 * Key IDs are counted, the clock fixed: nothing depends on time or randomness.
 */
export async function emulatorClient(): Promise<{ client: KMSClient; sent: () => number }> {
  const store = createMemoryStore();
  let keys = 0;
  let requests = 0;
  const ids = {
    keyId: () => `00000000-0000-4000-8000-${String(++keys).padStart(12, "0")}`,
    requestId: () => `00000000-0000-4000-9000-${String(++requests).padStart(12, "0")}`,
    keyMaterialId: () => "0".repeat(64),
    grantId: () => "1".repeat(64),
    randomBytes: (length: number) => new Uint8Array(length),
  };
  const clock = { now: () => 1_700_000_000_000 };
  await applySeed(
    store,
    { keys: [{ KeyId: KEY_ID, Aliases: ["alias/ExampleAlias"] }] },
    { accountId: "111122223333", region: "us-east-2" },
    { clock, ids },
  );
  const app = createEmulatorApp({ store, clock, ids });
  let sent = 0;
  const client = clientOn((request) => {
    sent++;
    return app.fetch(request);
  });
  return { client, sent: () => sent };
}
