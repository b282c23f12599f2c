import {
  createKmsError,
  decodeRequestBody,
  encodeErrorResponse,
  encodeResponse,
  isJsonContentType,
  isOperationName,
  messages,
  type KmsError,
  OPERATIONS,
  type OperationName,
  parseTarget,
  TARGET_HEADER,
  validateRequest,
} from "@keypolicy/core";
import { type Context, Hono } from "hono";
import { createSigV4Authenticator } from "./auth/authenticate.js";
import { createKeyPolicyReader } from "./auth/key-policy-cache.js";
import { callerFromAuthorization } from "./caller.js";
import { addControlRoutes } from "./control.js";
import { DEFAULT_CONFIG, type EmulatorConfig, type EmulatorDeps, type OperationContext } from "./deps.js";
import type { RequestFacts } from "./request-log.js";
import { type Handler, HANDLERS } from "./operations.js";
import { bodyTooLarge, checkHeaderSize, decodeBodyText, readBody } from "./request-limits.js";
import { answerStsRequest } from "./sts/answer-sts.js";
import { isStsRequest } from "./sts/query-request.js";

/**
 * Creates the emulator: a runtime-neutral Hono app that speaks awsJson1_1 on `POST /` as AWS KMS does, dispatching
 * on `X-Amz-Target`. A form-encoded `POST /` without `X-Amz-Target` is STS (AWS query protocol, `GetCallerIdentity`
 * only: see `sts/`), and `deps.control` adds the test-control endpoints (`control.ts`). Every protocol decision is a call into `@keypolicy/core`; the app holds no module-level state,
 * reads no clock and draws no randomness (all passed in `deps`).
 *
 * Every answer is AWS-shaped JSON with an `x-amzn-RequestId` header: 200 with the output members, or
 * `{"__type":…,"message":…}` with 400 (client errors) or 5xx (faults). Never HTML, never a stack trace.
 *
 * @see KMS-FIDELITY.md §1
 */
export function createEmulatorApp(deps: EmulatorDeps): Hono {
  const config: EmulatorConfig = { ...DEFAULT_CONFIG, ...deps.config };
  const { store, clock, ids, log } = deps;
  const authenticate = config.auth.mode === "sigv4" ? createSigV4Authenticator(config.auth) : undefined;
  const authenticateSts = config.auth.mode === "sigv4" ? createSigV4Authenticator(config.auth, "sts") : undefined;
  const readPolicy = createKeyPolicyReader();
  const app = new Hono();

  // The error each error response carries, by name: a KMS error, or an STS error code.
  const answeredErrors = new WeakMap<Response, { readonly name: string; readonly message: string }>();
  function errorResponse(error: KmsError, requestId: string): Response {
    const encoded = encodeErrorResponse(error, requestId);
    const response = new Response(encoded.body, encoded);
    if (log) answeredErrors.set(response, error);
    return response;
  }

  function internalError(requestId: string): Response {
    return errorResponse(createKmsError("KMSInternalException", messages.internalError()), requestId);
  }

  /** Hands one answered request to `deps.log`; a 5xx carries its cause: the thrown value, else the error answered. */
  function report(facts: RequestFacts, response: Response, started: number, thrown?: { cause: unknown }): void {
    if (!log) return;
    const error = answeredErrors.get(response);
    const cause = thrown ? thrown.cause : response.status >= 500 ? error : undefined;
    log({
      requestId: facts.requestId,
      operation: facts.operation,
      httpStatus: response.status,
      errorName: error?.name,
      accountId: facts.caller?.accountId,
      region: facts.caller?.region,
      durationMs: clock.now() - started,
      cause,
    });
  }

  if (deps.control) addControlRoutes(app, { control: deps.control, store, clock, ids, config });

  app.post("/", async (c) => {
    const started = log ? clock.now() : 0;
    const facts: RequestFacts = { requestId: ids.requestId() };
    let response: Response;
    let thrown: { cause: unknown } | undefined;
    try {
      response = await answer(c, facts);
    } catch (cause) {
      // [DEC] Any throw (a store that cannot write, a bug) is a 500 KMSInternalException with this request's ID; the
      // cause goes to the log only.
      config.logError?.("internal error while answering a request", cause);
      thrown = { cause };
      response = internalError(facts.requestId);
    }
    report(facts, response, started, thrown);
    return response;
  });

  /** Answers one `POST /`, noting in `facts` what the log needs as it learns it. */
  async function answer(c: Context, facts: RequestFacts): Promise<Response> {
    const { requestId } = facts;
    // Front-end limits, then authentication, come before anything looks at the operation (KMS-FIDELITY.md §9).
    if (!config.headerLimitEnforcedByServer) {
      const headerSize = checkHeaderSize(c.req.raw.headers, config.maxHeaderBytes);
      if (!headerSize.success) return errorResponse(headerSize.error, requestId);
    }
    const length = c.req.header("content-length");
    if (Number(length ?? 0) > config.maxBodyBytes) return errorResponse(bodyTooLarge(config.maxBodyBytes), requestId);
    // A declared length is enforced by the HTTP layer, so the body is read at once (the fast path: no web stream);
    // a chunked body is read piecewise and refused as soon as it passes the limit.
    let bytes: Uint8Array;
    if (length !== undefined) {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    } else {
      const read = await readBody(c.req.raw, config.maxBodyBytes);
      if (!read.success) return errorResponse(read.error, requestId);
      bytes = read.data;
    }
    if (isStsRequest(c.req.raw.headers, bytes)) {
      const sts = await answerStsRequest(c.req.raw, bytes, {
        config,
        authenticate: authenticateSts,
        requestId,
        now: clock.now(),
      });
      if (sts.caller) facts.caller = sts.caller;
      const response = new Response(sts.response.body, sts.response);
      if (log && sts.errorCode !== undefined) answeredErrors.set(response, { name: sts.errorCode, message: "" });
      return response;
    }
    const caller = authenticate
      ? await authenticate(c.req.raw, bytes, clock.now())
      : ({ success: true, data: callerFromAuthorization(c.req.header("authorization"), config) } as const);
    if (!caller.success) return errorResponse(caller.error, requestId);
    facts.caller = caller.data;

    const target = parseTarget(c.req.header(TARGET_HEADER));
    if (!target.success) return errorResponse(target.error, requestId);
    const operation = target.data;
    if (!isOperationName(operation)) return errorResponse(createKmsError("UnknownOperationException"), requestId);
    const handler = HANDLERS[operation];
    facts.operation = operation;

    if (!isJsonContentType(c.req.header("content-type"))) {
      return errorResponse(createKmsError("UnknownOperationException"), requestId);
    }
    const text = decodeBodyText(bytes, config.maxJsonDepth);
    if (!text.success) return errorResponse(text.error, requestId);
    const body = decodeRequestBody(text.data);
    if (!body.success) return errorResponse(body.error, requestId);
    const input = validateRequest(OPERATIONS[operation].input, body.data);
    if (!input.success) return errorResponse(input.error, requestId);

    const sourceIp = deps.sourceIp?.(c.req.raw, c.env);
    const ctx: OperationContext = {
      store,
      clock,
      ids,
      config,
      caller: caller.data,
      readPolicy,
      ...(sourceIp === undefined ? {} : { request: { sourceIp } }),
    };
    const result = await (handler as Handler<OperationName>)(ctx, input.data as never);
    if (!result.success) return errorResponse(result.error, requestId);
    const encoded = encodeResponse(result.data, requestId);
    return new Response(encoded.body, encoded);
  }

  // [DEC] Anything but POST / is not an operation: AWS-shaped UnknownOperationException, never an HTML 404.
  app.notFound(() => {
    const started = log ? clock.now() : 0;
    const facts: RequestFacts = { requestId: ids.requestId() };
    const response = errorResponse(createKmsError("UnknownOperationException"), facts.requestId);
    report(facts, response, started);
    return response;
  });
  app.onError((cause) => {
    config.logError?.("internal error while answering a request", cause);
    return internalError(ids.requestId());
  });
  return app;
}
