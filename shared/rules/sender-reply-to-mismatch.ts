/**
 * Replies go to a different domain than the sender's. Mailing lists and newsletter services do
 * this legitimately, so it is only noted; replies steered to a free mailbox while From looks like
 * a company, or to a throw-away domain, are the business-e-mail-compromise pattern and a caution.
 * Webinar, e-signature and ticketing services (authenticated) send on behalf of a person and put
 * that person in Reply-To by design: noted without weight.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isFreemail, sentOnBehalf, senderFinding, unusualDomainReason } from './support/helpers';

export const senderReplyToMismatch: Rule = {
  id: 'sender-reply-to-mismatch',
  scope: 'sender',
  maxSeverity: 'caution',
  weight: (f) => (f.params.onBehalf ? 0 : 1),
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.registrable || msg.isMailingList) return [];
    const other = msg.replyTo.find((r) => r.registrable && r.registrable !== from.registrable && !msg.senderDomains.has(r.registrable) && r.trust === 'other');
    if (!other) return [];
    const onBehalf = sentOnBehalf(msg);
    const toFreemail = isFreemail(other.registrable) && !isFreemail(from.registrable);
    // Replies steered to a throw-away domain (.quest, x.sa.com) are as telling as free mail.
    const toThrowaway = !!unusualDomainReason(other.domain);
    const severity = (toFreemail && !onBehalf) || toThrowaway ? 'caution' : 'info';
    return [
      {
        ...senderFinding(this.id, severity, from, { replyTo: other.address, replyDomain: other.domain, ...(onBehalf ? { onBehalf: 1 } : {}) }),
        target: { kind: 'sender' as const, value: other.address },
      },
    ] as Finding[];
  },
  examples: {
    flags: [
      { name: 'company From, Gmail Reply-To', snapshot: { from: { name: 'Accounting', address: 'keiri@vendor.example.co.jp' }, replyTo: [{ address: 'vendor.keiri@gmail.com' }] } },
      { name: 'other domain (noted)', snapshot: { from: { address: 'info@shop.example' }, replyTo: [{ address: 'support@other.example' }] } },
    ],
    clean: [
      { name: 'same domain', snapshot: { from: { address: 'info@shop.example' }, replyTo: [{ address: 'support@shop.example' }] } },
      {
        name: 'mailing list rewriting Reply-To',
        snapshot: { from: { address: 'alice@univ.example.edu' }, replyTo: [{ address: 'users@lists.example.org' }], headers: [{ name: 'List-Id', value: '<users.lists.example.org>' }] },
      },
    ],
  },
};
