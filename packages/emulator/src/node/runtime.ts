import { randomBytes, randomUUID } from "node:crypto";
import type { Clock, IdSource } from "../app/deps.js";

/** The wall clock of this process. */
export const systemClock: Clock = { now: () => Date.now() };

/** Random identifiers from Node's CSPRNG. */
export const randomIds: IdSource = {
  keyId: () => randomUUID(),
  requestId: () => randomUUID(),
  keyMaterialId: () => randomBytes(32).toString("hex"),
};
