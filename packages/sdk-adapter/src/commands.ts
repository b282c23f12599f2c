import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeyPoliciesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ListRetirableGrantsCommand,
  PutKeyPolicyCommand,
  ReEncryptCommand,
  ReplicateKeyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  UpdatePrimaryRegionCommand,
} from "@aws-sdk/client-kms";
import type { OperationName } from "@keypolicy/core";
import type { GetOutputType } from "@smithy/types";

/**
 * Any @aws-sdk/client-kms command class (structurally: a command's handler types are invariant in its input, so no
 * one command type covers them all; the test checks each is `<Operation>Command`).
 */
type CommandClass = new (input: never) => { readonly input: object; resolveMiddleware: unknown };

/** A command class as `KMSClient.send` takes it, whatever the operation (`send` is typed one operation at a time). */
export type SendableCommand = new (input: unknown) => Parameters<KMSClient["send"]>[0];

/**
 * The @aws-sdk/client-kms command for every operation in core's `OPERATIONS`, by its AWS name. The map is total and
 * exact: an operation added to core without its command here (or a name core does not have) fails to compile.
 */
export const COMMANDS = {
  GetKeyPolicy: GetKeyPolicyCommand,
  PutKeyPolicy: PutKeyPolicyCommand,
  ListKeyPolicies: ListKeyPoliciesCommand,
  CreateKey: CreateKeyCommand,
  DescribeKey: DescribeKeyCommand,
  ListKeys: ListKeysCommand,
  EnableKey: EnableKeyCommand,
  DisableKey: DisableKeyCommand,
  ScheduleKeyDeletion: ScheduleKeyDeletionCommand,
  CancelKeyDeletion: CancelKeyDeletionCommand,
  CreateAlias: CreateAliasCommand,
  UpdateAlias: UpdateAliasCommand,
  DeleteAlias: DeleteAliasCommand,
  ListAliases: ListAliasesCommand,
  TagResource: TagResourceCommand,
  UntagResource: UntagResourceCommand,
  ListResourceTags: ListResourceTagsCommand,
  GetKeyRotationStatus: GetKeyRotationStatusCommand,
  EnableKeyRotation: EnableKeyRotationCommand,
  DisableKeyRotation: DisableKeyRotationCommand,
  RotateKeyOnDemand: RotateKeyOnDemandCommand,
  ListKeyRotations: ListKeyRotationsCommand,
  UpdateKeyDescription: UpdateKeyDescriptionCommand,
  ReplicateKey: ReplicateKeyCommand,
  UpdatePrimaryRegion: UpdatePrimaryRegionCommand,
  CreateGrant: CreateGrantCommand,
  ListGrants: ListGrantsCommand,
  ListRetirableGrants: ListRetirableGrantsCommand,
  RetireGrant: RetireGrantCommand,
  RevokeGrant: RevokeGrantCommand,
  Encrypt: EncryptCommand,
  Decrypt: DecryptCommand,
  ReEncrypt: ReEncryptCommand,
  GenerateDataKey: GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintext: GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandom: GenerateRandomCommand,
} as const satisfies { readonly [O in OperationName]: CommandClass };

/** The SDK's input for an operation, e.g. `GetKeyPolicyCommandInput`. */
export type OperationInput<O extends OperationName> = ConstructorParameters<(typeof COMMANDS)[O]>[0];

/** The SDK's output for an operation, e.g. `GetKeyPolicyCommandOutput` (with `$metadata`). */
export type OperationOutput<O extends OperationName> = GetOutputType<InstanceType<(typeof COMMANDS)[O]>>;
