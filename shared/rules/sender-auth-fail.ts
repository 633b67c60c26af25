/**
 * The receiving server's authentication checks (SPF, DKIM, DMARC, Microsoft's composite
 * authentication) say the mail did not really come from the domain in From. A forged *fail* only
 * hurts a forger, so failures are read even from headers whose server we cannot vouch for; a
 * *pass* is never used to excuse anything unless the header comes from a trusted server.
 * Mailing lists and forwarders break SPF legitimately, so a lone SPF failure with a DKIM pass is
 * ignored, and a soft fail is only noted. A DMARC failure for a domain whose owner asks receivers
 * to reject or quarantine such mail is danger: the owner says it is not theirs. With p=none the
 * owner has not asked receivers to act, and the failure alone is never a danger.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { dmarcFailPolicy, messageFinding } from './support/helpers';

export const senderAuthFail: Rule = {
  id: 'sender-auth-fail',
  scope: 'sender',
  maxSeverity: 'danger',
  exemptTrusted: false,
  weight: (f) => (f.params.list ? 0 : 1),
  needs: ['headers'],
  check(msg) {
    const auth = msg.auth;
    if (!auth || auth.source === 'none') return [];
    // As in DMARC, only a DKIM signature of the From domain itself vouches for it; a pass for the
    // sending service's own domain does not excuse a failed SPF check.
    const fromReg = msg.from?.registrable ?? '';
    const dkimPass = (auth.dkim ?? []).some((d) => d.result === 'pass' && !!d.domain && !!fromReg && (d.domain.toLowerCase() === fromReg || d.domain.toLowerCase().endsWith(`.${fromReg}`)));
    const dmarc = auth.dmarc?.result;
    const spf = auth.spf?.result;
    // Microsoft 365 writes its own verdict on spoofing as compauth=; read it from the same header.
    const top = msg.authResultsTop.slice(0, 4_000);
    const compauth = /\bcompauth=(fail|softfail|none|pass)/i.exec(top)?.[1]?.toLowerCase();
    // The domain owner's own instruction for failures (DMARC p=reject/quarantine), as the receiver recorded it.
    const ownerPolicy = dmarcFailPolicy(msg);
    const ownerRejects = ownerPolicy === 'reject' || ownerPolicy === 'quarantine';
    // p=none: the domain owner only watches reports and has not asked receivers to act on failures
    // (forwarders and lists break DMARC every day); the failure alone is never a danger then.
    const ownerWatchesOnly = ownerPolicy === 'none';
    const domain = auth.dmarc?.domain ?? msg.from?.domain ?? '';
    const fromOrg = msg.from?.trust === 'org';
    // A mailing list re-sends the author's mail from its own server: DMARC and SPF fail by design.
    // When the list server itself passed authentication the failure is explained and weighs nothing.
    // Not when the domain owner asks to reject or quarantine such mail: lists rewrite From for
    // those domains (Mailman, Google Groups), so a failing From of such a domain was not re-sent.
    if (msg.isMailingList && !fromOrg && !ownerRejects) {
      if (dmarc === 'fail' || ((spf === 'fail' || compauth === 'fail') && !dkimPass)) {
        const params = { check: dmarc === 'fail' ? 'DMARC' : 'SPF', result: 'fail', domain, ...(msg.listVerified ? { list: 1 } : {}) };
        return [messageFinding(this.id, 'info', 'header', 'Authentication-Results', params)] as Finding[];
      }
      return [];
    }
    if (dmarc === 'fail') {
      const severity = ownerWatchesOnly ? (fromOrg ? 'caution' : 'info') : fromOrg || auth.trusted || ownerRejects ? 'danger' : 'caution';
      return [messageFinding(this.id, severity, 'header', 'Authentication-Results', { check: 'DMARC', result: 'fail', domain, ...(ownerWatchesOnly ? { policy: 'none' } : {}) })] as Finding[];
    }
    if (compauth === 'fail' && !dkimPass) {
      return [messageFinding(this.id, fromOrg ? 'danger' : 'caution', 'header', 'Authentication-Results', { check: 'compauth', result: 'fail', domain })] as Finding[];
    }
    if ((spf === 'fail' || spf === 'permerror') && !dkimPass) {
      return [messageFinding(this.id, fromOrg ? 'danger' : 'caution', 'header', 'Authentication-Results', { check: 'SPF', result: spf, domain: auth.spf?.domain ?? domain })] as Finding[];
    }
    if (spf === 'softfail' && !dkimPass) {
      return [messageFinding(this.id, 'info', 'header', 'Authentication-Results', { check: 'SPF', result: spf, domain: auth.spf?.domain ?? domain })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      {
        name: 'DMARC fail',
        snapshot: {
          from: { address: 'info@smbc-card.com' },
          headers: [{ name: 'Authentication-Results', value: 'mx.hospital.example.jp; spf=fail smtp.mailfrom=smbc-card.com; dkim=none; dmarc=fail header.from=smbc-card.com' }, { name: 'From', value: 'info@smbc-card.com' }],
        },
      },
      {
        name: 'DMARC fail for a domain whose owner publishes p=none (only noted)',
        snapshot: {
          from: { address: 'jimu@society.example.jp' },
          headers: [{ name: 'Authentication-Results', value: 'mx.example.net; spf=fail smtp.mailfrom=society.example.jp; dkim=none; dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=society.example.jp' }],
        },
      },
      {
        name: 'SPF fail without DKIM',
        snapshot: {
          from: { address: 'info@example.com' },
          headers: [{ name: 'Authentication-Results', value: 'mx.example.net; spf=fail smtp.mailfrom=example.com; dkim=none' }],
        },
      },
    ],
    clean: [
      {
        name: 'all pass',
        snapshot: {
          from: { address: 'info@example.com' },
          headers: [{ name: 'Authentication-Results', value: 'mx.example.net; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com' }],
        },
      },
      {
        name: 'forwarded: SPF fails but DKIM passes',
        snapshot: {
          from: { address: 'info@example.com' },
          headers: [{ name: 'Authentication-Results', value: 'mx.example.net; spf=fail smtp.mailfrom=example.com; dkim=pass header.d=example.com' }],
        },
      },
    ],
  },
};
