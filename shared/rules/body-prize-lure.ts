/**
 * Prize, gift and reward bait (当選, ギフト券, "you have won", Gutschein, parabéns). Newsletters
 * also talk about campaigns, so this is only noted and adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

export const bodyPrizeLure: Rule = {
  id: 'body-prize-lure',
  scope: 'body',
  maxSeverity: 'info',
  weight: (f) => (f.target.kind === 'subject' ? 1.5 : 1),
  check(msg) {
    const inSubject = msg.lures.subject.get('prize');
    const phrase = inSubject ?? msg.lures.body.get('prize');
    if (!phrase) return [];
    return [messageFinding(this.id, 'info', inSubject ? 'subject' : 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'ja: 当選', snapshot: { subject: 'ご当選のお知らせ', text: 'Amazonギフト券 5,000円分に当選しました。' } },
      { name: 'de: Gutschein', snapshot: { subject: 'Ihr Gutschein wartet', text: 'Sie wurden ausgewählt!' } },
    ],
    clean: [{ name: 'work mail', snapshot: { subject: '紹介状の件', text: '患者様の紹介状を送付いたします。' } }],
  },
};
