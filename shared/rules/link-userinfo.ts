/**
 * The link has a user-name part before the host (`https://www.mhlw.go.jp@evil.example/`): the
 * browser goes to the part after `@`, while the reader sees a trusted name first.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding } from './support/helpers';

export const linkUserinfo: Rule = {
  id: 'link-userinfo',
  scope: 'link',
  maxSeverity: 'danger',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link)) continue;
      const info = link.url.userinfo ?? link.dest.userinfo;
      if (!info) continue;
      // A user part that reads like a host name is built to deceive; a plain user name is odd but milder.
      const looksLikeHost = /[.．。｡]/.test(info);
      // `user:password@host` written out in a technical post is an example, not a trick.
      const severity = looksLikeHost ? 'danger' : link.source === 'text' ? 'info' : 'caution';
      out.push(linkFinding(this.id, severity, link, { shown: info.slice(0, 80) }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'trusted name before @', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp@evil.example/notice', text: '厚生労働省', source: 'html' }] } },
      { name: 'fullwidth slash before @', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://accounts.google.com\uFF0F@evil.example/', text: 'Google', source: 'html' }] } },
    ],
    clean: [
      { name: 'backslash keeps the real host', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp/stf/', text: '厚生労働省', source: 'html' }] } },
    ],
  },
};
