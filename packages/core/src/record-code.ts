/**
 * The code of a cluster or programme: 2-80 lowercase letters, digits or hyphens, starting with a letter or digit.
 * Codes appear in addresses and import files, so the server, the importer and the web form check the same rule.
 */
export const recordCodePattern = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** True when the text (already trimmed) is a valid cluster or programme code. */
export function isRecordCode(code: string): boolean {
  return recordCodePattern.test(code);
}
