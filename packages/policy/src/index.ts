// The public API of @keypolicy/policy, as an explicit list: a new export is a deliberate change
// (test/public-api.test.ts pins the runtime names). The building blocks of evaluation (wildcards, ARN patterns,
// condition operators, IP and date values, policy variables, principal matching) stay inside the package.

// JSON documents: a parser that keeps what AWS keeps (member order, duplicates, number text), and plain values.
export { fromJsonValue, type JsonMember, type JsonNode, toJsonValue } from "./json-node.js";
export { type JsonSyntaxError, parseJson } from "./parse.js";

// Formatting a policy exactly as KMS returns it, and the default key policy KMS gives a new key.
export { formatPolicy } from "./format.js";
export { defaultKeyPolicy } from "./default-policy.js";

// Key policies as data: reading a parsed document into statements, and validating a PutKeyPolicy text as KMS does.
export type { KeyPolicy, KeyPolicyStatement, PolicyCondition, PrincipalEntry, PrincipalType } from "./key-policy.js";
export { readKeyPolicy, type ReadKeyPolicyOptions } from "./read-key-policy.js";
export { readIdentityPolicy } from "./read-identity-policy.js";
export { validateKeyPolicy, type ValidatedKeyPolicy, type ValidateKeyPolicyOptions } from "./validate-key-policy.js";

// IAM decisions: one policy's verdict, and the combined key-policy and identity-policy decision of a request.
export type { ConditionKeys } from "./evaluate-condition.js";
export {
  type EvaluationContext,
  type EvaluationResult,
  evaluateKeyPolicy,
  type StatementRef,
} from "./evaluate-key-policy.js";
export {
  type AccessDenied,
  type AuthorizationDecision,
  authorize,
  type AuthorizeRequest,
  formatAccessDenied,
} from "./authorize.js";

// What each KMS operation is authorized against, and the condition keys a request carries.
export {
  AUTHORIZATION_TABLE,
  authorizationOf,
  type AuthorizedResource,
  type MemberPermission,
  memberPermissionsOf,
  type OperationAuthorization,
  operationOfAction,
  type PolicyType,
  type ResourcePermission,
} from "./authorization-table.js";
export {
  type ConditionKeyParameters,
  type ConditionKeyRequest,
  type ConditionKeyResource,
  conditionKeysFor,
  type RequestPrincipal,
} from "./condition-keys-for.js";
