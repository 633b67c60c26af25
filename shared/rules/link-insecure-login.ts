/**
 * A sign-in or account link over plain `http:`: real services never ask for a password without
 * encryption, while quickly built phishing pages often lack a certificate.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { linkFinding } from './support/helpers';

const LOGIN_PATH = /(^|[/_.-])(log-?in|sign-?in|signon|logon|auth|account|verify|password|webmail|owa|secure)([/_.-]|$)/i;

export const linkInsecureLogin: Rule = {
  id: 'link-insecure-login',
  scope: 'link',
  maxSeverity: 'caution',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!link.dest.ok || link.dest.scheme !== 'http:' || link.dest.isPrivateIp) continue;
      const path = (link.dest.pathname ?? '').slice(0, 300);
      const loginText = /ログイン|サインイン|パスワード|log ?in|sign ?in|password|verify/i.test(link.textNorm.slice(0, 100));
      if (loginText || LOGIN_PATH.test(path)) {
        out.push(linkFinding(this.id, 'caution', link));
        break;
      }
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'http login page', snapshot: { html: '<p>x</p>', anchors: [{ href: 'http://portal.example.net/login', text: 'ログイン', source: 'html' }] } },
    ],
    clean: [
      { name: 'https login page', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://portal.example.net/login', text: 'ログイン', source: 'html' }] } },
      { name: 'http news page', snapshot: { html: '<p>x</p>', anchors: [{ href: 'http://www.example.jp/news/2026.html', text: 'ニュース', source: 'html' }] } },
    ],
  },
};
