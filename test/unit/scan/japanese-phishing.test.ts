/**
 * Japanese brand phishing as it arrives (card companies, railways, carriers, public bodies,
 * banks, payment apps): each synthetic message must be danger, with the brand claim explained.
 * Senders pass SPF/DKIM for their own throw-away domains, as real ones do.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import type { MailSnapshot } from '../../../shared/model';

const AR = (d: string) => [{ name: 'Authentication-Results', value: `mx.example.jp; spf=pass smtp.mailfrom=${d}; dkim=pass header.d=${d}; dmarc=pass header.from=${d}` }];
const mail = (name: string | undefined, address: string, subject: string, body: string, href: string, text: string): MailSnapshot => ({
  host: 'eml',
  from: { name, address },
  subject,
  html: `<p>${body}</p>`,
  headers: AR(address.split('@')[1]!),
  anchors: [{ href, text, source: 'html' }],
});

const CASES: [string, MailSnapshot][] = [
  ['ETC利用照会サービス', mail('ETC利用照会サービス', 'info@etc-meisai.abcde.example.cn', '【ETC利用照会サービス】退会予告のお知らせ', 'ご登録情報に不備があり、本日中にご確認いただけない場合、サービスを停止いたします。', 'https://etc-meisai.abcde.example.cn/login', 'ログインはこちら')],
  ['ヤマト運輸 (brand only in the subject and link)', mail(undefined, 'info@qwerty-notice.example.com', '【ヤマト運輸】お荷物お届けのお知らせ', 'お荷物のお届けにあがりましたが、宛先不明のため持ち帰りました。', 'https://yamato-hd.qwerty-notice.example.com/track', '配送状況を確認する')],
  ['国税庁', mail('国税庁', 'nta@mail.zeimu-info.example.top', '【国税庁】未納税金のお知らせ（最終通知）', '未納の税金があります。期限までにお支払いがない場合、差押えを行います。', 'https://nta-go-jp.zeimu-info.example.top/pay', 'お支払い手続きへ')],
  ['Amazon', mail('Amazon.co.jp', 'account@amazon-jp-prime.example.com', 'Amazonプライム会員の自動更新に失敗しました', 'お支払い方法に問題があるため更新できませんでした。お支払い情報を更新してください。', 'https://amazon-jp-prime.example.com/ap/signin', 'お支払い情報を更新')],
  ['三菱UFJ銀行', mail('三菱UFJ銀行', 'bk@mufg-secure-notice.example.xyz', '【重要】お取引目的等のご確認のお願い', 'ご回答いただけない場合、口座のお取引を制限させていただきます。', 'https://mufg-secure-notice.example.xyz/', '回答する')],
  ['PayPay', mail('PayPay', 'no-reply@paypay-campaign.example.shop', 'PayPayポイント 5,000円分 当選のお知らせ', 'おめでとうございます。キャンペーンに当選しました。受け取り期限は本日中です。', 'https://paypay-campaign.example.shop/get', 'ポイントを受け取る')],
  ['えきねっと', mail('えきねっと', 'info@eki-net-info.example.net', '【えきねっと】アカウントの有効期限のお知らせ', 'ログインがない場合、アカウントを削除します。', 'https://eki-net-info.example.net/login', 'えきねっとにログイン')],
];

describe('Japanese brand phishing', () => {
  it.each(CASES)('%s is danger', (_name, snapshot) => {
    const v = scanMessage(snapshot);
    expect(v.level, JSON.stringify(v.findings.map((f) => [f.rule, f.severity]))).toBe('danger');
    expect(v.findings.some((f) => /brand|lookalike/.test(f.rule))).toBe(true);
  });
});
