/**
 * The From field has no usable address — empty, several names and addresses run together, or
 * a "domain" without a dot. Real mail systems write one valid address; broken ones are built by
 * hand to confuse mail apps. With links or attachments to open it is a caution; otherwise noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const senderAddressMalformed: Rule = {
  id: 'sender-address-malformed',
  scope: 'sender',
  maxSeverity: 'caution',
  weight: 2,
  needs: ['headers'],
  check(msg) {
    const from = msg.from;
    const raw = msg.header('from');
    if (raw.length > 1) return [messageFinding(this.id, 'info', 'header', 'From', { address: raw.join(' / ').slice(0, 80) })] as Finding[];
    if (!from || !from.address || from.malformed) {
      // With something to click or open, a sender that cannot be written back to is a warning.
      const actionable = msg.attachments.length > 0 || msg.links.some((l) => l.dest.scheme === 'https:' || l.dest.scheme === 'http:');
      return [messageFinding(this.id, actionable ? 'caution' : 'info', 'header', 'From', { address: (from?.address || raw[0] || '').slice(0, 80) })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      { name: 'empty address', snapshot: { from: { name: 'FedEx', address: '' }, headers: [{ name: 'From', value: 'FedEx <>' }] } },
      { name: 'domain without a dot', snapshot: { from: { name: 'Correios', address: 'atendimento@correios' }, headers: [{ name: 'From', value: 'Correios <atendimento@correios>' }] } },
    ],
    clean: [{ name: 'normal address', snapshot: { from: { name: '山田', address: 'yamada@example.jp' }, headers: [{ name: 'From', value: '山田 <yamada@example.jp>' }] } }],
  },
};
