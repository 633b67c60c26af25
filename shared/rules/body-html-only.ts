/**
 * The mail has an HTML body and no plain-text alternative. Mail programs and most legitimate
 * bulk senders write both; hand-made phishing and spam kits often send HTML alone. Weak on its
 * own (some systems send HTML only), so it only adds half a point to other signs — and nothing
 * when the sender's own domain passed authentication: today's shops, banks and newsletters send
 * HTML alone all the time, and the difference measured on older mail does not carry over.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { fromAuthenticated, messageFinding } from './support/helpers';

export const bodyHtmlOnly: Rule = {
  id: 'body-html-only',
  scope: 'body',
  maxSeverity: 'info',
  weight: (f) => (f.params.authenticated ? 0 : 0.5),
  needs: ['headers'],
  check(msg) {
    const snap = msg.snapshot;
    // Only a parsed .eml tells whether a text part existed; webmail snapshots often have only one.
    if (snap.host !== 'eml' || msg.isMailingList) return [];
    if (typeof snap.html !== 'string' || snap.html.trim() === '' || (typeof snap.text === 'string' && snap.text.trim() !== '')) return [];
    return [messageFinding(this.id, 'info', 'body', 'text/html', fromAuthenticated(msg) ? { authenticated: 1 } : {})] as Finding[];
  },
  examples: {
    flags: [{ name: 'HTML only', snapshot: { host: 'eml', html: '<p>Click</p>', headers: [{ name: 'Content-Type', value: 'text/html' }] } }],
    clean: [
      { name: 'HTML with text alternative', snapshot: { host: 'eml', html: '<p>Hello</p>', text: 'Hello', headers: [{ name: 'Content-Type', value: 'multipart/alternative' }] } },
      { name: 'webmail snapshot', snapshot: { host: 'gmail', html: '<p>Hello</p>', headers: [{ name: 'Content-Type', value: 'text/html' }] } },
    ],
  },
};
