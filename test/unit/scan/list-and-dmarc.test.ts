/**
 * Japanese list servers (fml, mailman-jp) mark their posts with their own headers, and a DMARC
 * failure whose domain owner publishes p=none is not the owner asking receivers to act: neither
 * may make a danger by itself. p=reject and p=quarantine stay strong.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { prepareMessage } from '../../../shared/scan/prepare';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { HeaderLine, MailSnapshot, Severity } from '../../../shared/model';

const policy = { ...DEFAULT_POLICY, orgDomains: ['hospital.example'] } as Policy;

function post(auth: string, extra: HeaderLine[] = [], sender?: string): MailSnapshot {
  return {
    host: 'eml',
    from: { name: '佐藤 一郎', address: 'ichiro.sato@univ-med.example.ac.jp' },
    ...(sender ? { sender: { address: sender } } : {}),
    subject: '[kango-ken:01234] 次回勉強会の資料について',
    text: '皆様\n次回の勉強会の資料を共有します。ご確認ください。\n佐藤',
    headers: [{ name: 'Authentication-Results', value: `mx.hospital.example; ${auth}` }, ...extra],
  };
}

const authSeverity = (s: MailSnapshot): Severity | undefined => scanMessage(s, policy).findings.find((f) => f.rule === 'sender-auth-fail')?.severity;

describe('Japanese list software is a mailing list', () => {
  const rows: [string, HeaderLine[], string?][] = [
    ['fml: X-ML-Name and X-Mail-Count', [{ name: 'X-ML-Name', value: 'kango-ken' }, { name: 'X-Mail-Count', value: '01234' }]],
    ['fml: X-MLServer', [{ name: 'X-MLServer', value: 'fml [fml 8.0]' }]],
    ['X-ML-Info', [{ name: 'X-ML-Info', value: 'If you have a question, send e-mail with the body "# help"' }]],
    ['mailman-jp: X-Sequence', [{ name: 'X-Sequence', value: '512' }]],
    ['Sender: owner-LIST@', [], 'owner-kango-ken@ml.society.example.jp'],
    ['Sender: LIST-admin@', [], 'kango-ken-admin@ml.society.example.jp'],
  ];
  for (const [name, headers, sender] of rows) {
    it(name, () => {
      expect(prepareMessage(post('spf=pass smtp.mailfrom=ml.society.example.jp', headers, sender), policy).isMailingList).toBe(true);
    });
  }

  it('an ordinary Sender is not a list', () => {
    expect(prepareMessage(post('spf=pass smtp.mailfrom=univ-med.example.ac.jp', [], 'secretary@univ-med.example.ac.jp'), policy).isMailingList).toBe(false);
  });

  it('a list post failing the author\'s DMARC (p=none) is safe', () => {
    const s = post('spf=pass smtp.mailfrom=ml.society.example.jp; dkim=fail header.d=univ-med.example.ac.jp; dmarc=fail (p=none dis=none) header.from=univ-med.example.ac.jp', [{ name: 'X-ML-Name', value: 'kango-ken' }], 'owner-kango-ken@ml.society.example.jp');
    expect(scanMessage(s, policy).level).toBe('safe');
  });
});

describe('DMARC failure by the owner\'s policy', () => {
  const fail = (comment: string) => post(`spf=fail smtp.mailfrom=univ-med.example.ac.jp; dkim=none; dmarc=fail ${comment} header.from=univ-med.example.ac.jp`);
  const watchOnly: [string, string][] = [
    ['p=none in the comment', '(p=none sp=none dis=none)'],
    ['P=NONE in capitals', '(p=NONE sp=NONE dis=NONE)'],
    ['policy.dmarc=none property', 'policy.dmarc=none'],
  ];
  for (const [name, comment] of watchOnly) {
    it(`${name}: never a danger`, () => {
      expect(authSeverity(fail(comment))).toBe('info');
      expect(scanMessage(fail(comment), policy).level).not.toBe('danger');
    });
  }

  const strong: [string, string][] = [
    ['p=reject', '(p=reject sp=reject dis=none)'],
    ['p=quarantine', '(p=QUARANTINE dis=QUARANTINE)'],
    ['no policy recorded at a trusted receiver', ''],
  ];
  for (const [name, comment] of strong) it(`${name}: danger`, () => expect(authSeverity(fail(comment))).toBe('danger'));

  it('the organisation\'s own domain failing with p=none is still a caution', () => {
    const s: MailSnapshot = { ...post('spf=fail smtp.mailfrom=hospital.example; dkim=none; dmarc=fail (p=none) header.from=hospital.example'), from: { name: '総務課', address: 'soumu@hospital.example' } };
    expect(authSeverity(s)).toBe('caution');
    expect(scanMessage(s, policy).findings.find((f) => f.rule === 'sender-impersonates-org')?.severity).toBe('caution');
    expect(scanMessage(s, policy).level).toBe('caution');
  });

  it('the organisation\'s own domain failing with p=reject is a danger', () => {
    const s: MailSnapshot = { ...post('spf=fail smtp.mailfrom=hospital.example; dkim=none; dmarc=fail (p=reject) header.from=hospital.example'), from: { name: '総務課', address: 'soumu@hospital.example' } };
    expect(scanMessage(s, policy).level).toBe('danger');
  });
});
