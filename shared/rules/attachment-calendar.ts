/**
 * A calendar invitation (.ics) from outside. Invitations add entries — and their links — to the
 * calendar without the mail being opened again; only noted, as real meetings use them.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentFinding, senderIsStranger } from './support/helpers';

export const attachmentCalendar: Rule = {
  id: 'attachment-calendar',
  scope: 'attachment',
  maxSeverity: 'info',
  weight: 1,
  needs: ['attachments'],
  check(msg) {
    if (!senderIsStranger(msg)) return [];
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      if (att.ext === 'ics' || att.ext === 'vcs' || /text\/calendar/i.test(att.attachment.contentType ?? '')) out.push(attachmentFinding(this.id, 'info', att));
    }
    return out;
  },
  examples: {
    flags: [{ name: 'ics from outside', snapshot: { from: { address: 'x@unknown.example' }, attachments: [{ name: 'invite.ics', contentType: 'text/calendar' }] } }],
    clean: [{ name: 'ics from the organisation', policy: { orgDomains: ['sakura-hp.example.jp'] }, snapshot: { from: { address: 'soumu@sakura-hp.example.jp' }, attachments: [{ name: 'invite.ics' }] } }],
  },
};
