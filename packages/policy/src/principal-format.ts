import { PARTITIONS } from "@keypolicy/core";
import type { PrincipalType } from "./key-policy.js";

// [DOC] IAM names: letters, digits and +=,.@_- ; paths are segments of the same characters between slashes.
const NAME = String.raw`[\w+=,.@-]{1,128}`;
const PATH = String.raw`(?:[\w+=,.@-]+/)*`;
const ACCOUNT = String.raw`(\d{12})`;
const PARTITION = "([a-z-]+)";
const IAM_IDENTITY = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:(?:root|(?:user|role)/${PATH}${NAME})$`);
const STS_SESSION = new RegExp(
  `^arn:${PARTITION}:sts::${ACCOUNT}:(?:assumed-role/${NAME}/${NAME}|federated-user/${NAME})$`,
);
const IDENTITY_PROVIDER = new RegExp(
  `^arn:${PARTITION}:iam::${ACCOUNT}:(?:saml-provider/${NAME}|oidc-provider/[\\w.-]+(?:/[\\w.-]+)*)$`,
);
const ACCOUNT_ID = /^\d{12}$/;
const SERVICE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * Whether `value` is a principal KMS accepts under `type` in a key policy's `Principal` or `NotPrincipal`.
 *
 * - `AWS`: `*`; a 12-digit account ID; `arn:<partition>:iam::<account>:root`; an IAM user or role ARN, paths
 *   included; an STS `assumed-role/<role>/<session>` or `federated-user/<name>` ARN. IAM groups are not principals,
 *   and a wildcard may not stand for part of an ARN [DOC IAM Principal element].
 * - `Service`: a service principal, `<name>.amazonaws.com` (also `.amazonaws.com.cn`, China partition [DEC]).
 * - `Federated`: a SAML or OIDC provider ARN, or a web identity provider's domain such as
 *   `cognito-identity.amazonaws.com` or `accounts.google.com` [DEC on the domain form].
 *
 * Whether the principal exists is not checked here; {@link ValidateKeyPolicyOptions.principalExists} can.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * @see KMS-FIDELITY.md §7 step 5 ([RPT] message "Policy contains a statement with one or more invalid principals.")
 */
export function isValidPrincipal(type: PrincipalType, value: string): boolean {
  switch (type) {
    case "AWS":
      return value === "*" || ACCOUNT_ID.test(value) || isArnIn(IAM_IDENTITY, value) || isArnIn(STS_SESSION, value);
    case "Service":
      return SERVICE.test(value);
    case "Federated":
      return isArnIn(IDENTITY_PROVIDER, value) || DOMAIN.test(value);
  }
}

/** Whether `type` names a principal type a key policy may use. */
export function isPrincipalType(type: string): type is PrincipalType {
  return type === "AWS" || type === "Service" || type === "Federated";
}

function isArnIn(pattern: RegExp, value: string): boolean {
  const partition = pattern.exec(value)?.[1];
  return partition !== undefined && (PARTITIONS as readonly string[]).includes(partition);
}
