/**
 * The recipient's own mail address is used in the subject or as the greeting ("phishing@pot,
 * your mailbox…", 「hanako@…様」): bulk phishing knows the address but not the person's name.
 * Footers ("this mail was sent to …") are not counted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const recipientAddressInText: Rule = {
  id: 'recipient-address-in-text',
  scope: 'message',
  maxSeverity: 'info',
  weight: 1.5,
  check(msg) {
    const addrs = msg.recipients.map((r) => r.address).filter((a) => a.includes('@') && a.length >= 5).slice(0, 5);
    if (addrs.length === 0) return [];
    const subject = msg.subject.toLowerCase();
    // Only the greeting line: quoted headers ("On …, <addr> wrote:") sit just below it.
    const firstLine = msg.bodyText.trimStart().slice(0, 160).split(/\r?\n/, 1)[0]!.toLowerCase();
    const opening = /wrote|schrieb|a écrit|escreveu|書きました|<|>|^(to|cc|from|an|para|宛先)\s*[:：]/.test(firstLine) ? '' : firstLine;
    for (const a of addrs) {
      if (subject.includes(a)) return [messageFinding(this.id, 'info', 'subject', a, { address: a })] as Finding[];
      if (!msg.isMailingList && opening.includes(a)) return [messageFinding(this.id, 'info', 'body', a, { address: a })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [{ name: 'address in subject', snapshot: { to: [{ address: 'hanako@sakura-hp.example.jp' }], subject: 'hanako@sakura-hp.example.jp: メールボックスの容量が上限に達しました' } }],
    clean: [{ name: 'name in subject', snapshot: { to: [{ address: 'hanako@sakura-hp.example.jp' }], subject: '花子さんへ 会議の件' } }],
  },
};
