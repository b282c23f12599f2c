// Plain JavaScript (checked through JSDoc): the server processes import it, and they must start without Node's type
// stripping, which alone adds ≈ 35 ms and ≈ 18 MB to a process and would distort start-up and memory figures.
import { defaultKeyPolicy } from "@keypolicy/policy";

/** The account every scenario uses. */
export const ACCOUNT_ID = "111122223333";
/** The region every scenario uses (the demo key's). */
export const REGION = "us-east-2";

/** The documented example key (examples/demo-seed.yaml). */
export const DEMO_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

/**
 * A deterministic key ID for the `index`-th seeded key: a lowercase UUID v4 shape, so markers and lookups are
 * reproducible from run to run.
 * @param {number} index
 * @returns {string}
 */
export function benchKeyId(index) {
  return `0000be9c-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

/**
 * The fixed body the baselines answer: exactly what the emulator answers for GetKeyPolicy on a key with the default
 * key policy, so every server writes the same bytes.
 * @returns {string}
 */
export function getKeyPolicyAnswer() {
  return JSON.stringify({ Policy: defaultKeyPolicy(ACCOUNT_ID, "aws"), PolicyName: "default" });
}

/** The awsJson1_1 content type. */
export const CONTENT_TYPE = "application/x-amz-json-1.1";

/**
 * Writes the one line a parent process waits for: `READY {json}`.
 * @param {Record<string, unknown>} info
 */
export function announce(info) {
  process.stdout.write(`READY ${JSON.stringify(info)}\n`);
}
