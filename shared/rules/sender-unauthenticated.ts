/**
 * The receiving server recorded neither an SPF pass nor a DKIM pass: nothing ties the mail to
 * any domain. Since 2024 the large mailbox providers require SPF or DKIM from every sender, so
 * legitimate automated mail almost always has one; small or old servers may not, so this is only
 * noted and adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const senderUnauthenticated: Rule = {
  id: 'sender-unauthenticated',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 1.5,
  needs: ['headers'],
  check(msg) {
    const auth = msg.auth;
    if (!auth || auth.source !== 'authentication-results' || msg.isMailingList) return [];
    const spfPass = auth.spf?.result === 'pass';
    const dkimPass = (auth.dkim ?? []).some((d) => d.result === 'pass');
    if (spfPass || dkimPass) return [];
    // A DMARC or SPF failure is reported by sender-auth-fail; this covers "nothing at all".
    if (auth.dmarc?.result === 'fail' || auth.spf?.result === 'fail') return [];
    return [messageFinding(this.id, 'info', 'header', 'Authentication-Results', { domain: msg.from?.domain ?? '' })] as Finding[];
  },
  examples: {
    flags: [
      {
        name: 'no SPF or DKIM pass',
        snapshot: { from: { address: 'info@shop.example' }, headers: [{ name: 'Authentication-Results', value: 'mx.example.net; spf=none smtp.mailfrom=shop.example; dkim=none; dmarc=none header.from=shop.example' }] },
      },
    ],
    clean: [
      {
        name: 'DKIM pass',
        snapshot: { from: { address: 'info@shop.example' }, headers: [{ name: 'Authentication-Results', value: 'mx.example.net; spf=none; dkim=pass header.d=shop.example' }] },
      },
      { name: 'no authentication header at all', snapshot: { from: { address: 'info@shop.example' }, headers: [{ name: 'Subject', value: 'x' }] } },
    ],
  },
};
