/**
 * A password-protected archive (PPAP). Mail gateways and antivirus cannot look inside, which is
 * why Emotet used them and why the Cabinet Office dropped PPAP in 2020. From a stranger with the
 * password in the same mail it is danger; from the organisation or a listed partner only noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentFinding, hasTheme, senderIsStranger } from './support/helpers';

export const attachmentEncryptedArchive: Rule = {
  id: 'attachment-encrypted-archive',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    const passwordInBody = !!hasTheme(msg, 'archive-password');
    for (const att of msg.attachments) {
      if (att.attachment.encrypted !== true) continue;
      // Partners and colleagues still send PPAP; from them it is noted, from strangers it warns.
      const stranger = senderIsStranger(msg);
      const severity = !stranger ? 'info' : passwordInBody ? 'danger' : 'caution';
      out.push(attachmentFinding(this.id, severity, att));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'encrypted zip with the password in the body', snapshot: { from: { address: 'tanaka@unknown-vendor.example' }, text: '添付ファイルのパスワードは 8fK2p です。', attachments: [{ name: '請求書.zip', encrypted: true }] } },
      { name: 'encrypted zip alone', snapshot: { attachments: [{ name: 'data.zip', encrypted: true }] } },
    ],
    clean: [{ name: 'plain zip', snapshot: { attachments: [{ name: 'data.zip', innerNames: ['a.pdf'] }] } }],
  },
};
