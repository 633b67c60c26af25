/**
 * The message itself contains a form to fill in. Legitimate organisations send a link to their
 * site instead; a form inside a mail usually posts passwords or card numbers to a stranger.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const bodyHtmlForm: Rule = {
  id: 'body-html-form',
  scope: 'body',
  maxSeverity: 'caution',
  weight: 0.5,
  needs: ['body'],
  check(msg) {
    if (msg.forms.length === 0) return [];
    const action = msg.forms.find((f) => typeof f.action === 'string' && f.action)?.action ?? '';
    // Newsletters embed search and subscribe boxes; a form in a mail about accounts or
    // passwords is the phishing kind.
    const credential = msg.lures.body.has('credential-request') || msg.lures.subject.has('credential-request');
    return [messageFinding(this.id, credential ? 'caution' : 'info', 'body', action || 'form', { action: action.slice(0, 80) })] as Finding[];
  },
  examples: {
    flags: [{ name: 'login form in the mail', snapshot: { html: '<form action="https://collect.example.net/p"><input name="password" type="password"><button>送信</button></form>' } }],
    clean: [{ name: 'plain html', snapshot: { html: '<p>会議は15時からです。</p>' } }],
  },
};
