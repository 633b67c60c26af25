/**
 * The mail asks for a password, PIN, card number or an identity check and offers a way to give
 * it (a link to a domain that is not the sender's own, or a form). Real services ask people to go
 * to their site themselves; they do not collect these through mail.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkToSender, messageFinding } from './support/helpers';

export const bodyCredentialRequest: Rule = {
  id: 'body-credential-request',
  scope: 'body',
  maxSeverity: 'caution',
  check(msg) {
    const phrase = msg.lures.body.get('credential-request') ?? msg.lures.subject.get('credential-request');
    if (!phrase) return [];
    const strangerLink = msg.links.some((l) => isWebLink(l) && l.source !== 'text' && !linkToSender(msg, l) && l.trust === 'other');
    if (!strangerLink && msg.forms.length === 0) return [];
    return [messageFinding(this.id, 'caution', 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      {
        name: 'ja: card number via link',
        snapshot: { from: { address: 'info@card-notice.example' }, text: 'ご登録情報の確認のため、カード番号とセキュリティコードを入力してください。', html: '<p>x</p>', anchors: [{ href: 'https://card-check.example.net/', text: 'こちら', source: 'html' }] },
      },
      {
        name: 'en: verify identity via link',
        snapshot: { from: { address: 'info@notice.example' }, text: 'Please verify your identity to avoid suspension.', html: '<p>x</p>', anchors: [{ href: 'https://id-check.example.net/', text: 'here', source: 'html' }] },
      },
    ],
    clean: [
      { name: 'no link', snapshot: { text: '本人確認書類を窓口へお持ちください。' } },
      { name: 'link to the sender', snapshot: { from: { address: 'no-reply@service.example.jp' }, text: 'ご登録情報の確認をお願いします。', html: '<p>x</p>', anchors: [{ href: 'https://www.service.example.jp/mypage', text: 'マイページ', source: 'html' }] } },
    ],
  },
};
