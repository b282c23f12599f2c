import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  errorCodeOf,
  formatSummary,
  parseProviderLog,
  summarize,
  unanswered,
  unexpectedFailures,
} from "../src/terraform-log.js";

// An excerpt of real TF_LOG=DEBUG output of hashicorp/aws 5.100.0 against the emulator: the provider's STS
// GetCallerIdentity, a `terraform import` of a key that does not exist (DescribeKey answered 400 NotFoundException,
// then the SDK's "request failed" line, which repeats rpc.method but is no response), and, last, a ListResourceTags
// request from an apply whose response the excerpt cuts off.
const FIXTURE = readFileSync(join(import.meta.dirname, "fixtures", "terraform-debug.log"), "utf8");

describe("parseProviderLog", () => {
  it("finds each request and response with its service, operation, region, status, error code and request ID", () => {
    const traffic = parseProviderLog(FIXTURE);
    expect(traffic.requests).toEqual([
      { service: "STS", operation: "GetCallerIdentity", region: "us-east-1" },
      { service: "KMS", operation: "DescribeKey", region: "us-east-1" },
      { service: "KMS", operation: "ListResourceTags", region: "us-east-1" },
    ]);
    expect(traffic.responses).toEqual([
      {
        service: "STS",
        operation: "GetCallerIdentity",
        region: "us-east-1",
        status: 200,
        requestId: "7b6ba0da-b2d7-4b30-a1b7-837f07d21b52",
      },
      {
        service: "KMS",
        operation: "DescribeKey",
        region: "us-east-1",
        status: 400,
        errorCode: "NotFoundException",
        requestId: "5910fa07-746b-4e9b-a49e-f2ca286d22bc",
      },
    ]);
  });

  it("counts a request without a response as unanswered", () => {
    expect(unanswered(parseProviderLog(FIXTURE))).toEqual({ "KMS ListResourceTags": 1 });
  });

  it("reads fields only outside bodies, so a body that looks like fields changes nothing", () => {
    const log = [
      "2026-12-04T14:47:08.331Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: HTTP Response Received: rpc.service=KMS",
      "  http.response.body=",
      '  | {"Policy":"rpc.method=PutKeyPolicy http.status_code=500 rpc.service=IAM"}',
      '   http.status_code=200 rpc.method=GetKeyPolicy aws.region=eu-west-1 tf_mux_provider="*schema.GRPCProviderServer"',
      "2026-12-04T14:47:08.332Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5: request failed: rpc.method=GetKeyPolicy",
    ].join("\n");
    expect(parseProviderLog(log)).toEqual({
      requests: [],
      responses: [{ service: "KMS", operation: "GetKeyPolicy", region: "eu-west-1", status: 200 }],
    });
  });

  it("takes the error code from a JSON __type, with or without its namespace, or from an XML Code", () => {
    expect(errorCodeOf('{"__type":"NotFoundException","message":"x"}')).toBe("NotFoundException");
    expect(errorCodeOf('{"__type":"com.amazonaws.kms#KMSInvalidStateException"}')).toBe("KMSInvalidStateException");
    expect(
      errorCodeOf(
        "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>m</Message></Error></ErrorResponse>",
      ),
    ).toBe("InvalidAction");
    expect(errorCodeOf("<html>502</html>")).toBeUndefined();
    expect(errorCodeOf("{not json")).toBeUndefined();
  });
});

describe("unexpectedFailures and summarize", () => {
  const { responses } = parseProviderLog(FIXTURE);

  it("reports an answer of 400 or more unless it is expected by operation and error code", () => {
    expect(unexpectedFailures(responses).map((call) => call.errorCode)).toEqual(["NotFoundException"]);
    expect(unexpectedFailures(responses, [{ operation: "DescribeKey", errorCode: "NotFoundException" }])).toEqual([]);
    expect(unexpectedFailures(responses, [{ operation: "GetKeyPolicy", errorCode: "NotFoundException" }])).toHaveLength(
      1,
    );
  });

  it("counts responses by service, operation, status and error code", () => {
    const counts = summarize([...responses, ...responses]);
    expect(counts).toEqual([
      { service: "KMS", operation: "DescribeKey", status: 400, errorCode: "NotFoundException", count: 2 },
      { service: "STS", operation: "GetCallerIdentity", status: 200, count: 2 },
    ]);
    expect(formatSummary(counts)).toBe("KMS DescribeKey 400 NotFoundException ×2\nSTS GetCallerIdentity 200 ×2");
  });
});
