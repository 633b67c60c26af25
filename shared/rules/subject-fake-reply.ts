/**
 * The subject says "RE:" or "FW:" (返信, 転送) but the mail carries no In-Reply-To or References
 * header: it only pretends to continue a conversation — a trick to lower the reader's guard.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

const REPLY_PREFIX = /^\s*(?:\[[^\]]{0,40}\]\s*)?(re|fw|fwd|aw|wg|tr|rv|res|enc|sv|vs|antw|返信|転送|回复|答复)\s*(?:\[\d+\])?\s*[:：]/i;

export const subjectFakeReply: Rule = {
  id: 'subject-fake-reply',
  scope: 'message',
  maxSeverity: 'info',
  weight: 1,
  needs: ['headers'],
  check(msg) {
    if (msg.isMailingList || !REPLY_PREFIX.test(msg.subject.slice(0, 120))) return [];
    const snap = msg.snapshot;
    const threaded = !!snap.inReplyTo || (Array.isArray(snap.references) && snap.references.length > 0) ||
      msg.header('in-reply-to').length > 0 || msg.header('references').length > 0 || msg.header('thread-index').length > 0;
    if (threaded) return [];
    return [messageFinding(this.id, 'info', 'subject', msg.subject, { subject: msg.subject.slice(0, 60) })] as Finding[];
  },
  examples: {
    flags: [{ name: 'RE: without thread headers', snapshot: { subject: 'RE: ご請求書の件', headers: [{ name: 'Subject', value: 'RE: ご請求書の件' }] } }],
    clean: [
      { name: 'real reply', snapshot: { subject: 'Re: 会議の件', inReplyTo: '<abc@example.jp>', headers: [{ name: 'In-Reply-To', value: '<abc@example.jp>' }] } },
      { name: 'not a reply', snapshot: { subject: '会議の件', headers: [{ name: 'Subject', value: '会議の件' }] } },
    ],
  },
};
