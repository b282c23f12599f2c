import {
  type CreateGrantRequest,
  type CreateGrantResponse,
  OPERATIONS,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { StoredGrant } from "../../store/types.js";
import type { OperationContext } from "../deps.js";
import { encodeGrantToken } from "../grants.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.CreateGrant;

/**
 * CreateGrant: a grant on the key (key ID or key ARN, another account's by key ARN) for `GranteePrincipal`. Answers
 * `{ GrantToken, GrantId }`: a 64-hex grant ID and a token (format in grants.ts, [DEC]). With a `Name` that a grant of
 * the key already has with the same parameters, the existing grant's ID and a new token, no new grant [DOC]; the same
 * name with other parameters makes another grant [DEC]. Errors: the key, its state ([DOC] key-state table: not pending
 * deletion), then `DryRun` → DryRunOperationException [REC text].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
 */
export async function createGrant(
  ctx: OperationContext,
  input: CreateGrantRequest,
): Promise<Result<CreateGrantResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  if (input.DryRun === true) return err(createKmsError("DryRunOperationException", messages.dryRun()));
  const { key } = found.data;
  const grant: Omit<StoredGrant, "grantId" | "creationDate"> = {
    accountId: key.accountId,
    region: key.region,
    keyId: key.keyId,
    ...(input.Name === undefined ? {} : { name: input.Name }),
    granteePrincipal: input.GranteePrincipal,
    ...(input.RetiringPrincipal === undefined ? {} : { retiringPrincipal: input.RetiringPrincipal }),
    issuingAccount: ctx.caller.accountId,
    operations: [...input.Operations],
    ...(input.Constraints === undefined ? {} : { constraints: constraintsOf(input.Constraints) }),
  };
  if (input.Name !== undefined) {
    const existing = await sameNamedGrant(ctx, grant);
    if (existing) return ok({ GrantToken: encodeGrantToken(existing, ctx.ids.requestId()), GrantId: existing.grantId });
  }
  for (;;) {
    const stored: StoredGrant = { ...grant, grantId: ctx.ids.grantId(), creationDate: ctx.clock.now() };
    if (await ctx.store.createGrant(stored)) {
      return ok({ GrantToken: encodeGrantToken(stored, ctx.ids.requestId()), GrantId: stored.grantId });
    }
  }
}

/** A grant of the key with the same name and parameters as `grant`, if there is one. */
async function sameNamedGrant(
  ctx: OperationContext,
  grant: Omit<StoredGrant, "grantId" | "creationDate">,
): Promise<StoredGrant | undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await ctx.store.listGrants(grant, grant.keyId, { limit: 100, ...(after ? { after } : {}) });
    const hit = page.items.find(
      (g) =>
        g.name === grant.name &&
        g.granteePrincipal === grant.granteePrincipal &&
        g.retiringPrincipal === grant.retiringPrincipal &&
        JSON.stringify([...g.operations].sort()) === JSON.stringify([...grant.operations].sort()) &&
        canonical(g.constraints) === canonical(grant.constraints),
    );
    if (hit) return hit;
    const last = page.items.at(-1);
    if (!page.truncated || !last) return undefined;
    after = last.grantId;
  }
}

function canonical(value: StoredGrant["constraints"]): string {
  if (value === undefined) return "";
  const sorted = (m?: Readonly<Record<string, string>>) =>
    m === undefined ? null : Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sorted(value.EncryptionContextSubset), sorted(value.EncryptionContextEquals)]);
}

/** The constraints as stored: only the members given. */
function constraintsOf(c: NonNullable<CreateGrantRequest["Constraints"]>): NonNullable<StoredGrant["constraints"]> {
  return {
    ...(c.EncryptionContextSubset === undefined ? {} : { EncryptionContextSubset: c.EncryptionContextSubset }),
    ...(c.EncryptionContextEquals === undefined ? {} : { EncryptionContextEquals: c.EncryptionContextEquals }),
  };
}
