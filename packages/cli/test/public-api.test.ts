import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual(["COMMANDS", "EXIT_CODES", "main"]);
});
