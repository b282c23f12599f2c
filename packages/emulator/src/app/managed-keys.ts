import { drawKeyMaterial } from "./crypto/key-material.js";
import type { Partition } from "@keypolicy/core";
import { formatPolicy, fromJsonValue } from "@keypolicy/policy";
import type { Scope, StoredAlias, StoredKey } from "../store/types.js";
import type { Clock, IdSource } from "./deps.js";

/**
 * AWS managed keys: the keys AWS services make in a customer's account, behind the predefined `alias/aws/<service>`
 * aliases.
 *
 * - [DOC] API_ListAliases: "The response might also include aliases that have no TargetKeyId field. These are
 *   predefined aliases that AWS has created but has not yet associated with a KMS key." A new account lists them so.
 * - [RPT] the key is made on first use of its alias: a DescribeKey of `alias/aws/<service>` makes it (FogSecurity
 *   aws-managed-kms-keys README: "AWS services use DescribeKey to create AWS managed keys from a predefined AWS alias
 *   with no key ID"); the emulator makes it on any operation that resolves the alias ({@link findKey}).
 * - Which aliases are predefined: the 14 that moto 5.2.1 (`moto/kms/utils.py` RESERVED_ALIASES) and LocalStack
 *   (`services/kms/models.py` RESERVED_ALIASES) list, the same 14 in both [RPT peers; DEC: AWS documents no list,
 *   and accounts that have used other services list more, e.g. `alias/aws/dms`, `alias/aws/sns`].
 * - The key: KeyManager `AWS`, symmetric, Enabled, automatic rotation every year ([DOC] API_EnableKeyRotation: "AWS
 *   KMS always rotates the key material of AWS managed keys every year", "New AWS managed keys are automatically
 *   rotated one year after they are created"; GetKeyRotationStatus answers `true`, [RPT] Terraform states of AWS
 *   managed keys `enable_key_rotation = true`).
 * - The description: "Default key that protects my <data> when no other key is defined" per service; each text below
 *   has its evidence. Keys made before 2022 say "Default master key that protects …" [RPT]; the emulator makes new
 *   keys, so it uses the current wording.
 * - The key policy: per service, the documents AWS gives them (`Id` `auto-<service>-<n>`), as read from a reference
 *   account in us-east-1 [RPT FogSecurity/aws-managed-kms-keys `reference_key_policies/*.json`, 2025; the same texts
 *   appear in Terraform states of other accounts and regions with their account and region]. Each lets the account
 *   read the key directly (`kms:Describe*`, `kms:Get*`, `kms:List*`: statement "Allow direct access to key metadata
 *   to the account") and use it only through its service (`kms:ViaService`, `kms:CallerAccount`). Because the emulator
 *   always authorizes AWS managed keys by their key policy ({@link authorizeManagedKey}), every customer-only
 *   operation (PutKeyPolicy, DisableKey, ScheduleKeyDeletion, EnableKeyRotation, TagResource, UpdateKeyDescription,
 *   CreateAlias to the key, …) gets AWS's AccessDeniedException "… because no resource-based policy allows the
 *   kms:<Action> action" [DOC key-policies.html: "you cannot change the key policy of AWS managed keys"; the
 *   AccessDeniedException follows from the policy, KMS-FIDELITY.md §8].
 */

/** One predefined alias: its service and how AWS makes its key. */
interface ManagedAliasSpec {
  /** The description of the key. */
  readonly description: string;
  /** The key policy document, before formatting, for the key's scope. */
  readonly policy: (p: PolicyScope) => unknown;
}

/** What a managed key policy names: the account, its root ARN's partition, and the region of `kms:ViaService`. */
interface PolicyScope {
  readonly accountId: string;
  readonly region: string;
  readonly partition: Partition;
}

const METADATA_SID = "Allow direct access to key metadata to the account";
const READ = ["kms:Describe*", "kms:Get*", "kms:List*"];
const USE = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:CreateGrant",
  "kms:DescribeKey",
];
const USE_NO_GRANT = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

/**
 * The `kms:ViaService` host of a service in a region. [DEC] `amazonaws.com` in every partition: the captures are of
 * the `aws` partition only.
 */
function host(service: string, region: string): string {
  return `${service}.${region}.amazonaws.com`;
}

/** A statement letting every principal of the account use the key through one service. */
function through(sid: string, action: string | readonly string[], p: PolicyScope, service: string) {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: action,
    Resource: "*",
    Condition: { StringEquals: { "kms:CallerAccount": p.accountId, "kms:ViaService": host(service, p.region) } },
  };
}

/** As {@link through}, for the service in any region (`StringLike` `<service>.*.amazonaws.com`). */
function throughAnyRegion(sid: string, action: string | readonly string[], p: PolicyScope, service: string) {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: action,
    Resource: "*",
    Condition: {
      StringEquals: { "kms:CallerAccount": p.accountId },
      StringLike: { "kms:ViaService": `${service}.*.amazonaws.com` },
    },
  };
}

/** The statement letting the account root (and so IAM) read the key directly. */
function metadata(p: PolicyScope, actions: readonly string[]) {
  return {
    Sid: METADATA_SID,
    Effect: "Allow",
    Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
    Action: actions,
    Resource: "*",
  };
}

/** A statement letting a service principal read the key directly. */
function servicePrincipal(sid: string, service: string) {
  return { Sid: sid, Effect: "Allow", Principal: { Service: service }, Action: READ, Resource: "*" };
}

/** The common shape: use through one service, read by the account. */
function simple(id: string, sid: string, service: string, use: readonly string[], read: readonly string[]) {
  return (p: PolicyScope) => ({
    Version: "2012-10-17",
    Id: id,
    Statement: [through(sid, use, p, service), metadata(p, read)],
  });
}

/** `Allow access through <Name> for all principals in the account that are authorized to use <Name>` */
function sidFor(name: string): string {
  return `Allow access through ${name} for all principals in the account that are authorized to use ${name}`;
}

const READ_AND_REVOKE = [...READ, "kms:RevokeGrant"];

/** The predefined aliases, in name order, with their keys. */
const MANAGED_ALIASES: Readonly<Record<string, ManagedAliasSpec>> = {
  "alias/aws/acm": {
    // [RPT] a resource listing of a live account's alias/aws/acm key in a public repository (KeyManager AWS, policy
    // auto-acm-4 as below; the description cut after "when no", completed as the others read).
    description: "Default key that protects my ACM private keys when no other key is defined",
    policy: (p) => {
      const via = { "kms:CallerAccount": p.accountId, "kms:ViaService": host("acm", p.region) };
      return {
        Version: "2012-10-17",
        Id: "auto-acm-4",
        Statement: [
          {
            Sid: "Allow creation of decryption grants",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "kms:CreateGrant",
            Resource: "*",
            Condition: {
              StringEquals: via,
              "ForAllValues:StringEquals": { "kms:GrantOperations": "Decrypt" },
              Bool: { "kms:GrantIsForAWSResource": "true" },
            },
          },
          {
            Sid: "Allow creation of encryption grant",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "kms:CreateGrant",
            Resource: "*",
            Condition: {
              StringEquals: via,
              "ForAllValues:StringEquals": { "kms:GrantOperations": ["Encrypt", "ReEncryptFrom", "ReEncryptTo"] },
              Bool: { "kms:GrantIsForAWSResource": "true" },
            },
          },
          {
            Sid: "Allowed operations for the key owner",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["kms:DescribeKey", "kms:ListGrants", "kms:RevokeGrant", "kms:GetKeyPolicy"],
            Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": p.accountId } },
          },
          {
            Sid: "Deny re-encryption to any other key",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "kms:ReEncrypt*",
            Resource: "*",
            Condition: { Bool: { "kms:ReEncryptOnSameKey": "false" } },
          },
          through("Allow decrypt", "kms:Decrypt", p, "acm"),
        ],
      };
    },
  },
  "alias/aws/dynamodb": {
    // [RPT] LocalStack tests/aws/services/kms/test_kms.py (an AWS managed DynamoDB key's description).
    description: "Default key that protects my DynamoDB data when no other key is defined",
    policy: (p) => ({
      Version: "2012-10-17",
      Id: "auto-dynamodb-3",
      Statement: [
        throughAnyRegion(sidFor("Amazon DynamoDB"), USE, p, "dynamodb"),
        metadata(p, READ_AND_REVOKE),
        servicePrincipal("Allow DynamoDB to directly describe the key", "dynamodb.amazonaws.com"),
      ],
    }),
  },
  "alias/aws/ebs": {
    // [RPT] Terraform state of an AWS managed key (eu-west-2), and the "Default master key …" form in older ones.
    description: "Default key that protects my EBS volumes when no other key is defined",
    policy: simple("auto-ebs-2", sidFor("EBS"), "ec2", USE, READ_AND_REVOKE),
  },
  "alias/aws/elasticfilesystem": {
    // [RPT] Terraform configuration copying the AWS managed EFS key (with its policy `auto-elasticfilesystem-1`).
    description: "Default key that protects my EFS filesystems when no other key is defined",
    policy: (p) => ({
      Version: "2012-10-17",
      Id: "auto-elasticfilesystem-1",
      Statement: [
        through(
          "Allow access to EFS for all principals in the account that are authorized to use EFS",
          USE,
          p,
          "elasticfilesystem",
        ),
        metadata(p, READ_AND_REVOKE),
      ],
    }),
  },
  "alias/aws/es": {
    // [RPT] Terraform state of an AWS managed key (eu-west-2).
    description:
      "Default key that protects my Amazon OpenSearch Service (successor to Amazon Elasticsearch Service) data when no other key is defined",
    policy: (p) => ({
      Version: "2012-10-17",
      Id: "auto-es-2",
      Statement: [
        through(sidFor("OpenSearch Service"), USE, p, "es"),
        metadata(p, READ_AND_REVOKE),
        servicePrincipal("Allow OpenSearch service principals to describe the key directly", "es.amazonaws.com"),
      ],
    }),
  },
  "alias/aws/glue": {
    // [DEC] the description: no capture found, worded as the others. The policy as captured.
    description: "Default key that protects my Glue data when no other key is defined",
    policy: simple("auto-glue-1", sidFor("Glue"), "glue", USE, READ_AND_REVOKE),
  },
  "alias/aws/kinesisvideo": {
    // [RPT] "Default master key that protects my kinesis video data when no other key is defined" (DescribeKey
    // output of an older key); [DEC] without "master", as AWS words new keys.
    description: "Default key that protects my kinesis video data when no other key is defined",
    policy: simple("auto-kinesisvideo-1", sidFor("Kinesis Video Streams"), "kinesisvideo", USE, READ_AND_REVOKE),
  },
  "alias/aws/lambda": {
    // [RPT] Terraform state of an AWS managed key (eu-west-2).
    description: "Default key that protects my Lambda functions when no other key is defined",
    policy: simple("auto-awslambda", sidFor("AWS Lambda"), "lambda", USE, READ_AND_REVOKE),
  },
  "alias/aws/rds": {
    // [RPT] Terraform state and DescribeKey output of AWS managed keys.
    description: "Default key that protects my RDS database volumes when no other key is defined",
    policy: simple(
      "auto-rds-2",
      sidFor("RDS"),
      "rds",
      [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:CreateGrant",
        "kms:ListGrants",
        "kms:DescribeKey",
      ],
      READ_AND_REVOKE,
    ),
  },
  "alias/aws/redshift": {
    // [DEC] the description: no capture found, worded as the others. The policy as captured.
    description: "Default key that protects my Redshift data when no other key is defined",
    policy: (p) => ({
      Version: "2012-10-17",
      Id: "auto-redshift-3",
      Statement: [
        through(sidFor("RedShift"), USE, p, "redshift"),
        through(sidFor("RedShift-Serverless"), USE, p, "redshift-serverless"),
        metadata(p, READ_AND_REVOKE),
      ],
    }),
  },
  "alias/aws/s3": {
    // [RPT] Terraform state of an AWS managed key (eu-west-2) and Terraform configurations copying it.
    description: "Default key that protects my S3 objects when no other key is defined",
    policy: simple("auto-s3-2", sidFor("S3"), "s3", USE_NO_GRANT, READ),
  },
  "alias/aws/secretsmanager": {
    // [RPT] Terraform state of an AWS managed key (eu-west-2).
    description: "Default key that protects my Secrets Manager data when no other key is defined",
    policy: (p) => ({
      Version: "2012-10-17",
      Id: "auto-secretsmanager-2",
      Statement: [
        through(
          sidFor("AWS Secrets Manager"),
          ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey"],
          p,
          "secretsmanager",
        ),
        throughAnyRegion(sidFor("AWS Secrets Manager"), "kms:GenerateDataKey*", p, "secretsmanager"),
        metadata(p, READ_AND_REVOKE),
      ],
    }),
  },
  "alias/aws/ssm": {
    // [RPT] Terraform state of an AWS managed key (eu-west-2), and a DescribeKey of alias/aws/ssm in sa-east-1.
    description: "Default key that protects my SSM parameters when no other key is defined",
    policy: simple("auto-ssm-1", sidFor("SSM"), "ssm", USE_NO_GRANT, READ),
  },
  "alias/aws/xray": {
    // [RPT] "Default master key that protects my X-Ray data when no other key is defined" (older key); [DEC] without
    // "master", as AWS words new keys.
    description: "Default key that protects my X-Ray data when no other key is defined",
    policy: (p) => ({
      Version: "2012-10-17",
      Id: "auto-xray-1",
      Statement: [
        through(sidFor("X-Ray"), USE, p, "xray"),
        metadata(p, READ_AND_REVOKE),
        servicePrincipal(
          "Allow X-Ray Service with service principal name xray.amazonaws.com to describe the key directly",
          "xray.amazonaws.com",
        ),
      ],
    }),
  },
};

/** The predefined AWS managed aliases, in name order (ListAliases' order). */
export const MANAGED_ALIAS_NAMES: readonly string[] = Object.keys(MANAGED_ALIASES).sort(compareNames);

/** Whether `aliasName` is one of the predefined AWS managed aliases. */
export function isManagedAliasName(aliasName: string): boolean {
  return Object.hasOwn(MANAGED_ALIASES, aliasName);
}

/** Name order of aliases, as the stores page them (code unit order, SQLite's BINARY collation). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** [DOC] API_EnableKeyRotation: AWS managed keys rotate every year, the first time a year after they are made. */
const ROTATION_PERIOD_DAYS = 365;
const DAY_MS = 86_400_000;

/** The key policy AWS gives the key of `aliasName` in `scope`, in AWS's pretty format. */
export function managedKeyPolicy(aliasName: string, scope: PolicyScope): string {
  const spec = MANAGED_ALIASES[aliasName];
  if (spec === undefined) throw new Error(`${aliasName} is not a predefined AWS managed alias`);
  return formatPolicy(fromJsonValue(spec.policy(scope)));
}

/**
 * The AWS managed key of predefined alias `aliasName`, with key ID `keyId`, as AWS makes it on first use: KeyManager
 * `AWS`, `SYMMETRIC_DEFAULT` for `ENCRYPT_DECRYPT`, Enabled, automatic rotation every 365 days from now, the
 * service's description and key policy (see the module's notes for the evidence). `deps.creationDate` (epoch
 * milliseconds) dates it; default now.
 */
export function buildManagedKey(
  aliasName: string,
  keyId: string,
  scope: Scope & { readonly partition: Partition },
  deps: {
    readonly clock: Clock;
    readonly ids: Pick<IdSource, "keyMaterialId" | "randomBytes">;
    readonly creationDate?: number;
  },
): StoredKey {
  const spec = MANAGED_ALIASES[aliasName];
  if (spec === undefined) throw new Error(`${aliasName} is not a predefined AWS managed alias`);
  const now = deps.creationDate ?? deps.clock.now();
  return {
    accountId: scope.accountId,
    region: scope.region,
    partition: scope.partition,
    keyId,
    description: spec.description,
    keySpec: "SYMMETRIC_DEFAULT",
    keyUsage: "ENCRYPT_DECRYPT",
    origin: "AWS_KMS",
    keyState: "Enabled",
    creationDate: now,
    multiRegion: false,
    ...drawKeyMaterial(deps.ids),
    rotationPeriodInDays: ROTATION_PERIOD_DAYS,
    nextRotationDate: now + ROTATION_PERIOD_DAYS * DAY_MS,
    policy: managedKeyPolicy(aliasName, scope),
    tags: [],
    keyManager: "AWS",
  };
}

/** The alias record of a predefined alias once AWS associates it with its key (dated now). */
export function buildManagedAlias(aliasName: string, keyId: string, scope: Scope, clock: Clock): StoredAlias {
  const now = clock.now();
  return {
    accountId: scope.accountId,
    region: scope.region,
    aliasName,
    targetKeyId: keyId,
    creationDate: now,
    lastUpdatedDate: now,
  };
}
