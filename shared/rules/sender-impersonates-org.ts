/**
 * Mail that pretends to come from inside the organisation: the organisation's name in the
 * display name from an outside address, or the organisation's own domain in From while the
 * receiving server's authentication fails. Needs orgName/orgDomains in policy.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { dmarcFailPolicy, senderFinding } from './support/helpers';
import { normalizeForMatch } from '../scan/term-matcher';

export const senderImpersonatesOrg: Rule = {
  id: 'sender-impersonates-org',
  scope: 'sender',
  maxSeverity: 'danger',
  exemptTrusted: false,
  // The p=none caution repeats sender-auth-fail's finding about the same failure: it adds nothing.
  cautionWeight: (f) => (f.params.policy === 'none' ? 0 : undefined),
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || msg.lists.org.length === 0) return [];
    const orgName = msg.lists.orgName;
    if (from.trust !== 'org') {
      if (orgName && orgName.length >= 2 && normalizeForMatch(from.name).includes(normalizeForMatch(orgName))) {
        return [senderFinding(this.id, 'danger', from, { org: orgName })] as Finding[];
      }
      return [];
    }
    const auth = msg.auth;
    const spfFailed = !!auth && auth.spf?.result === 'fail' && !(auth.dkim ?? []).some((d) => d.result === 'pass');
    const dmarcFailed = !!auth && auth.dmarc?.result === 'fail';
    if (!spfFailed && !dmarcFailed) return [];
    // A DMARC failure where the owner publishes p=none asks no receiver to act (DMARC already
    // judged SPF and DKIM together): a caution.
    const severity = dmarcFailed && dmarcFailPolicy(msg) === 'none' ? 'caution' : 'danger';
    return [senderFinding(this.id, severity, from, { org: orgName ?? from.domain, ...(severity === 'caution' ? { policy: 'none' } : {}) })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'org name from outside', policy: { orgName: 'さくら総合病院', orgDomains: ['sakura-hp.example.jp'] }, snapshot: { from: { name: 'さくら総合病院 情報システム課', address: 'it-desk@mail-notice.example.com' } } },
      {
        name: 'org domain with failing auth',
        policy: { orgName: 'さくら総合病院', orgDomains: ['sakura-hp.example.jp'] },
        snapshot: { from: { name: '総務課', address: 'soumu@sakura-hp.example.jp' }, headers: [{ name: 'Authentication-Results', value: 'mx.sakura-hp.example.jp; spf=fail smtp.mailfrom=sakura-hp.example.jp; dkim=none; dmarc=fail header.from=sakura-hp.example.jp' }] },
      },
    ],
    clean: [
      { name: 'real colleague', policy: { orgName: 'さくら総合病院', orgDomains: ['sakura-hp.example.jp'] }, snapshot: { from: { name: 'さくら総合病院 総務課', address: 'soumu@sakura-hp.example.jp' } } },
      { name: 'no org configured', snapshot: { from: { name: 'さくら総合病院', address: 'x@example.com' } } },
    ],
  },
};
