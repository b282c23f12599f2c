import type { OperationName, OPERATIONS, Result } from "@keypolicy/core";
import type { z } from "zod";
import type { OperationContext } from "./deps.js";
import { cancelKeyDeletion } from "./handlers/cancel-key-deletion.js";
import { createAlias } from "./handlers/create-alias.js";
import { createKey } from "./handlers/create-key.js";
import { deleteAlias } from "./handlers/delete-alias.js";
import { describeKey } from "./handlers/describe-key.js";
import { disableKey } from "./handlers/disable-key.js";
import { enableKey } from "./handlers/enable-key.js";
import { getKeyPolicy } from "./handlers/get-key-policy.js";
import { listAliases } from "./handlers/list-aliases.js";
import { listKeyPolicies } from "./handlers/list-key-policies.js";
import { listKeys } from "./handlers/list-keys.js";
import { listResourceTags } from "./handlers/list-resource-tags.js";
import { putKeyPolicy } from "./handlers/put-key-policy.js";
import { scheduleKeyDeletion } from "./handlers/schedule-key-deletion.js";
import { tagResource } from "./handlers/tag-resource.js";
import { untagResource } from "./handlers/untag-resource.js";
import { updateAlias } from "./handlers/update-alias.js";
import { disableKeyRotation } from "./handlers/disable-key-rotation.js";
import { enableKeyRotation } from "./handlers/enable-key-rotation.js";
import { getKeyRotationStatus } from "./handlers/get-key-rotation-status.js";
import { listKeyRotations } from "./handlers/list-key-rotations.js";
import { rotateKeyOnDemand } from "./handlers/rotate-key-on-demand.js";
import { updateKeyDescription } from "./handlers/update-key-description.js";
import { replicateKey } from "./handlers/replicate-key.js";
import { updatePrimaryRegion } from "./handlers/update-primary-region.js";
import { createGrant } from "./handlers/create-grant.js";
import { listGrants } from "./handlers/list-grants.js";
import { listRetirableGrants } from "./handlers/list-retirable-grants.js";
import { retireGrant } from "./handlers/retire-grant.js";
import { revokeGrant } from "./handlers/revoke-grant.js";
import { decrypt } from "./handlers/decrypt.js";
import { encrypt } from "./handlers/encrypt.js";
import { generateDataKey, generateDataKeyWithoutPlaintext } from "./handlers/generate-data-key.js";
import { generateRandom } from "./handlers/generate-random.js";
import { reEncrypt } from "./handlers/re-encrypt.js";

/** A handler: validated input in, the output members (or `undefined` for none) or a KMS error out. */
export type Handler<K extends OperationName> = (
  ctx: OperationContext,
  input: z.infer<(typeof OPERATIONS)[K]["input"]>,
) => Promise<Result<object | undefined>>;

/**
 * The operations this emulator answers, one handler file each: total over core's `OPERATIONS`, so an operation added
 * there without a handler fails to compile. Names outside the table are UnknownOperationException (create-app.ts).
 */
export const HANDLERS: { readonly [K in OperationName]: Handler<K> } = {
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListKeyPolicies: listKeyPolicies,
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
  EnableKey: enableKey,
  DisableKey: disableKey,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  CreateAlias: createAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListResourceTags: listResourceTags,
  GetKeyRotationStatus: getKeyRotationStatus,
  EnableKeyRotation: enableKeyRotation,
  DisableKeyRotation: disableKeyRotation,
  RotateKeyOnDemand: rotateKeyOnDemand,
  ListKeyRotations: listKeyRotations,
  UpdateKeyDescription: updateKeyDescription,
  ReplicateKey: replicateKey,
  UpdatePrimaryRegion: updatePrimaryRegion,
  CreateGrant: createGrant,
  ListGrants: listGrants,
  ListRetirableGrants: listRetirableGrants,
  RetireGrant: retireGrant,
  RevokeGrant: revokeGrant,
  Encrypt: encrypt,
  Decrypt: decrypt,
  ReEncrypt: reEncrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateRandom: generateRandom,
};
