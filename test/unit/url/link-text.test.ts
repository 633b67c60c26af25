import { describe, expect, it } from 'vitest';
import { urlShownInText } from '../../../shared/url/link-text';

describe('urlShownInText', () => {
  const shows: [string, string][] = [
    ['https://www.smbc-card.com/', 'www.smbc-card.com'],
    ['www.amazon.co.jp', 'www.amazon.co.jp'],
    ['amazon.co.jp/login', 'amazon.co.jp'],
    ['amazon.co.jp', 'amazon.co.jp'],
    ['ＷＷＷ．ＡＭＡＺＯＮ．ＣＯ．ＪＰ', 'www.amazon.co.jp'],
    ['ｈｔｔｐｓ：／／www.mhlw.go.jp／', 'www.mhlw.go.jp'],
    ['<https://www.nta.go.jp/>', 'www.nta.go.jp'],
    ['「https://www.eki-net.com/」', 'www.eki-net.com'],
    ['paypal.com.', 'paypal.com'],
    ['ログインはこちら https://www.rakuten.co.jp/ から', 'www.rakuten.co.jp'],
    ['HTTP://EXAMPLE.COM', 'example.com'],
    ['192.0.2.10', '192.0.2.10'],
    ['http://192.0.2.10/login', '192.0.2.10'],
    ['www.example.zip', 'www.example.zip'],
    ['example.zip/download', 'example.zip'],
    ['example.ai', 'example.ai'],
    ['paypal.com.br', 'paypal.com.br'],
    ['www.bank-portal.example', 'www.bank-portal.example'],
    ['hospital.test', 'hospital.test'],
  ];
  const doesNot: string[] = [
    'Click here',
    'こちら',
    'file.txt',
    'report.pdf',
    'setup.zip',
    'movie.mov',
    'main.py',
    'README.md',
    'detector.sv',
    'linux-x4xx_5.10.bb',
    'info@amazon.co.jp',
    'amazon co jp',
    'version 1.5',
    '3.14',
    'localhost',
    '',
    'x'.repeat(2049) + '.com',
    'example',
    '.example',
    'ftp.invalid',
  ];
  for (const [text, host] of shows) it(`reads ${JSON.stringify(text)} as ${host}`, () => expect(urlShownInText(text)?.hostname).toBe(host));
  for (const text of doesNot) it(`does not read ${JSON.stringify(text.slice(0, 40))} as a URL`, () => expect(urlShownInText(text)).toBeUndefined());

  it('unwraps a shown wrapper URL like a link', () => {
    const shown = urlShownInText(`https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://github.com/x')}`);
    expect(shown?.destination.registrableDomain).toBe('github.com');
  });
  it('keeps tricks visible in what is shown', () => {
    expect(urlShownInText('https://accounts.google.com@evil.example/')?.hostname).toBe('evil.example');
  });
});
