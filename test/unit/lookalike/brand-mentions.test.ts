import { describe, expect, it } from 'vitest';
import { createBrandMatcher } from '../../../shared/lookalike/brand-mentions';
import { PROTECTED_NAMES } from '../../../shared/lookalike/brands';
import type { ProtectedName } from '../../../shared/lookalike/types';

const matcher = createBrandMatcher(PROTECTED_NAMES);
const ids = (text: string, includeWeak = false) => matcher.find(text, { includeWeak }).map((m) => m.brand.id);

describe('createBrandMatcher: flags', () => {
  const table: [string, string, string[]][] = [
    ['Japanese name in a subject', '【重要】三井住友カードご利用確認のお願い', ['smbc-card']],
    ['Japanese name inside a sentence, no boundary needed', 'お客様のえきねっとアカウントが停止されました', ['eki-net']],
    ['fullwidth Latin', 'Ａｍａｚｏｎ　プライム会員情報の更新', ['amazon']],
    ['halfwidth katakana', 'ｱﾏｿﾞﾝ からのお知らせ', ['amazon']],
    ['case-insensitive Latin', 'Your MICROSOFT account', ['microsoft']],
    ['Cyrillic Р in PayPal', 'Рayраl: verify your account', ['paypal']],
    ['zero-width space inside a name', 'Net\u200Bflix billing', ['netflix']],
    ['kanji for katakana', 'ヤマ卜運輸 お届け予定', ['yamato']],
    ['name with a space, any whitespace', 'Wells\u3000Fargo Online', ['wells-fargo']],
    ['Latin name next to Japanese', 'JCBカードのご利用', ['jcb']],
    ['several brands, each once, in order', '楽天カード … Amazon … 楽天カード … 国税庁 e-Tax', ['rakuten', 'amazon', 'nta']],
    ['Portuguese bank', 'Bradesco: atualize seus dados', ['bradesco']],
    ['accents folded', 'Itaú Unibanco', ['itau']],
    ['MHLW abbreviation', '厚労省より', ['mhlw']],
  ];
  for (const [name, text, expected] of table) it(name, () => expect(ids(text)).toEqual(expected));
});

describe('createBrandMatcher: does not flag', () => {
  const table: [string, string][] = [
    ['au inside a word', 'The author of the audit'],
    ['line inside online', 'Please check online. Deadline Friday.'],
    ['amazon inside a longer word', 'amazonite jewellery'],
    ['nhk inside letters', 'anhkx'],
    ['ordinary Japanese', 'お世話になっております。検査結果をお送りします。'],
    ['weak names without includeWeak', 'LINE で連絡します。Apple のパイ。au の請求。'],
    ['楽天的 is a word', '彼は楽天的な性格です'],
    ['empty', ''],
  ];
  for (const [name, text] of table) it(name, () => expect(ids(text)).toEqual([]));
});

describe('createBrandMatcher: weak names', () => {
  it('reports weak names only when asked', () => {
    expect(ids('au からのお知らせ')).toEqual([]);
    expect(ids('au からのお知らせ', true)).toEqual(['au-kddi']);
    expect(ids('Apple', true)).toEqual(['apple']);
    expect(ids('LINE', true)).toEqual(['line']);
  });
  it('keeps word boundaries for weak names too', () => {
    expect(ids('author', true)).toEqual([]);
    expect(ids('online', true)).toEqual([]);
    expect(ids('pineapple', true)).toEqual([]);
  });
  it('a strong name wins over the weak name that ends inside it', () => {
    expect(matcher.find('イオンカードご利用確認', { includeWeak: true }).map((m) => m.matched)).toEqual(['イオンカード']);
    expect(matcher.find('ヤマト運輸 お届け予定', { includeWeak: true }).map((m) => m.matched)).toEqual(['ヤマト運輸']);
    expect(matcher.find('イオン店舗のお知らせ', { includeWeak: true }).map((m) => m.matched)).toEqual(['イオン']);
  });
  it('finds names followed by trademark signs', () => {
    expect(ids('Mcafee™ Total Protection')).toEqual(['mcafee']);
    expect(ids('Norton® 360 LifeLock')).toEqual(['norton']);
  });
  it('reports the listed name that matched', () => {
    expect(matcher.find('ｅ－Ｔａｘ の還付')[0]?.matched).toBe('e-Tax');
  });
});

describe('createBrandMatcher: bounds and custom lists', () => {
  it('searches only maxChars', () => {
    const text = `${'x '.repeat(100)}Amazon`;
    expect(ids(text)).toEqual(['amazon']);
    expect(matcher.find(text, { maxChars: 100 })).toEqual([]);
  });
  it('works for policy-provided names and with overlapping patterns', () => {
    const org: ProtectedName[] = [
      { id: 'hospital', category: 'org', names: ['心得総合病院', '心得病院'], domains: ['kokoroe-hp.example.jp'] },
      { id: 'hospital-lab', category: 'org', names: ['総合病院検査部'], domains: ['lab.example.jp'] },
    ];
    const m = createBrandMatcher(org);
    expect(m.find('心得総合病院検査部より').map((x) => x.brand.id)).toEqual(['hospital', 'hospital-lab']);
  });
  it('never throws on odd input', () => {
    expect(matcher.find(undefined as unknown as string)).toEqual([]);
    expect(createBrandMatcher([]).find('Amazon')).toEqual([]);
  });
});
