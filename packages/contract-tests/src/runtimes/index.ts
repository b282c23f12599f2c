// `@keypolicy/contract-tests/runtimes`: starting the emulator's entry files on their runtimes (Bun, workerd) and
// bundling for workerd. A subpath of its own, so that suites that need none of it do not load Miniflare or esbuild.
export { type Bundle, BUNDLE_DIR, bundleForWorkerd } from "./bundle.js";
export { type RunningEmulator, startBunEmulator, startWorkerdFetchEntry } from "./emulator-runtimes.js";
export { type Child, freePort, spawnChild, stopChild, waitForHttp } from "./processes.js";
