// The identities and SDK-error helper these Node-server tests share; request signing, ids and clocks come from
// @keypolicy/emulator/testing. Identities go through the identities-file parser, as `--identities` files do.
import { authMessages, type Identity, parseIdentities } from "@keypolicy/emulator";

const parsed = parseIdentities({
  identities: [
    {
      AccessKeyId: "AKIAALICE000000000001",
      SecretAccessKey: "alice-secret-0000000000000000000000000000",
      PrincipalArn: "arn:aws:iam::111122223333:user/alice",
    },
    {
      AccessKeyId: "ASIASESSION00000000001",
      SecretAccessKey: "session-secret-00000000000000000000000000",
      SessionToken: "FwoGZXIvYXdzEXAMPLETOKEN//////////",
      PrincipalArn: "arn:aws:sts::111122223333:assumed-role/Admin/session-1",
    },
  ],
});
if (!parsed.success) throw new Error(`test identities: ${JSON.stringify(parsed.error)}`);

/** A user of account 111122223333. */
export const alice: Identity = parsed.data.identities[0] as Identity;
/** A role session of the same account, with a session token. */
export const session: Identity = parsed.data.identities[1] as Identity;

/** The exact InvalidSignatureException text for a signature that does not match (KMS-FIDELITY.md §9). */
export const MISMATCH = authMessages.signatureMismatch();
