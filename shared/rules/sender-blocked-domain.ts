/** The sender's domain is on the hospital IT's block list. */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

export const senderBlockedDomain: Rule = {
  id: 'sender-blocked-domain',
  scope: 'sender',
  maxSeverity: 'danger',
  exemptTrusted: false,
  needs: ['from'],
  check(msg) {
    const hits = [msg.from, msg.sender, ...msg.replyTo].filter((a) => a && a.trust === 'blocked');
    return hits.slice(0, 1).map((a) => senderFinding(this.id, 'danger', a!)) as Finding[];
  },
  examples: {
    flags: [{ name: 'blocked sender', policy: { scan: { disabledRules: [], blockedDomains: ['spam.example'], allowedDomains: [], protectedNames: [], alertMode: false } }, snapshot: { from: { address: 'a@spam.example' } } }],
    clean: [{ name: 'other sender', policy: { scan: { disabledRules: [], blockedDomains: ['spam.example'], allowedDomains: [], protectedNames: [], alertMode: false } }, snapshot: { from: { address: 'a@ok.example' } } }],
  },
};
