export * from "./json-node.js";
export * from "./parse.js";
export * from "./format.js";
export * from "./default-policy.js";
