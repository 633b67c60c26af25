/**
 * The body gives the password for an attached archive (PPAP in one mail). Gateways cannot scan
 * the archive, and whoever sent the mail also holds the key, so the password protects nothing.
 * Without an archive (the second PPAP mail) it is only noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { ARCHIVE_EXTS, messageFinding, senderIsStranger } from './support/helpers';

export const bodyArchivePassword: Rule = {
  id: 'body-archive-password',
  scope: 'body',
  maxSeverity: 'caution',
  weight: 0.5,
  check(msg) {
    const phrase = msg.lures.body.get('archive-password');
    if (!phrase) return [];
    const archive = msg.attachments.some((a) => a.attachment.encrypted === true || ARCHIVE_EXTS.has(a.ext));
    if (archive) return [messageFinding(this.id, senderIsStranger(msg) ? 'caution' : 'info', 'body', phrase, { phrase })] as Finding[];
    // Without any attachment the phrase is common in ordinary text ("password:" in IT notes).
    if (/zip|解凍|添付|attach|archive/i.test(msg.bodyNorm.slice(0, 3_000))) return [messageFinding(this.id, 'info', 'body', phrase, { phrase })] as Finding[];
    return [];
  },
  examples: {
    flags: [
      { name: 'password with the zip', snapshot: { text: '解凍パスワードは Xy7pQ2 です。', attachments: [{ name: '請求書.zip', encrypted: true }] } },
      { name: 'second PPAP mail', snapshot: { subject: 'パスワード送付', text: '先ほどお送りした添付ファイルのパスワードをお送りします。パスワード：Ab12Cd' } },
    ],
    clean: [{ name: 'no password', snapshot: { text: '資料を添付します。', attachments: [{ name: '資料.zip' }] } }],
  },
};
