import { describe, expect, it } from 'vitest';
import { PROTECTED_NAMES } from '../../../shared/lookalike/brands';
import { createLookalikeIndex, withinOneEdit } from '../../../shared/lookalike/lookalike-domain';
import type { ProtectedName } from '../../../shared/lookalike/types';
import { analyzeUrl } from '../../../shared/url/analyze-url';

const index = createLookalikeIndex(PROTECTED_NAMES);
const hostOf = (text: string) => analyzeUrl(`https://${text}/`).hostname ?? '';

describe('createLookalikeIndex: flags', () => {
  const table: [string, string, string, string][] = [
    // [written host, brand id, imitated domain, reason]
    ['rnicrosoft.com', 'microsoft', 'microsoft.com', 'skeleton'],
    ['micros0ft.com', 'microsoft', 'microsoft.com', 'skeleton'],
    ['micros0ft.top', 'microsoft', 'microsoft.com', 'skeleton'],
    ['аррӏе.com', 'apple', 'apple.com', 'homograph'],
    ['аmazon.co.jp', 'amazon', 'amazon.co.jp', 'homograph'],
    ['googlé.com', 'google', 'google.com', 'skeleton'],
    ['paypa1.com', 'paypal', 'paypal.com', 'skeleton'],
    ['amazom.co.jp', 'amazon', 'amazon.co.jp', 'edit-distance'],
    ['rakuteen.co.jp', 'rakuten', 'rakuten.co.jp', 'edit-distance'],
    ['mercrai.com', 'mercari', 'mercari.com', 'edit-distance'],
    ['netflx.com', 'netflix', 'netflix.com', 'edit-distance'],
    ['smbc-card-security.xyz', 'smbc-card', 'smbc-card.com', 'brand-label'],
    ['amazon-co-jp.top', 'amazon', 'amazon.co.jp', 'brand-label'],
    ['mhlw-go-jp.net', 'mhlw', 'mhlw.go.jp', 'brand-label'],
    ['secure-paypal.com', 'paypal', 'paypal.com', 'brand-label'],
    ['paypalsecure.net', 'paypal', 'paypal.com', 'brand-label'],
    ['jcb-card.info', 'jcb', 'jcb.co.jp', 'brand-label'],
    ['nhk-plus.cc', 'nhk', 'nhk.or.jp', 'brand-label'],
    ['etc-meisai-jp.top', 'etc-meisai', 'etc-meisai.jp', 'brand-label'],
    ['eki-net.cc', 'eki-net', 'eki-net.com', 'brand-label'],
    ['smbc-card.net', 'smbc-card', 'smbc-card.com', 'brand-label'],
    ['amazon.co.jp.login-check.top', 'amazon', 'amazon.co.jp', 'brand-label'],
    ['www.mhlw.go.jp.example.com', 'mhlw', 'mhlw.go.jp', 'brand-label'],
    ['au.com.account-check.top', 'au-kddi', 'au.com', 'brand-label'],
    ['login-rakuten.firebaseapp.com', 'rakuten', 'rakuten.co.jp', 'brand-label'],
    ['アマゾン-amazon.jp', 'amazon', 'amazon.co.jp', 'brand-label'],
    ['paypal-login.appspot.com', 'paypal', 'paypal.com', 'brand-label'],
    ['microsoft-login.azurewebsites.net', 'microsoft', 'microsoft.com', 'brand-label'],
    ['amazon-co-jp.s3.amazonaws.com', 'amazon', 'amazon.co.jp', 'brand-label'],
    ['smbc-card.verify-login.example', 'smbc-card', 'smbc-card.com', 'brand-label'],
    ['楽天カード.com', 'rakuten', 'rakuten.co.jp', 'brand-label'],
  ];
  for (const [written, id, imitated, reason] of table) {
    it(`${written} imitates ${id} (${reason})`, () => {
      const match = index.match(hostOf(written));
      expect(match?.brand.id).toBe(id);
      expect(match?.imitated).toBe(imitated);
      expect(match?.reason).toBe(reason);
      expect(match?.weak).toBeUndefined();
    });
  }
});

describe('createLookalikeIndex: weak evidence', () => {
  const table: [string, string][] = [
    ['sagawa-delivery.cn', 'sagawa'],
    ['yamato-scale.co.jp', 'yamato'],
    ['mizuho-clinic.jp', 'mizuho'],
    ['paypal.secure-check.top', 'paypal'],
    ['docomo-fan.example.com.tw', 'docomo'],
    ['apple.slashdot.org', 'apple'],
    ['nomura-clinic.jp', 'nomura'],
    ['nenkin.jp', 'nenkin'],
  ];
  for (const [host, id] of table) {
    it(`${host} is a weak match for ${id}`, () => {
      const match = index.match(host);
      expect(match?.brand.id).toBe(id);
      expect(match?.weak).toBe(true);
    });
  }
  it('the full brand label is not weak', () => {
    expect(index.match('sagawa-exp-delivery.top')?.weak).toBeUndefined();
    expect(index.match('kuronekoyamato-login.top')?.weak).toBeUndefined();
    expect(index.match('mizuhobank-login.top')?.weak).toBeUndefined();
  });
});

describe('createLookalikeIndex: does not flag', () => {
  const table: string[] = [
    // the brands' own domains and subdomains
    'microsoft.com', 'login.microsoftonline.com', 'www.amazon.co.jp', 'amazon.com', 'www.mhlw.go.jp', 'e-tax.nta.go.jp',
    'jp.mercari.com', 'www.smbc-card.com', 'www.global.jcb', 'ph.jcb', 'bk.mufg.jp', 'direct.jp-bank.japanpost.jp', 'www.au.com', 'paypay.ne.jp',
    // related domains: the brand's infrastructure
    'lh3.googleusercontent.com', 'bucket.s3.amazonaws.com', 'm.media-amazon.com', 'a.amazonses.com', 'login.windows.net',
    // a global brand's country sites
    'www.amazon.de', 'www.google.fr',
    // ordinary domains, including words close to brand labels
    'example.com', 'author.example', 'online-shop.example.jp', 'hospital.example.jp', 'finance.example', 'finance.com',
    'applepie.example', 'pineapple.com', 'yamaha.com', 'nhkx.com', 'mobile.com', 'paypay.ne.jp', 'github.com',
    'lists.example.org', 'mail.google.com', 'line.me', 'visa.example',
    // ordinary words inside brand labels (jr-central, med.or.jp, kokuho.or.jp)
    'www.techcentralstation.com', 'us-central1-x.cloudfunctions.net', 'med-staff.example.jp', 'tokyo-kokuhoren.or.jp', 'tokyo-clinic.example',
    // not domains
    '127.0.0.1', '[::1]', '', 'localhost', 'co.jp',
  ];
  for (const host of table) {
    it(`does not flag ${host || '(empty)'}`, () => expect(index.match(hostOf(host) || host)).toBeUndefined());
  }

  it('accepts trailing dots and upper case', () => {
    expect(index.match('WWW.AMAZON.CO.JP.')).toBeUndefined();
    expect(index.match('RNICROSOFT.COM.')?.brand.id).toBe('microsoft');
  });
});

describe('createLookalikeIndex: policy names', () => {
  const org: ProtectedName[] = [{ id: 'hospital', category: 'org', names: ['心得病院'], domains: ['kokoroe-hp.jp'] }];
  const own = createLookalikeIndex(org);
  it('flags imitations of the organisation', () => {
    expect(own.match('kokoroe-hp.com')?.reason).toBe('brand-label');
    expect(own.match('kokoroe-hq.jp')?.reason).toBe('brand-label'); // the distinctive word kokoroe
    expect(own.match('kokorae-hp.jp')?.reason).toBe('edit-distance');
    expect(own.match('kokoroe-hp.jp.mail-box.top')?.reason).toBe('brand-label');
  });
  it('compares labels only for registrable protected domains', () => {
    const sub = createLookalikeIndex([{ id: 'dept', category: 'org', names: ['検査部'], domains: ['lab.example.jp'] }]);
    expect(sub.match('example-shop.com')).toBeUndefined();
    expect(sub.match('www.example.jp')).toBeUndefined();
    expect(sub.match('lab.example.jp.evil.top')?.brand.id).toBe('dept');
  });
  it('leaves the organisation alone', () => {
    expect(own.match('mail.kokoroe-hp.jp')).toBeUndefined();
    expect(own.match('amazon-co-jp.top')).toBeUndefined();
  });
});

describe('withinOneEdit', () => {
  const yes: [string, string][] = [['amazon', 'amazon'], ['amazon', 'amazom'], ['amazon', 'amazn'], ['amazon', 'amazoon'], ['amazon', 'mazon'], ['amazon', 'amzaon'], ['a', '']];
  const no: [string, string][] = [['amazon', 'amzoan'], ['amazon', 'amaz'], ['amazon', 'nozama'], ['abc', 'cab']];
  for (const [a, b] of yes) it(`${a} ~ ${b}`, () => expect(withinOneEdit(a, b)).toBe(true));
  for (const [a, b] of no) it(`${a} ≁ ${b}`, () => expect(withinOneEdit(a, b)).toBe(false));
});
