import { createMemoryStore } from "../src/index.js";
import { describeKeyStore } from "./store-suite.js";

describeKeyStore({ name: "memory", open: async () => createMemoryStore() });
