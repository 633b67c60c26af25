/**
 * Money and secrecy stories: changed bank details, wire transfers, gift-card purchases,
 * inheritances and "business proposals". Business e-mail compromise and advance-fee fraud use no
 * link at all; the story is the signal. Only noted: real invoices mention bank details too.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const bodyBecRequest: Rule = {
  id: 'body-bec-request',
  scope: 'body',
  maxSeverity: 'info',
  weight: 1,
  check(msg) {
    const phrase = msg.lures.subject.get('bec') ?? msg.lures.body.get('bec');
    if (!phrase) return [];
    return [messageFinding(this.id, 'info', 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'ja: 口座変更', snapshot: { subject: '振込口座変更のお願い', text: '今月より振込先が変更となりました。' } },
      { name: 'en: inheritance', snapshot: { subject: 'Business proposal', text: 'I have a business proposal regarding an inheritance of 10.5 million dollars.' } },
    ],
    clean: [{ name: 'meeting', snapshot: { subject: '会議', text: '明日の会議は10時からです。' } }],
  },
};
