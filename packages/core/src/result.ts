/**
 * The outcome of a fallible function, in zod's `safeParse` shape: bad input is data, never a throw.
 *
 * @typeParam T - the value on success.
 * @typeParam E - the error on failure (a {@link KmsError} unless stated otherwise).
 */
export type Result<T, E = import("./errors.js").KmsError> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: E };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(data: T): { readonly success: true; readonly data: T } {
  return { success: true, data };
}

/** Wraps an error as a failed {@link Result}. */
export function err<E>(error: E): { readonly success: false; readonly error: E } {
  return { success: false, error };
}
