# The import step of packages/e2e/test/terraform.test.ts: a key the AWS CLI created (`aws kms create-key
# --description "created by the AWS CLI" --tags TagKey=Origin,TagValue=aws-cli`) is brought under Terraform with
# `terraform import aws_kms_key.imported <key-id>`; this configuration describes it as it is, so the plan after the
# import is empty.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "endpoint" {
  description = "The emulator's URL, e.g. http://127.0.0.1:4566 (KMS and STS on the same endpoint)."
  type        = string
}

variable "region" {
  type    = string
  default = "us-east-1"
}

provider "aws" {
  region                  = var.region
  access_key              = "test"
  secret_key              = "test"
  skip_metadata_api_check = true
  endpoints {
    kms = var.endpoint
    sts = var.endpoint
  }
}

resource "aws_kms_key" "imported" {
  description = "created by the AWS CLI"
  tags = {
    Origin = "aws-cli"
  }
}
