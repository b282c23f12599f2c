import { randomBytes, randomUUID } from "node:crypto";
import type { Clock, IdSource } from "@keypolicy/emulator";

/** The wall clock of this process. */
export const systemClock: Clock = { now: () => Date.now() };

/** Random identifiers from Node's CSPRNG. */
export const randomIds: IdSource = {
  keyId: () => randomUUID(),
  requestId: () => randomUUID(),
  keyMaterialId: () => randomBytes(32).toString("hex"),
  grantId: () => randomBytes(32).toString("hex"),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
};
