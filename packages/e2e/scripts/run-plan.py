"""Runs a plan of KMS calls with boto3 against one endpoint and prints every result as JSON.

argv[1]: {"endpoint": url, "region": default region, "steps": [step, ...]}, where a step is
  {"name", "op" (boto3 method name), "params"?, "region"?, "accessKey"?, "save"? {var: dotted path},
   "paginate"? page size, "items"? member holding the items of each page}.
"${var}" inside params is replaced by a saved value. A result is {"response": ...}, {"pages", "items"} or
{"error": {"code", "message", "status"}}. Used by the boto3 suite and the moto differential run.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

plan = json.loads(sys.argv[1])
clients = {}
saved = {}


def client(region, access_key):
    key = (region, access_key)
    if key not in clients:
        clients[key] = boto3.client(
            "kms",
            endpoint_url=plan["endpoint"],
            region_name=region,
            aws_access_key_id=access_key,
            aws_secret_access_key="e2e-secret",
            config=Config(retries={"max_attempts": 1, "mode": "standard"}),
        )
    return clients[key]


def substitute(value):
    if isinstance(value, str):
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
    kms = client(step.get("region", plan["region"]), step.get("accessKey", "AKIDEXAMPLE"))
    params = substitute(step.get("params", {}))
    try:
        if "paginate" in step:
            pages = list(kms.get_paginator(step["op"]).paginate(**params, PaginationConfig={"PageSize": step["paginate"]}))
            result = {"pages": len(pages), "items": [item for page in pages for item in page[step["items"]]]}
        else:
            response = getattr(kms, step["op"])(**params)
            response.pop("ResponseMetadata", None)
            result = {"response": response}
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
print(json.dumps(results, default=str))
