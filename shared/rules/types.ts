/**
 * The shape of a detection rule. A rule is a pure function over the prepared message: no I/O,
 * no clocks, no global state, and it must stay linear in the size of its input (the scanner
 * caps links, text and attachments before rules see them). A rule never throws on purpose;
 * the scanner still catches and reports `scan-error` if one does.
 */
import type { Finding, MailSnapshot, Severity } from '../model';
import type { Policy } from '../policy/types';
import type { PreparedMessage } from '../scan/prepared-message';

/** Data a rule cannot work without; when it is absent the scanner lists the rule as unchecked. */
export type RuleNeed = 'headers' | 'from' | 'body' | 'links' | 'attachments';

/** What a rule looks at; the scanner uses it to honour allowed domains consistently. */
export type RuleScope = 'link' | 'attachment' | 'sender' | 'body' | 'message';

export interface RuleExample {
  /** Says what the example shows, e.g. `三井住友カード from an unrelated .cn domain`. */
  name: string;
  snapshot: Partial<MailSnapshot>;
  policy?: Partial<Policy>;
}

export interface RuleContext {
  policy: Policy;
}

export interface Rule {
  /** Stable kebab-case id, equal to the file name and to the i18n key. */
  id: string;
  scope: RuleScope;
  /** Highest severity the rule can give; used in docs and in the combination step. */
  maxSeverity: Severity;
  /**
   * How much an `info` finding of this rule counts towards the combination step (0 = neutral,
   * never adds up to a warning on its own; default 1).
   */
  weight?: number | ((finding: Finding) => number);
  /**
   * How much a `caution` finding of this rule counts towards the combination step (default
   * COMBINATION.cautionWeight). A rule that softens a claim it cannot corroborate to a caution
   * gives it less, so ordinary words of the same mail do not turn it back into a danger.
   */
  cautionWeight?: (finding: Finding) => number | undefined;
  needs?: RuleNeed[];
  /**
   * Allowed, org and partner domains normally silence a rule for that link or sender; a rule
   * that must still speak (authentication failures, blocked domains) sets this to false.
   */
  exemptTrusted?: boolean;
  check(msg: PreparedMessage, ctx: RuleContext): Finding[];
  examples: { flags: RuleExample[]; clean: RuleExample[] };
}
