import { OPERATIONS, type DescribeKeyRequest, type DescribeKeyResponse, type Result, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey, keyCopies, toKeyMetadata } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.DescribeKey;

/**
 * DescribeKey: the key's metadata, by key ID, key ARN, alias name or alias ARN, in every key state. A multi-Region
 * key's `MultiRegionConfiguration` lists its copies in every Region of the account (`keyCopies`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export async function describeKey(
  ctx: OperationContext,
  input: DescribeKeyRequest,
): Promise<Result<DescribeKeyResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  return ok({ KeyMetadata: toKeyMetadata(key, await keyCopies(ctx, key)) });
}
