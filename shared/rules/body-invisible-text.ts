/**
 * Many invisible characters (zero-width spaces, joiners, soft hyphens) spread through the text:
 * used to break words apart so filters miss them. Newsletters pad their preview line with a few,
 * so only a large number is noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const bodyInvisibleText: Rule = {
  id: 'body-invisible-text',
  scope: 'body',
  maxSeverity: 'info',
  weight: 1,
  check(msg) {
    if (msg.invisibleCount < 40) return [];
    return [messageFinding(this.id, 'info', 'body', 'invisible characters', { count: msg.invisibleCount })] as Finding[];
  },
  examples: {
    flags: [{ name: 'zero-width spaces between letters', snapshot: { text: 'P\u200Ba\u200Bs\u200Bs\u200Bw\u200Bo\u200Br\u200Bd '.repeat(8) } }],
    clean: [{ name: 'ordinary text', snapshot: { text: '本日の会議は中止です。' } }],
  },
};
