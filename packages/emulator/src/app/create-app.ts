import {
  CONTENT_TYPE,
  createKmsError,
  decodeRequestBody,
  encodeErrorBody,
  errorStatus,
  isOperationName,
  type KmsError,
  OPERATIONS,
  type OperationName,
  parseTarget,
  REQUEST_ID_HEADER,
  TARGET_HEADER,
  validateRequest,
} from "@keypolicy/core";
import { Hono } from "hono";
import { callerFromAuthorization } from "./caller.js";
import { DEFAULT_CONFIG, type EmulatorConfig, type EmulatorDeps, type OperationContext } from "./deps.js";
import { type Handler, HANDLERS } from "./operations.js";

/**
 * Creates the emulator: a runtime-neutral Hono app that speaks awsJson1_1 on `POST /` as AWS KMS does, dispatching
 * on `X-Amz-Target`. Every protocol decision is a call into `@keypolicy/core`; the app holds no module-level state,
 * reads no clock and draws no randomness (all passed in `deps`).
 *
 * Every answer is AWS-shaped JSON with an `x-amzn-RequestId` header: 200 with the output members, or
 * `{"__type":…,"message":…}` with 400 (client errors) or 5xx (faults). Never HTML, never a stack trace.
 *
 * @see KMS-FIDELITY.md §1
 */
export function createEmulatorApp(deps: EmulatorDeps): Hono {
  const config: EmulatorConfig = { ...DEFAULT_CONFIG, ...deps.config };
  const { store, clock, ids } = deps;
  const app = new Hono();

  function errorResponse(error: KmsError, requestId: string): Response {
    return new Response(encodeErrorBody(error), {
      status: errorStatus(error.name),
      headers: { "content-type": CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId },
    });
  }

  app.post("/", async (c) => {
    const requestId = ids.requestId();
    const target = parseTarget(c.req.header(TARGET_HEADER));
    if (!target.success) return errorResponse(target.error, requestId);
    const operation = target.data;
    const handler = isOperationName(operation) ? HANDLERS[operation] : undefined;
    if (!handler) return errorResponse(createKmsError("UnknownOperationException"), requestId);

    if (!isJsonContentType(c.req.header("content-type"))) {
      return errorResponse(createKmsError("UnknownOperationException"), requestId);
    }
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > config.maxBodyBytes) return errorResponse(tooLarge(config), requestId);
    const text = await readBodyText(c.req.raw, config.maxBodyBytes);
    if (text === undefined) return errorResponse(tooLarge(config), requestId);

    const body = decodeRequestBody(text);
    if (!body.success) return errorResponse(body.error, requestId);
    const input = validateRequest(OPERATIONS[operation as OperationName].input, body.data);
    if (!input.success) return errorResponse(input.error, requestId);

    const ctx: OperationContext = {
      store,
      clock,
      ids,
      config,
      caller: callerFromAuthorization(c.req.header("authorization"), config),
    };
    const result = await (handler as Handler<OperationName>)(ctx, input.data as never);
    if (!result.success) return errorResponse(result.error, requestId);
    return new Response(result.data === undefined ? "" : JSON.stringify(result.data), {
      status: 200,
      headers: { "content-type": CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId },
    });
  });

  // [DEC] Anything but POST / is not an operation: AWS-shaped UnknownOperationException, never an HTML 404.
  app.notFound(() => errorResponse(createKmsError("UnknownOperationException"), ids.requestId()));
  app.onError((cause) => {
    config.logError?.("internal error while answering a request", cause);
    return errorResponse(createKmsError("KMSInternalException", "An internal error occurred."), ids.requestId());
  });
  return app;
}

/**
 * Whether a request's Content-Type selects the JSON protocol: `application/x-amz-json-1.1` as the SDKs send [DOC],
 * also `-1.0` and plain `application/json` [DEC: accepted for hand-written requests], parameters such as `charset`
 * ignored. [DEC] Anything else (or none) is answered `UnknownOperationException`, as AWS's front end picks the
 * protocol by content type and finds no JSON operation there.
 */
function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type === CONTENT_TYPE || type === "application/x-amz-json-1.0" || type === "application/json";
}

/**
 * Reads a request body as UTF-8 text, stopping as soon as it passes `maxBytes` (so a chunked upload without a
 * Content-Length cannot fill memory). Answers `undefined` when the body is too large.
 */
async function readBodyText(request: Request, maxBytes: number): Promise<string | undefined> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(config: EmulatorConfig): KmsError {
  // [DEC] text: the front end's limit on request size.
  return createKmsError("RequestEntityTooLargeException", `Request body is larger than ${config.maxBodyBytes} bytes.`);
}
