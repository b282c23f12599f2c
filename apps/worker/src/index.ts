// Cloudflare Worker entry: the emulator app over the D1 binding `DB`. Clock and ids come from the Workers runtime.
import { createD1Store, createEmulatorApp, webClock, webIds } from "@keypolicy/emulator";

/** Bindings and vars of wrangler.jsonc. */
export interface Env {
  readonly DB: D1Database;
  readonly KEYPOLICY_DEFAULT_ACCOUNT_ID?: string;
  readonly KEYPOLICY_DEFAULT_REGION?: string;
}

export default {
  fetch(request, env) {
    const app = createEmulatorApp({
      store: createD1Store(env.DB),
      clock: webClock,
      ids: webIds,
      config: {
        ...(env.KEYPOLICY_DEFAULT_ACCOUNT_ID ? { defaultAccountId: env.KEYPOLICY_DEFAULT_ACCOUNT_ID } : {}),
        ...(env.KEYPOLICY_DEFAULT_REGION ? { defaultRegion: env.KEYPOLICY_DEFAULT_REGION } : {}),
        logError: (message, cause) => console.error(message, cause),
      },
    });
    return app.fetch(request);
  },
} satisfies ExportedHandler<Env>;
