import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../../shared/url/analyze-url';
import { linkFileName } from '../../../shared/url/file-name';

describe('linkFileName', () => {
  const table: [string, string | undefined][] = [
    ['https://evil.example/dl/invoice.exe', 'invoice.exe'],
    ['https://evil.example/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.zip?x=1#y', '請求書.zip'],
    ['https://evil.example/a/report.pdf%20%20%20%20.exe', 'report.pdf    .exe'],
    ['https://evil.example/a/%E2%80%AEfdp.exe', '\u202Efdp.exe'],
    ['https://evil.example/a/%E0%A4%A.zip', '%E0%A4%A.zip'],
    ['https://evil.example/', undefined],
    ['https://evil.example/folder/', undefined],
    ['https://evil.example', undefined],
    ['mailto:a@example.com', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
    ['https://protect-eu.mimecast.com/s/file.exe', undefined],
    [`https://www.google.com/url?q=${encodeURIComponent('https://evil.example/x/run.scr')}`, 'run.scr'],
  ];
  for (const [href, expected] of table) it(`${href.slice(0, 70)} → ${expected}`, () => expect(linkFileName(analyzeUrl(href))).toBe(expected));
});
