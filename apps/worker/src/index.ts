// Cloudflare Worker entry: the emulator app over the D1 binding `DB`. Clock and ids come from the Workers runtime.
import { createKmsError, encodeErrorResponse, err, ok, type Result } from "@keypolicy/core";
import {
  cloudflareSourceIp,
  consoleLogError,
  createD1Store,
  createEmulatorApp,
  type EmulatorConfig,
  type Identities,
  parseIdentities,
  webClock,
  webIds,
} from "@keypolicy/emulator";
import emulatorPackage from "@keypolicy/emulator/package.json" with { type: "json" };

/** Bindings, vars and secrets of wrangler.jsonc. */
export interface Env {
  readonly DB: D1Database;
  readonly KEYPOLICY_DEFAULT_ACCOUNT_ID?: string;
  readonly KEYPOLICY_DEFAULT_REGION?: string;
  /** Secret: the identities document as JSON (docs/security.md). Set: every request must be SigV4-signed by one. */
  readonly KEYPOLICY_IDENTITIES?: string;
  /** `"true"` or `"false"` (default): whether key policies authorize every operation on a key. */
  readonly KEYPOLICY_ENFORCE_KEY_POLICIES?: string | boolean;
  /**
   * Secret: the test-control token. Set: callers presenting it in `X-Keypolicy-Control-Token` may use
   * `/_keypolicy/health` and `/_keypolicy/reset` (workerd gives no peer address, so there is no loopback exception).
   */
  readonly KEYPOLICY_CONTROL_TOKEN?: string;
}

type Fetch = (request: Request) => Response | Promise<Response>;

// One app per env, so per isolate: the configuration is read, and the router built, once, not per request.
const apps = new WeakMap<Env, Fetch>();

export default {
  fetch(request, env) {
    let fetch = apps.get(env);
    if (fetch === undefined) {
      fetch = createWorkerFetch(env);
      apps.set(env, fetch);
    }
    return fetch(request);
  },
} satisfies ExportedHandler<Env>;

function createWorkerFetch(env: Env): Fetch {
  const security = securityConfig(env);
  if (!security.success) return misconfigured(security.error);
  const app = createEmulatorApp({
    store: createD1Store(env.DB),
    clock: webClock,
    ids: webIds,
    sourceIp: cloudflareSourceIp,
    // No `peer`: CF-Connecting-IP is a header, not the socket, so only the token opens the control endpoints.
    control: {
      version: emulatorPackage.version,
      store: "d1",
      runtime: "workerd",
      startedAt: webClock.now(),
      ...(env.KEYPOLICY_CONTROL_TOKEN ? { token: env.KEYPOLICY_CONTROL_TOKEN } : {}),
    },
    config: {
      ...(env.KEYPOLICY_DEFAULT_ACCOUNT_ID ? { defaultAccountId: env.KEYPOLICY_DEFAULT_ACCOUNT_ID } : {}),
      ...(env.KEYPOLICY_DEFAULT_REGION ? { defaultRegion: env.KEYPOLICY_DEFAULT_REGION } : {}),
      ...security.data,
      logError: consoleLogError,
    },
  });
  return (request) => app.fetch(request);
}

type Variable = "KEYPOLICY_IDENTITIES" | "KEYPOLICY_ENFORCE_KEY_POLICIES";

/** One problem with a security variable: `where` is the variable, with a member path for identities. */
interface Problem {
  readonly variable: Variable;
  readonly where: string;
  readonly message: string;
}

/** `auth` and `enforceKeyPolicies` from the env, or every problem (member paths and rules, never a value). */
function securityConfig(env: Env): Result<Pick<EmulatorConfig, "auth" | "enforceKeyPolicies">, Problem[]> {
  const problems: Problem[] = [];
  const enforce = env.KEYPOLICY_ENFORCE_KEY_POLICIES;
  // [DEC] Only true or false (a string var, or a JSON boolean var): a typo must not turn enforcement off silently.
  if (enforce !== undefined && !["true", "false", true, false].includes(enforce)) {
    problems.push({
      variable: "KEYPOLICY_ENFORCE_KEY_POLICIES",
      where: "KEYPOLICY_ENFORCE_KEY_POLICIES",
      message: "must be true or false",
    });
  }
  let auth: EmulatorConfig["auth"] = { mode: "none" };
  if (env.KEYPOLICY_IDENTITIES !== undefined) {
    const identities = readIdentities(env.KEYPOLICY_IDENTITIES);
    if (identities.success) auth = { mode: "sigv4", ...identities.data };
    else problems.push(...identities.error);
  }
  if (problems.length > 0) return err(problems);
  return ok({
    auth,
    enforceKeyPolicies: enforce === true || enforce === "true",
  });
}

/** The identities document of the secret, parsed as `keypolicy serve --identities` parses its file. */
function readIdentities(text: string): Result<Identities, Problem[]> {
  const variable = "KEYPOLICY_IDENTITIES";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON.parse's message: it quotes the text, which holds secrets.
    return err([
      { variable, where: variable, message: "must be an identities document in JSON (see docs/security.md)" },
    ]);
  }
  const identities = parseIdentities(value);
  if (identities.success) return identities;
  // parseIdentities' paths and messages name members and rules, never values.
  return err(
    identities.error.map((p) => ({
      variable,
      where: p.path === "(file)" ? variable : `${variable} ${p.path}`,
      message: p.message,
    })),
  );
}

const WHAT: Record<Variable, string> = {
  KEYPOLICY_IDENTITIES: "identities configuration (KEYPOLICY_IDENTITIES)",
  KEYPOLICY_ENFORCE_KEY_POLICIES: "key-policy enforcement setting (KEYPOLICY_ENFORCE_KEY_POLICIES)",
};

/**
 * [DEC] Closed, not lenient: a Worker whose security variables are invalid answers every request with a 500
 * KMSInternalException naming what is wrong (never a value); the problems go to the Worker's logs, once per isolate.
 */
function misconfigured(problems: readonly Problem[]): Fetch {
  for (const p of problems) console.error(`keypolicy: ${p.where}: ${p.message}`);
  const what = [...new Set(problems.map((p) => WHAT[p.variable]))];
  const message = `The Worker's ${what.join(" and ")} ${what.length > 1 ? "are" : "is"} invalid; the problems are listed in the Worker's logs.`;
  const error = createKmsError("KMSInternalException", message);
  return () => {
    const encoded = encodeErrorResponse(error, webIds.requestId());
    return new Response(encoded.body, encoded);
  };
}
