/**
 * The exit codes of keypolicy: the AWS CLI v2's return codes for the AWS commands, so scripts written for `aws kms`
 * keep working [DOC https://docs.aws.amazon.com/cli/latest/topic/return-codes.html]; `serve` fails with 1.
 */
export const EXIT_CODES = {
  /** The command succeeded. */
  success: 0,
  /** `serve` could not start: port in use, bad seed file, an option this build lacks. [DEC] */
  serveFailed: 1,
  /** The command line was wrong: unknown flag, missing required flag, bad value, unreadable `file://` parameter. */
  usage: 252,
  /** The environment or configuration was invalid: no region, no credentials (an unknown profile is 255, as AWS CLI v2). */
  configuration: 253,
  /** The request was refused: the service's error, or the same error found before sending (same message format). */
  service: 254,
  /**
   * Anything else: the endpoint could not be reached or timed out, standard output could not be written (a full disk;
   * a closed pipe is not a failure: output stops quietly, the command's code stands, as in the AWS CLI v2), an
   * unexpected failure.
   */
  other: 255,
} as const;

/** The --help text describing the exit codes. */
export const EXIT_CODES_HELP = `Exit codes (as the AWS CLI v2):
  0    success
  1    serve: the emulator could not start (port in use, bad seed file)
  252  usage error: unknown flag, missing or invalid flag value
  253  configuration error: no region, no credentials
  254  the service refused the request (or would: checked before sending)
  255  any other failure, e.g. the endpoint could not be reached or timed out,
       standard output could not be written (a closed pipe is not a failure)`;
