import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../../shared/url/analyze-url';
import { classifyHosting, freeHostingKind, isKnownRedirector, isShortener, redirectorKind, shortenerInfo } from '../../../shared/url/lists';

describe('isShortener', () => {
  const flags = ['bit.ly', 'tinyurl.com', 't.co', 'is.gd', 'ow.ly', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'x.gd', 't.ly', 'shorturl.at', 'rb.gy', 'tiny.cc', 'lnkd.in', 'goo.gl', 's.id', 'v.gd', 'bit.do', 'qr.ae', 'BIT.LY.', 'www.bit.ly'];
  const clean = ['bitly.example', 'example.com', 'notbit.ly', 'amazon.co.jp', 'ly'];
  for (const h of flags) it(`flags ${h}`, () => expect(isShortener(h)).toBe(true));
  for (const h of clean) it(`does not flag ${h}`, () => expect(isShortener(h)).toBe(false));
  it('marks brand-owned shorteners with their brand', () => {
    expect(shortenerInfo('amzn.to')).toEqual({ domain: 'amzn.to', brand: 'amazon' });
    expect(shortenerInfo('aka.ms')?.brand).toBe('microsoft');
    expect(shortenerInfo('youtu.be')?.brand).toBe('google');
    expect(shortenerInfo('bit.ly')?.brand).toBeUndefined();
    expect(isShortener('amzn.to')).toBe(true);
  });
});

describe('freeHostingKind', () => {
  const flags: [string, string][] = [
    ['https://login-secure.firebaseapp.com/', 'free-hosting'],
    ['https://x.web.app/', 'free-hosting'],
    ['https://a.netlify.app/', 'free-hosting'],
    ['https://a.pages.dev/', 'free-hosting'],
    ['https://a.workers.dev/', 'free-hosting'],
    ['https://user.github.io/page', 'free-hosting'],
    ['https://site.wixsite.com/x', 'free-hosting'],
    ['https://a.000webhostapp.com/', 'free-hosting'],
    ['https://sites.google.com/view/x', 'free-hosting'],
    ['https://a.ngrok-free.app/', 'free-hosting'],
    ['https://us-central1-statement-882fd.cloudfunctions.net/statement', 'free-hosting'],
    ['https://login-abc123-uc.a.run.app/', 'free-hosting'],
    ['https://storage.googleapis.com/bucket/index.html', 'cloud-storage'],
    ['https://acct.blob.core.windows.net/c/index.html', 'cloud-storage'],
    ['https://acct.z13.web.core.windows.net/', 'cloud-storage'],
    ['https://pub-123.r2.dev/x.html', 'cloud-storage'],
    ['https://bucket.s3.amazonaws.com/x.html', 'cloud-storage'],
    ['https://bucket.s3.ap-northeast-1.amazonaws.com/x.html', 'cloud-storage'],
    ['https://s3-eu-west-1.amazonaws.com/bucket/x.html', 'cloud-storage'],
    ['https://ipfs.io/ipfs/bafy123', 'ipfs'],
    ['https://bafy123.ipfs.dweb.link/', 'ipfs'],
    ['https://gateway.example.net/ipfs/Qm123/login.html', 'ipfs'],
    ['https://docs.google.com/forms/d/e/abc/viewform', 'form'],
    ['https://forms.gle/abc', 'form'],
    ['https://forms.office.com/r/abc', 'form'],
    ['https://docs.google.com/document/d/abc/edit', 'file-sharing'],
    ['https://1drv.ms/u/s!abc', 'file-sharing'],
    ['https://contoso-my.sharepoint.com/:b:/g/personal/x', 'file-sharing'],
    ['https://www.dropbox.com/s/abc/file.pdf', 'file-sharing'],
    ['https://we.tl/t-abc', 'file-sharing'],
  ];
  const clean = ['https://www.mhlw.go.jp/', 'https://example.com/ipfsnotes', 'https://github.com/org/repo', 'https://www.google.com/', 'https://aws.amazon.com/s3/'];
  for (const [href, kind] of flags) it(`${href} → ${kind}`, () => expect(freeHostingKind(analyzeUrl(href))).toBe(kind));
  for (const href of clean) it(`does not flag ${href}`, () => expect(freeHostingKind(analyzeUrl(href))).toBeUndefined());
  it('accepts bare hostnames (not path-aware)', () => {
    expect(freeHostingKind('evil.glitch.me')).toBe('free-hosting');
    expect(freeHostingKind('example.jp')).toBeUndefined();
  });
  it('says which services legitimate mail links to often', () => {
    expect(classifyHosting('user.github.io')?.commonInLegitMail).toBe(true);
    expect(classifyHosting('x.firebaseapp.com')?.commonInLegitMail).toBe(false);
  });
  it('judges the unwrapped destination', () => {
    const a = analyzeUrl(`https://www.google.com/url?q=${encodeURIComponent('https://x.web.app/')}`);
    expect(freeHostingKind(a)).toBe('free-hosting');
  });
});

describe('Google AMP viewer', () => {
  it('unwraps /amp/s/<host> to https://<host>', () => {
    const a = analyzeUrl('https://www.google.com/amp/s/landing.example.net/jp/login?x=1');
    expect(a.wrappers).toContain('google-amp');
    expect(a.destination.hostname).toBe('landing.example.net');
    expect(a.destination.scheme).toBe('https:');
  });
  it('unwraps /amp/<host> to http://<host>', () => {
    const a = analyzeUrl('https://www.google.co.uk/amp/landing.example.net/x');
    expect(a.destination.hostname).toBe('landing.example.net');
    expect(a.destination.scheme).toBe('http:');
  });
  it('leaves AMP paths without a host and other sites alone', () => {
    expect(analyzeUrl('https://www.google.com/amp/').wrappers).toEqual([]);
    expect(analyzeUrl('https://news.example.com/amp/s/other.example/x').wrappers).toEqual([]);
  });
});

describe('isKnownRedirector', () => {
  const flags: [string, string][] = [
    [`https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://example.com/')}`, 'wrapper'],
    ['https://protect-us.mimecast.com/s/abc', 'wrapper'],
    [`https://www.google.com/url?q=${encodeURIComponent('https://example.com/')}`, 'open-redirect'],
    [`https://l.facebook.com/l.php?u=${encodeURIComponent('https://example.com/')}`, 'open-redirect'],
    ['https://l.facebook.com/l.php', 'wrapper'],
    ['https://www.google.co.jp/amp/s/landing.example.net/jp/login', 'open-redirect'],
    ['https://u123.ct.sendgrid.net/ls/click?upn=abc', 'click-tracker'],
    ['https://example.us1.list-manage.com/track/click?u=1', 'click-tracker'],
  ];
  const clean = ['https://www.google.com/search?q=x', 'https://www.youtube.com/watch?v=1', 'https://example.com/', 'mailto:a@example.com', 'not a url'];
  for (const [href, kind] of flags) it(`${href.slice(0, 60)} → ${kind}`, () => {
    const a = analyzeUrl(href);
    expect(redirectorKind(a)).toBe(kind);
    expect(isKnownRedirector(a)).toBe(true);
  });
  for (const href of clean) it(`does not flag ${href}`, () => expect(isKnownRedirector(analyzeUrl(href))).toBe(false));
});
