import { describe, expect, it } from 'vitest';
import { base64Bytes, decodeHeaderText, decodeUnknown, repairEncodedWords } from '../../../shared/mail/header-text';

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** "請求書" in CP932 and in EUC-JP; "テスト" in ISO-2022-JP. */
const SJIS_SEIKYUSHO = new Uint8Array([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91]);
const EUC_SEIKYUSHO = new Uint8Array([0xc0, 0xc1, 0xb5, 0xe1, 0xbd, 0xf1]);
const JIS_TESUTO = new Uint8Array([0x1b, 0x24, 0x42, 0x25, 0x46, 0x25, 0x39, 0x25, 0x48, 0x1b, 0x28, 0x42]);

describe('decodeHeaderText', () => {
  const bytes = utf8('お知らせ');
  const table: [string, string, string][] = [
    ['plain text untouched', 'Hello =? world', 'Hello =? world'],
    ['B word', `=?UTF-8?B?${b64(utf8('重要'))}?=`, '重要'],
    ['Q word with underscores', '=?utf-8?Q?a_b=E3=81=82?=', 'a bあ'],
    ['character split across words, padded', `=?UTF-8?B?${b64(bytes.subarray(0, 4))}?= =?UTF-8?B?${b64(bytes.subarray(4))}?=`, 'お知らせ'],
    ['charset case differs between words', `=?UTF-8?B?${b64(bytes.subarray(0, 5))}?=\r\n =?utf-8?B?${b64(bytes.subarray(5))}?=`, 'お知らせ'],
    ['B and Q words mixed in one run', `=?utf-8?B?${b64(bytes.subarray(0, 2))}?= =?utf-8?Q?=${[...bytes.subarray(2)].map((b) => b.toString(16).toUpperCase()).join('=')}?=`, 'お知らせ'],
    ['missing charset, UTF-8 bytes', `=??B?${b64(utf8('テスト'))}?=`, 'テスト'],
    ['missing charset, Shift_JIS bytes', `=??B?${b64(SJIS_SEIKYUSHO)}?=`, '請求書'],
    ['unknown charset label', `=?x-unknown?B?${b64(EUC_SEIKYUSHO)}?=`, '請求書'],
    ['UTF-8 declared but Shift_JIS sent', `=?UTF-8?B?${b64(SJIS_SEIKYUSHO)}?=`, '請求書'],
    ['CP932 label', `=?CP932?B?${b64(SJIS_SEIKYUSHO)}?=`, '請求書'],
    ['ISO-2022-JP word', `=?iso-2022-jp?B?${b64(JIS_TESUTO)}?=`, 'テスト'],
    ['ISO-2022-JP subject split into several words (each ends in ASCII)', `=?ISO-2022-JP?B?${b64(JIS_TESUTO)}?=\r\n =?ISO-2022-JP?B?${b64(JIS_TESUTO)}?=`, 'テストテスト'],
    ['RFC 2231 language suffix', `=?utf-8*ja?B?${b64(utf8('日本'))}?=`, '日本'],
    ['text between words is kept', `Re: =?UTF-8?B?${b64(utf8('確認'))}?= (2) =?UTF-8?B?${b64(utf8('済'))}?=`, 'Re: 確認 (2) 済'],
    ['word glued to text', `abc=?UTF-8?B?${b64(utf8('字'))}?=def`, 'abc字def'],
    ['different charsets are decoded apart', `=?UTF-8?B?${b64(utf8('前'))}?= =?ISO-2022-JP?B?${b64(JIS_TESUTO)}?=`, '前テスト'],
    ['broken base64 does not throw', '=?UTF-8?B?***?=', ''],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => expect(decodeHeaderText(input)).toBe(expected));
  }
});

describe('repairEncodedWords', () => {
  it('rewrites each run of words as one clean UTF-8 word and keeps the rest', () => {
    const bytes = utf8('お知らせ');
    const broken = `"=?UTF-8?B?${b64(bytes.subarray(0, 4))}?= =?UTF-8?B?${b64(bytes.subarray(4))}?=" <a@example.jp>, =??B?${b64(SJIS_SEIKYUSHO)}?= <b@example.jp>`;
    const repaired = repairEncodedWords(broken);
    expect(repaired).toBe(`"=?UTF-8?B?${b64(bytes)}?=" <a@example.jp>, =?UTF-8?B?${b64(utf8('請求書'))}?= <b@example.jp>`);
    expect(decodeHeaderText(repaired)).toBe(decodeHeaderText(broken));
    expect(repairEncodedWords('no words')).toBe('no words');
  });
});

describe('decodeUnknown', () => {
  it('guesses the Japanese charset of raw bytes', () => {
    expect(decodeUnknown(SJIS_SEIKYUSHO)).toEqual({ text: '請求書', charset: 'shift_jis' });
    expect(decodeUnknown(EUC_SEIKYUSHO)).toEqual({ text: '請求書', charset: 'euc-jp' });
    expect(decodeUnknown(JIS_TESUTO)).toEqual({ text: 'テスト', charset: 'iso-2022-jp' });
    expect(decodeUnknown(utf8('ありがとう'))).toEqual({ text: 'ありがとう', charset: 'utf-8' });
  });

  it('reads isolated Latin-1 bytes as Windows-1252, not half-width katakana', () => {
    expect(decodeUnknown(new Uint8Array([0x57, 0x69, 0x6e, 0x20, 0xa3, 0x37, 0x30, 0x30]))).toEqual({ text: 'Win £700', charset: 'windows-1252' });
  });

  it('reads Portuguese and French Latin-1 as Windows-1252', () => {
    const latin1 = (text: string): Uint8Array => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    expect(decodeUnknown(latin1('Cartões de Crédito: normalização necessária')).charset).toBe('windows-1252');
    expect(decodeUnknown(latin1('je défendrai jusqu\'à ma mort')).charset).toBe('windows-1252');
  });

  it('follows a real charset hint', () => {
    expect(decodeUnknown(new Uint8Array([0xe9]), 'iso-8859-1').text).toBe('é');
  });
});

describe('base64Bytes', () => {
  it('is lenient', () => {
    expect([...base64Bytes('TV o=\r\n')]).toEqual([0x4d, 0x5a]);
    expect([...base64Bytes('TVo')]).toEqual([0x4d, 0x5a]);
    expect([...base64Bytes('T')]).toEqual([]);
  });
});
