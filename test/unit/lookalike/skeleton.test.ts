import { describe, expect, it } from 'vitest';
import { skeleton } from '../../../shared/lookalike/skeleton';

describe('skeleton: look-alikes share a skeleton', () => {
  const same: [string, string, string][] = [
    ['rn → m', 'rnicrosoft.com', 'microsoft.com'],
    ['digit zero', 'micros0ft.com', 'microsoft.com'],
    ['digit one', 'paypa1.com', 'paypal.com'],
    ['capital I as small l', 'PayPaI', 'PayPal'],
    ['vv → w', 'vvellsfargo.com', 'wellsfargo.com'],
    ['cl → d', 'clocomo.ne.jp', 'docomo.ne.jp'],
    ['Cyrillic а р ӏ е', 'аррӏе.com', 'apple.com'],
    ['Cyrillic о and с', 'miсrоsоft', 'microsoft'],
    ['Greek ο and ν', 'gοοgle', 'google'],
    ['accents', 'googlé.com', 'google.com'],
    ['fullwidth', 'ｍｉｃｒｏｓｏｆｔ', 'microsoft'],
    ['case', 'AMAZON', 'amazon'],
    ['soft hyphen', 'ama\u00ADzon', 'amazon'],
    ['zero-width space', 'ama\u200Bzon', 'amazon'],
    ['bidi override', 'ama\u202Ezon', 'amazon'],
    ['variation selector', 'ama\uFE0Fzon', 'amazon'],
    ['chōon ー vs kanji 一', 'エポスカ一ド', 'エポスカード'],
    ['fullwidth hyphen', 'e－tax', 'e-tax'],
    ['ロ / 口', 'ヤマト運輸口グイン', 'ヤマト運輸ログイン'],
    ['カ / 力', 'エポス力ード', 'エポスカード'],
    ['エ / 工', '工ポスカード', 'エポスカード'],
    ['へ / ヘ', 'ヘルプ', 'へルプ'],
    ['ニ / 二', 'ド二ー', 'ドニー'],
    ['タ / 夕', '夕ワー', 'タワー'],
    ['ト / 卜', 'ヤマ卜運輸', 'ヤマト運輸'],
    ['ハ / 八', '八ンコ', 'ハンコ'],
    ['オ / 才', '才ンライン', 'オンライン'],
    ['チ / 千', '千ケット', 'チケット'],
    ['ソ / ン', 'アマンン', 'アマソン'],
    ['halfwidth katakana', 'ｱﾏｿﾞﾝ', 'アマゾン'],
    ['voiced he/be', 'べんり', 'ベんり'],
  ];
  for (const [name, a, b] of same) it(name, () => expect(skeleton(a)).toBe(skeleton(b)));

  const different: [string, string][] = [
    ['amazon.co.jp', 'amazon.co.uk'],
    ['mhlw.go.jp', 'nta.go.jp'],
    ['楽天', '楽大'],
    ['ヤマト', 'ヤマハ'],
    ['docomo', 'domomo'],
    ['пример', 'primer'],
  ];
  for (const [a, b] of different) it(`keeps ${a} and ${b} apart`, () => expect(skeleton(a)).not.toBe(skeleton(b)));

  it('maps to ASCII prototypes for Latin look-alikes', () => {
    expect(skeleton('аррӏе.com')).toBe('apple.com');
    expect(skeleton('micros0ft.com')).toBe(skeleton('microsoft.com'));
    expect(skeleton('example')).toBe('example');
  });
  it('handles the empty string', () => expect(skeleton('')).toBe(''));
});
