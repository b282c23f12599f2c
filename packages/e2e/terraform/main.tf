# The Terraform scenario of packages/e2e/test/terraform.test.ts, against a running keypolicy emulator.
# Only the endpoints differ from a configuration for real AWS: the provider checks its credentials with
# STS GetCallerIdentity and reads the account ID the same way, both answered by the emulator.

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

variable "replica_region" {
  type    = string
  default = "us-west-2"
}

variable "enable_replica" {
  description = "Replicate the multi-Region key into replica_region (needs ReplicateKey in the emulator)."
  type        = bool
  default     = false
}

variable "description" {
  type    = string
  default = "keypolicy e2e primary key"
}

variable "rotation_period_in_days" {
  type    = number
  default = 365
}

variable "environment" {
  description = "The value of the Environment tag."
  type        = string
  default     = "test"
}

variable "reader_actions" {
  description = "The actions the policy's second statement allows."
  type        = list(string)
  default     = ["kms:DescribeKey", "kms:GetKeyPolicy"]
}

variable "secondary_sid" {
  description = "The Sid of the secondary key's policy statement (aws_kms_key_policy)."
  type        = string
  default     = "Enable IAM User Permissions"
}

variable "signing_enabled" {
  description = "is_enabled of the asymmetric signing key (false: DisableKey)."
  type        = bool
  default     = true
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

provider "aws" {
  alias                   = "replica"
  region                  = var.replica_region
  access_key              = "test"
  secret_key              = "test"
  skip_metadata_api_check = true
  endpoints {
    kms = var.endpoint
    sts = var.endpoint
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  root = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
}

resource "aws_kms_key" "main" {
  description             = var.description
  deletion_window_in_days = 7
  enable_key_rotation     = true
  rotation_period_in_days = var.rotation_period_in_days
  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "keypolicy-e2e"
    Statement = [
      {
        Sid       = "Enable IAM User Permissions"
        Effect    = "Allow"
        Principal = { AWS = local.root }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "Readers"
        Effect    = "Allow"
        Principal = { AWS = local.root }
        Action    = var.reader_actions
        Resource  = "*"
      },
    ]
  })
  tags = {
    Name        = "keypolicy-e2e"
    Environment = var.environment
  }
}

resource "aws_kms_alias" "main" {
  name          = "alias/keypolicy-e2e"
  target_key_id = aws_kms_key.main.key_id
}

resource "aws_kms_key" "secondary" {
  description             = "keypolicy e2e secondary key"
  deletion_window_in_days = 7
}

resource "aws_kms_key_policy" "secondary" {
  key_id = aws_kms_key.secondary.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = var.secondary_sid
        Effect    = "Allow"
        Principal = { AWS = local.root }
        Action    = "kms:*"
        Resource  = "*"
      },
    ]
  })
}

data "aws_kms_key" "by_alias" {
  key_id = aws_kms_alias.main.name
}

data "aws_kms_alias" "main" {
  name = aws_kms_alias.main.name
}

resource "aws_kms_key" "signing" {
  description              = "keypolicy e2e signing key"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
  deletion_window_in_days  = 7
  is_enabled               = var.signing_enabled
}

resource "aws_kms_key" "multi" {
  description             = "keypolicy e2e multi-Region primary"
  deletion_window_in_days = 7
  multi_region            = true
}

resource "aws_kms_replica_key" "replica" {
  count                   = var.enable_replica ? 1 : 0
  provider                = aws.replica
  description             = "keypolicy e2e replica"
  deletion_window_in_days = 7
  primary_key_arn         = aws_kms_key.multi.arn
}

output "account_id" {
  value = data.aws_caller_identity.current.account_id
}

output "key_ids" {
  value = {
    main      = aws_kms_key.main.key_id
    secondary = aws_kms_key.secondary.key_id
    signing   = aws_kms_key.signing.key_id
    multi     = aws_kms_key.multi.key_id
  }
}

output "key_by_alias_arn" {
  value = data.aws_kms_key.by_alias.arn
}

output "alias_target_key_arn" {
  value = data.aws_kms_alias.main.target_key_arn
}

output "replica_arn" {
  value = var.enable_replica ? aws_kms_replica_key.replica[0].arn : null
}

output "alias_arn" {
  value = aws_kms_alias.main.arn
}
