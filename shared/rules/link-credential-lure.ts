/**
 * A link whose text asks the reader to sign in, verify or update (ログイン, 本人確認, Verify)
 * in a message that talks about a suspended account, a password or payment details, and that goes
 * to a domain which is not the sender's own. This is the shape of almost every credential
 * phishing mail.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { hasTheme, isWebLink, linkFinding, linkToSender } from './support/helpers';

export const linkCredentialLure: Rule = {
  id: 'link-credential-lure',
  scope: 'link',
  maxSeverity: 'caution',
  needs: ['links'],
  check(msg) {
    const theme = hasTheme(msg, 'credential-request') ?? hasTheme(msg, 'account-threat');
    if (!theme) return [];
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!link.action || !isWebLink(link) || linkToSender(msg, link)) continue;
      out.push(linkFinding(this.id, 'caution', link, { text: link.text.slice(0, 60), phrase: theme }));
      break;
    }
    return out;
  },
  examples: {
    flags: [
      {
        name: 'ja: account suspended, log in here',
        snapshot: { from: { address: 'support@card-info.example' }, text: 'お客様のアカウントを一時停止しました。本人確認のため下記よりログインしてください。', html: '<p>x</p>', anchors: [{ href: 'https://secure-check.example.net/login', text: 'ログインする', source: 'html' }] },
      },
      {
        name: 'en: verify your account',
        snapshot: { from: { address: 'no-reply@mail-service.example' }, text: 'Unusual sign-in activity. Please verify your account within 24 hours.', html: '<p>x</p>', anchors: [{ href: 'https://verify.example.org/x', text: 'Verify now', source: 'html' }] },
      },
    ],
    clean: [
      {
        name: 'password reset link to the sender’s own domain',
        snapshot: { from: { address: 'no-reply@service.example.jp' }, text: 'パスワードの再設定はこちらから行えます。', html: '<p>x</p>', anchors: [{ href: 'https://www.service.example.jp/reset', text: 'パスワードを再設定する', source: 'html' }] },
      },
      {
        name: 'newsletter link without a credential theme',
        snapshot: { from: { address: 'news@society.example.jp' }, text: '第12回学会のご案内です。', html: '<p>x</p>', anchors: [{ href: 'https://event.example.org/', text: '詳細を確認', source: 'html' }] },
      },
    ],
  },
};
