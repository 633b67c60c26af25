/**
 * The link downloads a program, script, shortcut or disk image directly (the file name at the
 * end of the URL). Archives and macro documents are a caution: they are how Emotet and similar
 * malware arrive when attachments are blocked.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { ARCHIVE_EXTS, MACRO_OFFICE_EXTS, extOf, isWebLink, linkFinding, runnableKind } from './support/helpers';
import { linkFileName } from '../scan/deps';

/** Extensions that appear in URLs of server programs (eBayISAPI.dll) or are not run by a click. */
const NOT_DOWNLOADS = new Set(['dll', 'ocx', 'sys', 'drv', 'url', 'com', 'desktop', 'bin', 'run', 'py', 'pyw', 'sh', 'inf', 'chm', 'hlp', 'elf', 'reg', 'website']);

export const linkExecutableDownload: Rule = {
  id: 'link-executable-download',
  scope: 'link',
  maxSeverity: 'danger',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link)) continue;
      let file: string | undefined;
      try {
        file = linkFileName(link.dest);
      } catch {
        file = undefined;
      }
      if (!file) continue;
      const ext = extOf(file);
      if (!ext) continue;
      // A written-out URL in a technical list ("get it from …/setup.exe") is milder than a
      // download hidden behind link text; on a mailing list it is only noted.
      const runnable = runnableKind(ext) && !NOT_DOWNLOADS.has(ext);
      const archive = ARCHIVE_EXTS.has(ext) || MACRO_OFFICE_EXTS.has(ext);
      if (!runnable && !archive) continue;
      let severity: 'info' | 'caution' | 'danger' = runnable ? 'danger' : 'caution';
      if (link.source === 'text') severity = runnable ? 'caution' : 'info';
      if (msg.isMailingList) severity = 'info';
      out.push(linkFinding(this.id, severity, link, { file: file.slice(0, 120) }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'exe download', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://files.example.net/download/invoice_2026.exe', text: '請求書', source: 'html' }] } },
      { name: 'zip download', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://share.example.net/d/%E8%AB%8B%E6%B1%82%E6%9B%B8.zip', text: 'Download', source: 'html' }] } },
    ],
    clean: [
      { name: 'pdf leaflet', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp/content/000123456.pdf', text: '通知（PDF）', source: 'html' }] } },
      { name: 'web page', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.example.jp/index.html', text: 'トップ', source: 'html' }] } },
    ],
  },
};
