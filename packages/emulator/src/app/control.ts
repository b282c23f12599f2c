// The test-control surface: health and reset endpoints for test suites, off the KMS wire (paths KMS never uses).
// Answered only to loopback peers or to callers presenting the control token (docs/security.md).
import { Sha256 } from "@smithy/core/checksum";
import type { Context, Hono } from "hono";
import { applySeed, type SeedFile, type SeedReport } from "../seed/seed.js";
import type { KeyStore } from "../store/types.js";
import { constantTimeEqual } from "./auth/verify-sigv4.js";
import type { Clock, EmulatorConfig, IdSource, SourceIpReader } from "./deps.js";

/** The header that carries the control token. */
export const CONTROL_TOKEN_HEADER = "X-Keypolicy-Control-Token";

/**
 * What the test-control endpoints (`GET /_keypolicy/health`, `POST /_keypolicy/reset`, `POST /moto-api/reset`)
 * report and do. Set by each runtime entry; without it the paths are not found like any other.
 */
export interface ControlOptions {
  /** The emulator's version, e.g. the `@keypolicy/emulator` package version. */
  readonly version: string;
  /** The store's name: `memory`, `sqlite` or `d1`. */
  readonly store: string;
  /** The runtime: `node`, `bun` or `workerd`. */
  readonly runtime: string;
  /** When this instance started, epoch milliseconds by the app's clock (health reports `uptime` from it). */
  readonly startedAt: number;
  /**
   * The control token: a caller presenting it in `X-Keypolicy-Control-Token` is answered from any address. Absent:
   * only loopback peers are answered.
   */
  readonly token?: string;
  /**
   * Reads the connection's peer address: the socket's, never a header, since a loopback peer is answered without a
   * token. Absent (Workers, where the runtime gives no peer address): only callers with the token are answered.
   */
  readonly peer?: SourceIpReader;
  /** The seed applied again after a reset empties the store (with the config's default account and region). */
  readonly seed?: SeedFile;
}

/** What the control routes use of the app. */
export interface ControlContext {
  readonly control: ControlOptions;
  readonly store: KeyStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly config: EmulatorConfig;
}

/** A refusal or answer in JSON, with a request ID as every emulator answer has. */
function json(body: string, status: number, requestId: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json", "x-amzn-RequestId": requestId, ...extra },
  });
}

/** Whether an IP address is a loopback address: IPv4 127.0.0.0/8, IPv6 `::1` (an IPv4-mapped form counts). */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.replace(/^::ffff:(?=\d)/i, "").toLowerCase();
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip)) return true;
  return ip === "::1" || ip === "0:0:0:0:0:0:0:1";
}

async function sha256Hex(text: string): Promise<string> {
  const hash = new Sha256();
  hash.update(new TextEncoder().encode(text));
  let hex = "";
  for (const byte of await hash.digest()) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * Whether a request may use the control endpoints [DEC] (docs/security.md): a request that presents the token header
 * must present the configured token (compared in constant time, as SHA-256 digests, so neither its content nor its
 * length leaks); one without it must come from a loopback peer.
 *
 * @returns `undefined` when allowed, else the refusal's message.
 */
export async function checkControlAccess(
  request: Request,
  env: unknown,
  control: ControlOptions,
): Promise<string | undefined> {
  const presented = request.headers.get(CONTROL_TOKEN_HEADER);
  if (presented !== null) {
    if (control.token === undefined) return controlMessages.noTokenConfigured();
    const [a, b] = await Promise.all([sha256Hex(presented), sha256Hex(control.token)]);
    return constantTimeEqual(a, b) ? undefined : controlMessages.wrongToken();
  }
  const peer = control.peer?.(request, env);
  if (peer !== undefined && isLoopbackAddress(peer)) return undefined;
  return control.peer === undefined ? controlMessages.tokenRequired() : controlMessages.notLoopback();
}

/** The refusal texts [DEC]. */
export const controlMessages = {
  notLoopback: () =>
    "The keypolicy control endpoints answer loopback callers only, or callers presenting X-Keypolicy-Control-Token (start the server with --control-token).",
  tokenRequired: () =>
    "The keypolicy control endpoints need the X-Keypolicy-Control-Token header here (set KEYPOLICY_CONTROL_TOKEN).",
  wrongToken: () => "The X-Keypolicy-Control-Token header does not match the server's control token.",
  noTokenConfigured: () =>
    "This server has no control token; send no X-Keypolicy-Control-Token header, from a loopback address.",
} as const;

/** Empties the store and applies the seed again: the state the server started with. */
async function reset(ctx: ControlContext): Promise<SeedReport | undefined> {
  await ctx.store.clear();
  if (ctx.control.seed === undefined) return undefined;
  return applySeed(
    ctx.store,
    ctx.control.seed,
    { accountId: ctx.config.defaultAccountId, region: ctx.config.defaultRegion },
    { clock: ctx.clock, ids: ctx.ids },
  );
}

/**
 * Adds the control routes to the app:
 *
 * - `GET /_keypolicy/health`: 200 `{"version","store","runtime","uptime"}` (`uptime` in whole seconds).
 * - `POST /_keypolicy/reset`: empties the store, applies the seed again; 200 `{"status":"ok","keysCreated",
 *   "aliasesCreated"}`.
 * - `POST /moto-api/reset`: the same reset, answered as moto's server answers it: 200 `{"status": "ok"}`; any other
 *   method 400 `{"Error": "Need to POST to reset Moto"}` [REC moto 5.2.1 `moto/moto_api/_internal/responses.py`].
 *
 * A refused caller gets 403 `{"__type":"AccessDeniedException","message":…}` [DEC], and another method on a
 * `/_keypolicy/` path 405 `MethodNotAllowedException` [DEC].
 */
export function addControlRoutes(app: Hono, ctx: ControlContext): void {
  const { control, clock, ids } = ctx;

  async function guarded(c: Context, answer: (requestId: string) => Promise<Response> | Response) {
    const requestId = ids.requestId();
    const refused = await checkControlAccess(c.req.raw, c.env, control);
    if (refused !== undefined) {
      return json(JSON.stringify({ __type: "AccessDeniedException", message: refused }), 403, requestId);
    }
    return answer(requestId);
  }

  const notAllowed = (path: string, method: string) => (c: Context) =>
    guarded(c, (requestId) =>
      json(
        JSON.stringify({ __type: "MethodNotAllowedException", message: `Use ${method} for ${path}.` }),
        405,
        requestId,
        { Allow: method === "GET" ? "GET, HEAD" : method },
      ),
    );

  app.get("/_keypolicy/health", (c) =>
    guarded(c, (requestId) => {
      const uptime = Math.max(0, Math.floor((clock.now() - control.startedAt) / 1000));
      const body = { version: control.version, store: control.store, runtime: control.runtime, uptime };
      return json(JSON.stringify(body), 200, requestId);
    }),
  );
  app.all("/_keypolicy/health", notAllowed("/_keypolicy/health", "GET"));

  app.post("/_keypolicy/reset", (c) =>
    guarded(c, async (requestId) => {
      const report = await reset(ctx);
      const body = { status: "ok", keysCreated: report?.keysCreated ?? 0, aliasesCreated: report?.aliasesCreated ?? 0 };
      return json(JSON.stringify(body), 200, requestId);
    }),
  );
  app.all("/_keypolicy/reset", notAllowed("/_keypolicy/reset", "POST"));

  app.all("/moto-api/reset", (c) =>
    guarded(c, async (requestId) => {
      // moto's bodies are Python's json.dumps output, with its spaces.
      if (c.req.method !== "POST") return json('{"Error": "Need to POST to reset Moto"}', 400, requestId);
      await reset(ctx);
      return json('{"status": "ok"}', 200, requestId);
    }),
  );
}
