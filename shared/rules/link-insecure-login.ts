/**
 * A sign-in or account link over plain `http:`: real services never ask for a password without
 * encryption, while quickly built phishing pages often lack a certificate.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { linkFinding } from './support/helpers';

const LOGIN_PATH = /(^|[/_.-])(log-?in|sign-?in|signon|logon|password|webmail|owa)([/_.-]|$)/i;

export const linkInsecureLogin: Rule = {
  id: 'link-insecure-login',
  scope: 'link',
  maxSeverity: 'caution',
  weight: 0.5,
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!link.dest.ok || link.dest.scheme !== 'http:' || link.dest.isPrivateIp) continue;
      const path = (link.dest.pathname ?? '').slice(0, 300);
      const loginText = /ログイン|サインイン|パスワード|log ?in|sign ?in|password/i.test(link.textNorm.slice(0, 100));
      if (!loginText && !LOGIN_PATH.test(path)) continue;
      // Old newsletters link their member pages over http; with a credential story it is a lure.
      const credential = msg.lures.body.has('credential-request') || msg.lures.subject.has('credential-request');
      out.push(linkFinding(this.id, credential ? 'caution' : 'info', link));
      break;
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
