/**
 * Topics of bulk scam mail that have nothing to do with hospital work: online casinos, dating
 * and adult offers, miracle diet and potency products, get-rich and crypto schemes, loans and
 * warranty offers. Only noted — it adds to other signs, and it never names medical topics a
 * hospital newsletter would use.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';
import { lureMatcher } from './support/lexicon';

function distinctTopicWords(text: string): number {
  const words = new Set<string>();
  for (const h of lureMatcher().find(text.slice(0, 10_000), 400)) if (h.tag === 'spam-topic') words.add(h.term);
  return words.size;
}

export const bodySpamTopic: Rule = {
  id: 'body-spam-topic',
  scope: 'body',
  maxSeverity: 'info',
  weight: 1.5,
  check(msg) {
    const phrase = msg.lures.subject.get('spam-topic') ?? msg.lures.body.get('spam-topic');
    if (!phrase) return [];
    // A discussion list may touch one such word in passing; bulk senders add list headers too,
    // so on list mail the topic must be in the subject or come up with several different words.
    if (msg.isMailingList && !msg.lures.subject.has('spam-topic') && distinctTopicWords(msg.bodyNorm) < 2) return [];
    return [messageFinding(this.id, 'info', msg.lures.subject.has('spam-topic') ? 'subject' : 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'online casino', snapshot: { subject: '100 Free Spins for you', text: 'Play at our casino today.' } },
      { name: 'ja: 副業', snapshot: { subject: '【副業】1日5分で高収入', text: 'スマホだけで不労所得。' } },
    ],
    clean: [{ name: 'hospital newsletter', snapshot: { subject: '院内報 12月号', text: '感染対策委員会からのお知らせです。' } }],
  },
};
