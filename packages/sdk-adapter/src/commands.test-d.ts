import type { OperationName, OPERATIONS } from "@keypolicy/core";
import { expectTypeOf, test } from "vitest";
import type { OperationInput } from "./commands.js";

/** What `validateRequest` answers for an operation: core's zod output of its input shape. */
type Validated<O extends OperationName> = (typeof OPERATIONS)[O]["input"]["_zod"]["output"];

/** Every operation whose validated request is not an SDK input (`never` when all are). */
type Drifted = { [O in OperationName]: Validated<O> extends OperationInput<O> ? never : O }[OperationName];

// safeSend hands the validated request to the SDK's command: core's shapes must stay within the SDK's.
test("every validated request is the SDK's input for its operation", () => {
  expectTypeOf<Drifted>().toEqualTypeOf<never>();
});
