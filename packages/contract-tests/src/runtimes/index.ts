// `@keypolicy/contract-tests/runtimes`: starting the emulator's entry files on their runtimes (Bun, workerd) and
// bundling for workerd. A subpath of its own, so that suites that need none of it do not load Miniflare or esbuild.
// An explicit list (test/public-api.test.ts pins the runtime names); the process helpers stay inside the package.
export { type Bundle, bundleForWorkerd } from "./bundle.js";
export { type RunningEmulator, startBunEmulator, startWorkerdFetchEntry } from "./emulator-runtimes.js";
