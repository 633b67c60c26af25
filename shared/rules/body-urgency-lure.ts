/**
 * Pressure words — 【至急】, 本日中, "within 24 hours" — and threats to the account (停止, ロック,
 * unusual sign-in, password expiry). Legitimate notices use 【重要】 too, so alone it is only noted;
 * together with a link or sender sign it adds up to a warning.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const bodyUrgencyLure: Rule = {
  id: 'body-urgency-lure',
  scope: 'body',
  maxSeverity: 'info',
  weight: 1,
  check(msg) {
    const threat = msg.lures.subject.get('account-threat') ?? msg.lures.body.get('account-threat');
    const urgency = msg.lures.subject.get('urgency') ?? msg.lures.body.get('urgency');
    const phrase = threat ?? urgency;
    if (!phrase) return [];
    const inSubject = msg.lures.subject.has('account-threat') || msg.lures.subject.has('urgency');
    return [messageFinding(this.id, 'info', inSubject ? 'subject' : 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      { name: '【至急】 in subject', snapshot: { subject: '【至急】アカウント停止のお知らせ', text: '本日中にご対応ください。' } },
      { name: 'English threat', snapshot: { subject: 'Notice', text: 'Your account has been suspended due to unusual activity.' } },
    ],
    clean: [{ name: 'calm notice', snapshot: { subject: '院内研修のご案内', text: '来月の研修日程をお知らせします。' } }],
  },
};
