/**
 * Callback phishing: a fake invoice, renewal or refund with a phone number to call "if you did
 * not authorise this". There is no link to judge — the attack happens on the phone — so the
 * pattern is the whole story: a charge or renewal, the suggestion that it was not wanted (心当たり,
 * cancel, dispute), and a call-us phrase beside a phone number. A phone number alone is in nearly
 * every Japanese business signature and proves nothing; neither does an ordinary invoice. A
 * brand's receipt for a sum with a number to call, sent from a consumer mailbox, is the same lure
 * without the words: no company sends receipts from Gmail.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { authenticatedBrand, inDomains, isConsumerMailbox, messageFinding } from './support/helpers';
import { lureMatcher } from './support/lexicon';
import { normalizeForMatch } from '../scan/term-matcher';

/** Word lists are compared with the normalised text, so they are normalised the same way. */
function normalizeAll(words: string[]): string[] {
  return words.map((w) => normalizeForMatch(w));
}

/** The stories callback lures tell: a charge, a renewal, a refund (lower-case, NFKC). */
const CHARGE = normalizeAll([
  'charged', 'auto-renewal', 'renewal', 'renewed', 'subscription', 'refund', 'purchase', 'order', 'transaction', 'debited',
  'payment', 'invoice', 'receipt', '請求', '自動更新', '引き落とし', '返金', 'ご利用料金', '決済', 'ご購入', '購入', 'サブスクリプション', '年会費', '更新料',
  'compra', 'transação', 'cobrança', 'abbuchung', 'prélèvement',
]);

/** The hook: the charge was not wanted and a call will undo it. */
const UNWANTED = normalizeAll([
  'did not authorize', "didn't authorize", 'not authorize', 'did not make', "didn't make", 'if you did not', "if you didn't",
  'not you', 'cancel', 'dispute', 'unauthorized', 'fraudulent', '心当たり', '身に覚え', 'キャンセル', '解約', '取り消', '取消', '不正',
  'não reconhe', 'cancelar',
]);

/** A sum of money as receipts write it: $490.15, US$ 1,200, R$1.499,99, 39,800円, ¥39,800. */
const AMOUNT = /(?:us\$|r\$|\$|€|£|¥|￥)\s?\d[\d,.]*|\d[\d,.]*\s?(?:円|usd|eur|dollars)/;

/** The numbered document a fake receipt quotes (Invoice No, Transaction ID, 注文番号). */
const RECEIPT_NUMBER = /(?:invoice|order|transaction|receipt|ticket)\s?(?:no\b|id\b|number|#)|注文番号|請求番号|取引番号|伝票番号|受付番号/;

/** A phone symbol or call word right before the number (📞 (888) 896 9562, Call: +1 …). */
const CALL_CUE = /(?:📞|☎|☏|call|phone|ligue|お電話|電話番号)[^\d\n]{0,12}$/;

const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]?\d{2,4}[\s.-]?\d{3,4}/;
const TOLL_FREE = /(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}|0120[\s-]?\d{2,3}[\s-]?\d{3}/;
const PHONE_ALL = new RegExp(PHONE.source, 'g');
const TOLL_FREE_ALL = new RegExp(TOLL_FREE.source, 'g');

export const bodyCallbackLure: Rule = {
  id: 'body-callback-lure',
  scope: 'body',
  maxSeverity: 'caution',
  check(msg) {
    if (!msg.lures.body.has('callback') && !isConsumerMailbox(msg.from)) return [];
    const text = msg.bodyNorm.slice(0, 10_000);
    const story = `${msg.subjectNorm} ${text}`;
    const billing = CHARGE.find((t) => story.includes(t));
    if (!billing) return [];
    // A brand's own authenticated mail naming its customer centre is how real billing notices end.
    const unwanted = UNWANTED.some((t) => text.includes(t)) && !authenticatedBrand(msg);
    // A brand's receipt for a sum from a consumer mailbox: no company sends its receipts from
    // one, so the "unexpected charge" needs no words — only a number to call.
    const brandReceipt = !unwanted && isConsumerMailbox(msg.from) && AMOUNT.test(story) && RECEIPT_NUMBER.test(story) &&
      [...msg.brands.displayName, ...msg.brands.subject, ...msg.brands.body].some((m) => m.brand.domains.length > 0 && !inDomains(msg.from?.domain, m.brand.domains));
    if (!unwanted && !brandReceipt) return [];
    const calls = lureMatcher().find(text, 400).filter((h) => h.tag === 'callback').map((h) => h.start);
    // The first number (toll-free first) must be the one to call; a receipt's own numbers
    // (transaction ids) may come before the phone, so there every number is tried.
    let phone: RegExpExecArray | undefined = unwanted ? (TOLL_FREE.exec(text) ?? PHONE.exec(text) ?? undefined) : undefined;
    if (phone && !calls.some((c) => Math.abs(c - phone!.index) < 200)) phone = undefined;
    for (const re of brandReceipt ? [TOLL_FREE_ALL, PHONE_ALL] : []) {
      re.lastIndex = 0;
      for (let i = 0, m = re.exec(text); m && i < 30; i++, m = re.exec(text)) {
        const at = m.index;
        // The call-us phrase must sit next to the number, not in a footer far away.
        const near = calls.some((c) => Math.abs(c - at) < 200) || (brandReceipt && CALL_CUE.test(text.slice(Math.max(0, at - 30), at)));
        if (near) {
          phone = m;
          break;
        }
      }
      if (phone) break;
    }
    if (!phone) return [];
    // Legitimate billing mail links to the sender's site; a callback lure wants a phone call.
    const tollFree = TOLL_FREE.test(phone[0]);
    if (!tollFree && msg.links.some((l) => l.dest.registrableDomain && msg.senderDomains.has(l.dest.registrableDomain))) return [];
    return [messageFinding(this.id, 'caution', 'body', phone[0], { phone: phone[0].trim(), phrase: billing })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'fake renewal with toll-free number', snapshot: { subject: 'Your subscription renewal invoice', text: 'Your account was charged $399.99 for auto-renewal. If you did not authorize this, call us at +1 (808) 555-0143.' } },
      {
        name: 'a PayPal receipt from Gmail with a number to call',
        snapshot: { from: { address: 'billing.desk.2291@gmail.com' }, subject: 'Your payment is processed', text: 'PayPal Payment Notification\nTransaction ID: 12434-1183\nPayment Amount: $3891 USD\nFor any questions about your invoice, please contact us:\n📞 (828)-582-4130' },
      },
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
