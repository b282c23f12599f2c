import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { CONTENT_TYPE } from "./fixtures.mjs";
import type { WrkRequest } from "./wrk.ts";

/** Credentials the suite signs with (and writes into the emulator's identities file). */
export interface BenchCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** An awsJson1_1 KMS request, unsigned: what an SDK sends minus Authorization. */
export function kmsRequest(url: string, operation: string, input: object): WrkRequest {
  const { host } = new URL(url);
  return {
    headers: { Host: host, "Content-Type": CONTENT_TYPE, "X-Amz-Target": `TrentService.${operation}` },
    body: JSON.stringify(input),
  };
}

/**
 * Signs requests with SigV4 (service `kms`) as of `now` (@smithy/signature-v4: the SDK's own signer). The signature
 * carries a fixed X-Amz-Date, so a signed request stays valid for the 5 minutes AWS allows (KMS-FIDELITY.md §9);
 * the suite signs right before each run, and every run is far shorter than that.
 */
export async function signAll(
  requests: readonly WrkRequest[],
  credentials: BenchCredentials,
  region: string,
  now: Date,
): Promise<WrkRequest[]> {
  const signer = new SignatureV4({
    service: "kms",
    region,
    credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed: WrkRequest[] = [];
  for (const r of requests) {
    const [hostname, port] = (r.headers["Host"] ?? "").split(":");
    const out = await signer.sign(
      {
        method: "POST",
        protocol: "http:",
        hostname: hostname ?? "",
        ...(port ? { port: Number(port) } : {}),
        path: "/",
        query: {},
        headers: { ...r.headers },
        body: r.body,
      },
      { signingDate: now },
    );
    signed.push({ headers: out.headers, body: r.body });
  }
  return signed;
}
