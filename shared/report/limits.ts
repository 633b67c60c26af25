/**
 * Bounds of a report, in one place. A report is stored in the outbox (browser storage has a
 * quota) and read by a person at IT: everything is capped, and a cap that bites is listed in
 * the builder's problems, never silent.
 */
export const REPORT_LIMITS = {
  /** Distinct link destinations kept. @default 50 */
  links: 50,
  /** Characters of one URL. @default 2048 */
  urlChars: 2048,
  /** Findings kept. @default 100 */
  findings: 100,
  /** Attachments listed. @default 50 */
  attachments: 50,
  /** Names inside one archive. @default 50 */
  innerNames: 50,
  /** Authentication-Results values kept. @default 5 */
  authResults: 5,
  /** Characters of one header-like value (subject, auth result, finding text). @default 1000 */
  textChars: 1000,
  /** Characters of a name or address. @default 320 */
  nameChars: 320,
  /** Characters of the user's comment. @default 2000 */
  commentChars: 2000,
  /** Bytes of the original message (before base64). @default 4 MiB */
  originalBytes: 4 * 1024 * 1024,
} as const;
