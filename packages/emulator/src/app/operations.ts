import type { OperationName, OPERATIONS, Result } from "@keypolicy/core";
import type { z } from "zod";
import type { OperationContext } from "./deps.js";
import { createKey } from "./handlers/create-key.js";
import { describeKey } from "./handlers/describe-key.js";
import { getKeyPolicy } from "./handlers/get-key-policy.js";
import { listKeyPolicies } from "./handlers/list-key-policies.js";
import { listKeys } from "./handlers/list-keys.js";
import { putKeyPolicy } from "./handlers/put-key-policy.js";

/** A handler: validated input in, the output members (or `undefined` for none) or a KMS error out. */
export type Handler<K extends OperationName> = (
  ctx: OperationContext,
  input: z.infer<(typeof OPERATIONS)[K]["input"]>,
) => Promise<Result<object | undefined>>;

/** The operations this emulator answers, one handler file each. */
export const HANDLERS: { readonly [K in OperationName]?: Handler<K> } = {
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListKeyPolicies: listKeyPolicies,
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
};
