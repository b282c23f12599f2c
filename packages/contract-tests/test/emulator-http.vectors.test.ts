import { createMemoryStore } from "@keypolicy/emulator";
import { startNodeServer } from "@keypolicy/emulator-node";
import {
  createCountingIds,
  createWireVectorTarget,
  describeRecordedVectors,
  FIXED_NOW,
  seedStore,
  vectorEmulatorConfig,
} from "../src/index.js";

// The emulator's Node server on 127.0.0.1, port 0, driven with raw fetch: the vectors' bytes, status and headers as
// they cross a real socket. One server per vector, so each vector starts from an empty store.
describeRecordedVectors({
  name: "emulator over HTTP (startNodeServer, raw fetch)",
  async createTarget(security) {
    const store = createMemoryStore();
    const server = await startNodeServer({ host: "127.0.0.1", port: 0, store, config: vectorEmulatorConfig(security) });
    return createWireVectorTarget({
      fetch: (request) => fetch(request),
      url: server.url,
      ...(security ? { security } : {}),
      // The server runs on the system clock; signatures must be dated within its 5-minute window.
      now: () => Date.now(),
      seed: (name) => seedStore(store, name, { clock: { now: () => FIXED_NOW }, ids: createCountingIds(1) }),
      close: () => server.close(),
    });
  },
});
