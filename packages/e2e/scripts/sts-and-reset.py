"""boto3 against a running emulator as a moto user's test suite would drive moto_server: who am I (STS
GetCallerIdentity), make keys, POST /moto-api/reset between tests, see only the seed again. Prints one JSON document.

argv[1]: {"endpoint": url, "region": region, "accessKeys": [access key IDs to ask STS about]}.
"""
import json
import sys
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

plan = json.loads(sys.argv[1])
config = Config(retries={"max_attempts": 1, "mode": "standard"})


def client(service, access_key="AKIDEXAMPLE"):
    return boto3.client(
        service,
        endpoint_url=plan["endpoint"],
        region_name=plan["region"],
        aws_access_key_id=access_key,
        aws_secret_access_key="e2e-secret",
        config=config,
    )


def identity(access_key):
    try:
        answer = client("sts", access_key).get_caller_identity()
        return {name: answer[name] for name in ("Account", "Arn", "UserId")}
    except ClientError as error:
        return {"error": error.response["Error"]["Code"], "message": error.response["Error"]["Message"]}


def key_ids(kms):
    return [key["KeyId"] for key in kms.list_keys()["Keys"]]


def post(path):
    request = urllib.request.Request(plan["endpoint"] + path, data=b"", method="POST")
    with urllib.request.urlopen(request) as response:
        return {"status": response.status, "body": response.read().decode()}


result = {"identities": {key: identity(key) for key in plan["accessKeys"]}}
kms = client("kms")
result["seeded"] = key_ids(kms)
for _ in range(3):
    kms.create_key(Description="made by a test")
kms.create_alias(AliasName="alias/test-made", TargetKeyId=key_ids(kms)[-1])
result["beforeReset"] = len(key_ids(kms))
result["reset"] = post("/moto-api/reset")
result["afterReset"] = key_ids(kms)
result["aliasesAfterReset"] = sorted(
    alias["AliasName"] for alias in kms.list_aliases()["Aliases"] if not alias["AliasName"].startswith("alias/aws/")
)
# An STS call for an operation the emulator does not have is STS's InvalidAction, not a crash.
try:
    client("sts").get_session_token()
    result["getSessionToken"] = "succeeded"
except ClientError as error:
    result["getSessionToken"] = {
        "code": error.response["Error"]["Code"],
        "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
    }
print(json.dumps(result))
