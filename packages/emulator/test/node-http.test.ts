import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { describeKeyPolicyFlows } from "./http-flows.js";
import { createNodeTarget } from "./support/targets.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-node-http-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeKeyPolicyFlows({ name: "Node, in-memory store", createTarget: () => createNodeTarget() });
describeKeyPolicyFlows({ name: "Node, SQLite data dir", createTarget: () => createNodeTarget(join(root, "flows")) });
