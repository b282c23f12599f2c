"""Runs a plan of KMS calls with boto3 against one endpoint and prints every result as JSON.

argv[1]: {"endpoint": url, "region": default region, "steps": [step, ...]}, where a step is
  {"name", "op" (boto3 method name), "params"?, "region"?, "accessKey"?, "save"? {var: dotted path},
   "paginate"? page size, "items"? member holding the items of each page, "parameterValidation"? false to send
   what botocore's own validation would refuse, "blobs"? names of params whose (string) values are base64 and are
   sent as those bytes}.
"${var}" inside params is replaced by a saved value; a param that is exactly "${var}" of a saved blob (bytes, e.g.
a CiphertextBlob) is sent as those bytes. A result is {"response": ...}, {"pages", "items"} or
{"error": {"code", "message", "status"}} for a service error, or {"paramError": text} when botocore's own
parameter validation refuses the call before any request is sent (as it does for a value below a member's "min").
Timestamps, which botocore parses into datetimes, are printed in ISO 8601 with their offset; blobs (bytes) in base64.
Used by the boto3 suite and the moto differential run.
"""
import base64
import datetime
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

plan = json.loads(sys.argv[1])
clients = {}
saved = {}


def client(region, access_key, validate):
    key = (region, access_key, validate)
    if key not in clients:
        clients[key] = boto3.client(
            "kms",
            endpoint_url=plan["endpoint"],
            region_name=region,
            aws_access_key_id=access_key,
            aws_secret_access_key="e2e-secret",
            config=Config(retries={"max_attempts": 1, "mode": "standard"}, parameter_validation=validate),
        )
    return clients[key]


def substitute(value):
    if isinstance(value, str):
        for name, saved_value in saved.items():
            if isinstance(saved_value, bytes) and value == "${" + name + "}":
                return saved_value
        for name, saved_value in saved.items():
            value = value.replace("${" + name + "}", str(saved_value))
        return value
    if isinstance(value, list):
        return [substitute(item) for item in value]
    if isinstance(value, dict):
        return {name: substitute(item) for name, item in value.items()}
    return value


def lookup(value, path):
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


results = {}
for step in plan["steps"]:
    kms = client(
        step.get("region", plan["region"]), step.get("accessKey", "AKIDEXAMPLE"), step.get("parameterValidation", True)
    )
    params = substitute(step.get("params", {}))
    for blob in step.get("blobs", []):
        params[blob] = base64.b64decode(params[blob])
    try:
        if "paginate" in step:
            pages = list(kms.get_paginator(step["op"]).paginate(**params, PaginationConfig={"PageSize": step["paginate"]}))
            result = {"pages": len(pages), "items": [item for page in pages for item in page[step["items"]]]}
        else:
            response = getattr(kms, step["op"])(**params)
            response.pop("ResponseMetadata", None)
            result = {"response": response}
    except ParamValidationError as error:
        result = {"paramError": str(error)}
    except ClientError as error:
        result = {
            "error": {
                "code": error.response["Error"]["Code"],
                "message": error.response["Error"].get("Message", ""),
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
            }
        }
    for name, path in step.get("save", {}).items():
        try:
            saved[name] = lookup(result, path)
        except (KeyError, IndexError, TypeError):
            pass
    results[step["name"]] = result


def encode(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return str(value)


print(json.dumps(results, default=encode))
