import type { KmsTarget, TargetDefaults } from "../target.js";
import { decodeAnswer, type FetchLike, sendAwsJson } from "./aws-json.js";

/** The default caller of emulator targets: a non-numeric access key (account `111122223333`) in `us-east-1`. */
export const EMULATOR_DEFAULTS: TargetDefaults = {
  region: "us-east-1",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  accountId: "111122223333",
  otherRegion: "eu-west-1",
  otherAccount: "444455556666",
};

/**
 * A target that speaks awsJson1_1 to a `fetch` function in this process (an emulator's `app.request`), with a fake
 * SigV4 Authorization header carrying the caller scope.
 */
export function createFetchTarget(options: {
  readonly fetch: FetchLike;
  readonly seed?: (name: string) => Promise<void>;
  readonly close?: () => Promise<void>;
  readonly defaults?: TargetDefaults;
}): KmsTarget {
  return {
    defaults: options.defaults ?? EMULATOR_DEFAULTS,
    async call(operation, input, scope) {
      return decodeAnswer(await sendAwsJson(options.fetch, operation, input, scope));
    },
    ...(options.seed ? { seed: options.seed } : {}),
    close: options.close ?? (async () => {}),
  };
}
