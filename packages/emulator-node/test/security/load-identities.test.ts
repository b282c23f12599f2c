import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadIdentitiesFile } from "../../src/load-identities.js";
import { startNodeServer } from "../../src/serve.js";

const dir = mkdtempSync(join(tmpdir(), "keypolicy-identities-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("loadIdentitiesFile", () => {
  it("reads YAML", async () => {
    const path = file(
      "ok.yaml",
      "identities:\n  - AccessKeyId: test\n    SecretAccessKey: test\n    PrincipalArn: arn:aws:iam::111122223333:root\n",
    );
    expect(await loadIdentitiesFile(path)).toEqual({
      identities: [
        {
          accessKeyId: "test",
          secretAccessKey: "test",
          accountId: "111122223333",
          partition: "aws",
          principalArn: "arn:aws:iam::111122223333:root",
        },
      ],
    });
  });

  it("reads JSON", async () => {
    const path = file(
      "ok.json",
      JSON.stringify({
        identities: [{ AccessKeyId: "k", SecretAccessKey: "s", PrincipalArn: "arn:aws:iam::111122223333:role/R" }],
      }),
    );
    expect((await loadIdentitiesFile(path)).identities[0]?.principalArn).toBe("arn:aws:iam::111122223333:role/R");
  });

  it("names the file and every bad path", async () => {
    const path = file("bad.yaml", "identities:\n  - AccessKeyId: test\n    PrincipalArn: nobody\n");
    await expect(loadIdentitiesFile(path)).rejects.toThrow(
      `identities file ${path} is not valid:\n  identities[0].SecretAccessKey: Invalid input: expected string, received undefined\n  identities[0].PrincipalArn: must be an IAM root, user or role ARN, or an STS assumed-role ARN`,
    );
  });

  it("refuses duplicate keys in the file", async () => {
    const path = file("dup.yaml", "identities: []\nidentities: []\n");
    await expect(loadIdentitiesFile(path)).rejects.toThrow(/is not valid YAML or JSON: Map keys must be unique/);
  });

  it("says when the file cannot be read", async () => {
    await expect(loadIdentitiesFile(join(dir, "missing.yaml"))).rejects.toMatchObject({ name: "IdentitiesError" });
  });
});

describe("startNodeServer security options", () => {
  it("refuses sigv4 without an identities file", async () => {
    await expect(startNodeServer({ port: 0, auth: "sigv4" })).rejects.toThrow("auth sigv4 needs an identities file");
  });

  it("refuses an identities file with auth none", async () => {
    const path = file("none.yaml", "identities: []\n");
    await expect(startNodeServer({ port: 0, auth: "none", identitiesFile: path })).rejects.toThrow(
      "an identities file needs auth sigv4, not none",
    );
  });

  it("turns sigv4 on when only an identities file is given", async () => {
    const path = file("only.yaml", "identities: []\n");
    const server = await startNodeServer({ port: 0, identitiesFile: path });
    try {
      const response = await fetch(`${server.url}/`, {
        method: "POST",
        headers: { "x-amz-target": "TrentService.ListKeys" },
        body: "{}",
      });
      expect(await response.json()).toEqual({
        __type: "MissingAuthenticationTokenException",
        message: "Missing Authentication Token",
      });
    } finally {
      await server.close();
    }
  });
});
