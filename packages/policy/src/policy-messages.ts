/**
 * Texts of the MalformedPolicyDocumentException answers that `@keypolicy/core`'s `messages` does not hold.
 *
 * [DEC] every text here: real KMS's wording for these cases has not been captured (KMS-FIDELITY.md §7 step 5 says
 * only that such documents are rejected). They follow the style of the two reported texts ("Policy contains a
 * statement with no principal.") so that a capture can replace them in this one place.
 */
export const policyMessages = {
  /** [RPT] §7 step 4: a policy that is not JSON, or not a JSON object, gets an empty message. */
  notAJsonObject: () => "",
  unsupportedElement: (name: string) => `Policy contains an unsupported element: ${name}.`,
  unsupportedVersion: () => 'Policy has an unsupported Version; use "2012-10-17" or "2008-10-17".',
  invalidId: () => "Policy has an Id that is not a string.",
  invalidStatement: () => "Policy must have a Statement that is an object or a non-empty array of objects.",
  invalidSid: () => "Policy contains a statement whose Sid is not a string.",
  invalidEffect: () => 'Policy contains a statement whose Effect is not "Allow" or "Deny".',
  conflictingElements: (element: string, negated: string) =>
    `Policy contains a statement with both ${element} and ${negated}.`,
  noAction: () => "Policy contains a statement with no action.",
  invalidActions: () => "Policy contains a statement with one or more invalid actions.",
  noResource: () => "Policy contains a statement with no resource.",
  invalidResource: () => 'Policy contains a statement with a resource other than "*".',
  invalidCondition: () =>
    "Policy contains a statement with an invalid condition: a Condition maps operators to objects of condition keys, each with a string, number, boolean or an array of them.",
  unsupportedConditionOperator: (operator: string) =>
    `Policy contains a statement with an unsupported condition operator: ${operator}.`,
} as const;
