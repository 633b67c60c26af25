/**
 * The link runs code or opens local programs instead of a web page: `javascript:`, `vbscript:`,
 * `data:`, and Windows protocol handlers abused in attacks (`ms-msdt:`, `search-ms:`,
 * `ms-officecmd:`). `file:` and UNC shares leak credentials or open local files.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { linkFinding } from './support/helpers';

const DANGER = new Set(['javascript:', 'vbscript:', 'data:', 'ms-msdt:', 'search-ms:', 'search:', 'ms-officecmd:', 'ms-word:', 'ms-excel:', 'ms-powerpoint:', 'ms-appinstaller:', 'jar:', 'ms-cxh:', 'ms-cxh-full:']);
const CAUTION = new Set(['file:', 'smb:', 'ms-settings:', 'intent:', 'itms-services:']);

export const linkDangerousScheme: Rule = {
  id: 'link-dangerous-scheme',
  scope: 'link',
  maxSeverity: 'danger',
  exemptTrusted: false,
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      const scheme = link.dest.scheme ?? link.url.scheme;
      if (!scheme) {
        // UNC paths (\\server\share) leak the Windows sign-in hash when opened.
        if (/^\s*\\\\[^\\]/.test(link.href)) out.push(linkFinding(this.id, 'caution', link, { scheme: 'UNC' }));
        continue;
      }
      if (DANGER.has(scheme)) out.push(linkFinding(this.id, 'danger', link, { scheme: scheme.replace(/:$/, '') }));
      // A file: path written out in a plain-text post (a log location) is not a lure.
      else if (CAUTION.has(scheme)) out.push(linkFinding(this.id, link.source === 'text' ? 'info' : 'caution', link, { scheme: scheme.replace(/:$/, '') }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'javascript: link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'javascript:alert(1)', text: '詳細', source: 'html' }] } },
      { name: 'javascript with a newline inside the scheme', snapshot: { html: '<p>x</p>', anchors: [{ href: '  java\nscript:alert(1)', text: 'open', source: 'html' }] } },
      { name: 'ms-msdt handler', snapshot: { html: '<p>x</p>', anchors: [{ href: 'ms-msdt:/id PCWDiagnostic', text: 'open', source: 'html' }] } },
    ],
    clean: [
      { name: 'https link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp/', text: '厚労省', source: 'html' }] } },
      { name: 'mailto link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'mailto:soumu@hospital.example.jp', text: '総務課', source: 'html' }] } },
    ],
  },
};
