/**
 * A mail attached inside the mail (.eml, .msg). Forwarding as attachment is legitimate, but it
 * is also used to get a phishing message past filters that only read the outer one; noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentFinding, senderIsStranger } from './support/helpers';

export const attachmentAttachedMessage: Rule = {
  id: 'attachment-attached-message',
  scope: 'attachment',
  maxSeverity: 'info',
  weight: 1,
  needs: ['attachments'],
  check(msg) {
    if (!senderIsStranger(msg)) return [];
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      if (att.ext === 'eml' || att.ext === 'msg' || /message\/rfc822/i.test(att.attachment.contentType ?? '')) out.push(attachmentFinding(this.id, 'info', att));
    }
    return out;
  },
  examples: {
    flags: [{ name: 'eml attached', snapshot: { from: { address: 'x@unknown.example' }, attachments: [{ name: 'message.eml', contentType: 'message/rfc822' }] } }],
    clean: [{ name: 'pdf attached', snapshot: { from: { address: 'x@unknown.example' }, attachments: [{ name: 'message.pdf' }] } }],
  },
};
