/**
 * Callback phishing: a fake invoice, renewal or refund with a phone number to call "if you did
 * not authorise this". There is no link to judge — the attack happens on the phone — so the
 * pattern is the whole story: a charge or renewal, the suggestion that it was not wanted (心当たり,
 * cancel, dispute), and a call-us phrase beside a phone number. A phone number alone is in nearly
 * every Japanese business signature and proves nothing; neither does an ordinary invoice.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';
import { lureMatcher } from './support/lexicon';

/** The stories callback lures tell: a charge, a renewal, a refund (lower-case, NFKC). */
const CHARGE = [
  'charged', 'auto-renewal', 'renewal', 'renewed', 'subscription', 'refund', 'purchase', 'order', 'transaction', 'debited',
  '自動更新', '引き落とし', '返金', 'ご利用料金', '決済', 'ご購入', '購入', 'サブスクリプション', '年会費', '更新料',
];

/** The hook: the charge was not wanted and a call will undo it. */
const UNWANTED = [
  'did not authorize', "didn't authorize", 'not authorize', 'did not make', "didn't make", 'if you did not', "if you didn't",
  'not you', 'cancel', 'dispute', 'unauthorized', 'fraudulent', '心当たり', '身に覚え', 'キャンセル', '解約', '取り消', '取消', '不正',
];

const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]?\d{2,4}[\s.-]?\d{3,4}/;
const TOLL_FREE = /(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}|0120[\s-]?\d{2,3}[\s-]?\d{3}/;

export const bodyCallbackLure: Rule = {
  id: 'body-callback-lure',
  scope: 'body',
  maxSeverity: 'caution',
  check(msg) {
    if (!msg.lures.body.has('callback')) return [];
    const text = msg.bodyNorm.slice(0, 10_000);
    const story = `${msg.subjectNorm} ${text}`;
    const billing = CHARGE.find((t) => story.includes(t));
    if (!billing || !UNWANTED.some((t) => text.includes(t))) return [];
    const phone = TOLL_FREE.exec(text) ?? PHONE.exec(text);
    if (!phone) return [];
    // The call-us phrase must sit next to the number, not in a footer far away.
    const near = lureMatcher()
      .find(text, 400)
      .some((h) => h.tag === 'callback' && Math.abs(h.start - phone.index) < 200);
    if (!near) return [];
    // Legitimate billing mail links to the sender's site; a callback lure wants a phone call.
    const tollFree = TOLL_FREE.test(phone[0]);
    if (!tollFree && msg.links.some((l) => l.dest.registrableDomain && msg.senderDomains.has(l.dest.registrableDomain))) return [];
    return [messageFinding(this.id, 'caution', 'body', phone[0], { phone: phone[0].trim(), phrase: billing })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'fake renewal with toll-free number', snapshot: { subject: 'Your subscription renewal invoice', text: 'Your account was charged $399.99 for auto-renewal. If you did not authorize this, call us at +1 (808) 555-0143.' } },
      { name: 'ja: 請求 + 電話', snapshot: { subject: 'ご利用料金のご請求', text: 'ご利用料金 39,800円を請求いたします。お心当たりがない場合は至急 0120-555-123 までお電話ください。' } },
    ],
    clean: [
      { name: 'signature phone number only', snapshot: { subject: '会議資料', text: '資料を送付します。\n総務課 03-1234-5678' } },
      { name: 'billing without a call lure', snapshot: { subject: '請求書送付のご案内', text: '今月分の請求書を送付します。' } },
      {
        name: 'vendor invoice with a phone number in the signature',
        snapshot: { subject: '11月分 保守契約ご請求書の送付', text: '請求書をお送りいたします。お支払いをお願いいたします。\nご不明な点がございましたら、私までご連絡ください。\n営業部 中村\nTEL 03-5802-0000  FAX 03-5802-0001' },
      },
    ],
  },
};
