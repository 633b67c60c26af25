/**
 * Legitimate mail must not warn: Japanese hospital mail, partners, newsletters, a technical
 * mailing list with private IPs, shorteners and Reply-To rewriting, delivery reports, and the
 * clean .eml samples. Any caution or danger here is a false alarm to fix in the rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { parseEml } from '../../../shared/mail/index';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailSnapshot } from '../../../shared/model';

const HOSPITAL: Policy = { ...DEFAULT_POLICY, orgName: 'さくら総合病院', orgDomains: ['sakura-hp.example.jp'], partnerDomains: ['midori-clinic.example.jp'] };
const AR = (d: string) => ({ name: 'Authentication-Results', value: `mx.sakura-hp.example.jp; spf=pass smtp.mailfrom=${d}; dkim=pass header.d=${d}; dmarc=pass header.from=${d}` });

const CLEAN: [string, MailSnapshot][] = [
  ['internal notice with 【重要】', {
    host: 'eml', from: { name: '情報システム課', address: 'it@sakura-hp.example.jp' }, subject: '【重要】電子カルテ システム停止のお知らせ',
    text: '12月5日 22時から翌6時まで、電子カルテのメンテナンスのため停止します。ご協力をお願いします。', headers: [AR('sakura-hp.example.jp')],
  }],
  ['partner referral with PDF', {
    host: 'eml', from: { name: 'みどりクリニック 田中', address: 'tanaka@midori-clinic.example.jp' }, subject: '紹介状の送付',
    text: '患者様の紹介状を送付いたします。', attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }], headers: [AR('midori-clinic.example.jp')],
  }],
  ['partner sends a zip (PPAP they still use)', {
    host: 'eml', from: { name: '検査センター', address: 'kensa@midori-clinic.example.jp' }, subject: '検査結果送付',
    text: '検査結果を送付します。パスワードは別途お送りします。', attachments: [{ name: '検査結果.zip', encrypted: true }], headers: [AR('midori-clinic.example.jp')],
  }],
  ['newsletter with trackers and unsubscribe', {
    host: 'eml', from: { name: '医療情報ニュース', address: 'news@mail.iryo-news.example.com' }, subject: '今週の医療ニュース：診療報酬改定の動き',
    html: '<p>今週の注目記事</p>', headers: [AR('mail.iryo-news.example.com'), { name: 'List-Unsubscribe', value: '<https://click.iryo-news.example.com/u?x=1>' }],
    text: '今週の注目記事',
    anchors: [
      { href: 'https://click.iryo-news.example.com/t/1', text: '診療報酬改定、来年度の焦点は', source: 'html' },
      { href: 'https://click.iryo-news.example.com/u?e=hanako@sakura-hp.example.jp', text: '配信停止', source: 'html' },
    ],
    to: [{ address: 'hanako@sakura-hp.example.jp' }],
  }],
  ['English newsletter that mentions brands in headlines', {
    host: 'eml', from: { name: 'Health IT Weekly', address: 'editor@healthit-weekly.example.com' }, subject: 'Microsoft and Google expand hospital cloud offerings',
    html: '<p>This week</p>', text: 'This week in health IT: cloud contracts, a new interoperability guideline for regional hospital networks, and what the revised privacy rules mean for patient portals.', headers: [AR('healthit-weekly.example.com')],
    anchors: [{ href: 'https://healthit-weekly.example.com/2026/11/cloud', text: 'Microsoft and Google expand their hospital cloud offerings in Japan', source: 'html' }],
  }],
  ['mailing list: private IP, shortener, Reply-To to the list', {
    host: 'eml', from: { name: 'Kenji Ito', address: 'kenji.ito@univ.example.ac.jp' }, subject: '[medinfo] Re: viewer update',
    replyTo: [{ address: 'medinfo@lists.example.org' }], inReplyTo: '<a@b>', references: ['<a@b>'],
    text: 'The device answers at http://192.168.10.20/ again. Notes: https://bit.ly/3xYzAbc\nPassword: see the wiki.',
    headers: [{ name: 'List-Id', value: '<medinfo.lists.example.org>' }, { name: 'Reply-To', value: 'medinfo@lists.example.org' }, { name: 'In-Reply-To', value: '<a@b>' }],
  }],
  ['mailing list post whose DMARC fails because the list re-sent it', {
    host: 'eml', from: { name: 'Alice', address: 'alice@strict-dmarc.example.com' }, subject: '[users] build question',
    text: 'Has anyone built this on ARM?', headers: [{ name: 'List-Id', value: '<users.lists.example.org>' }, { name: 'Authentication-Results', value: 'mx.example.net; spf=fail smtp.mailfrom=strict-dmarc.example.com; dkim=fail; dmarc=fail header.from=strict-dmarc.example.com' }],
  }],
  ['delivery status report', {
    host: 'eml', from: { name: 'Mail Delivery System', address: 'MAILER-DAEMON@mx.sakura-hp.example.jp' }, subject: 'Undelivered Mail Returned to Sender',
    text: 'This is the mail system at host mx.sakura-hp.example.jp. Your message could not be delivered.', attachments: [{ name: 'message.eml', contentType: 'message/rfc822' }],
    headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
  }],
  ['password reset from the service itself', {
    host: 'eml', from: { name: 'e-Learning', address: 'no-reply@elearning.example.co.jp' }, subject: 'パスワード再設定のご案内',
    html: '<p>パスワードの再設定はこちらから行えます。</p>', headers: [AR('elearning.example.co.jp')],
    anchors: [{ href: 'https://www.elearning.example.co.jp/reset?t=abc', text: 'パスワードを再設定する', source: 'html' }],
  }],
  ['real reply in a thread', {
    host: 'eml', from: { name: '佐藤', address: 'sato@sakura-hp.example.jp' }, subject: 'Re: 当直表について', inReplyTo: '<x@sakura-hp.example.jp>',
    text: '承知しました。', headers: [{ name: 'In-Reply-To', value: '<x@sakura-hp.example.jp>' }, AR('sakura-hp.example.jp')],
  }],
  ['society invitation with a calendar file from a partner', {
    host: 'eml', from: { address: 'renkei@midori-clinic.example.jp' }, subject: '連携会議のご案内', text: '来月の連携会議の招待状です。',
    attachments: [{ name: 'invite.ics', contentType: 'text/calendar' }], headers: [AR('midori-clinic.example.jp')],
  }],
  ['SharePoint sharing notification (short HTML only)', {
    host: 'eml', from: { name: '山田 太郎 (SharePoint Online)', address: 'no-reply@sharepointonline.com' }, subject: '山田 太郎 さんがファイル「勤務表12月.xlsx」を共有しました',
    html: '<p>山田 太郎 さんがファイルを共有しました。</p>', headers: [AR('sharepointonline.com')],
    anchors: [{ href: 'https://sakurahp.sharepoint.com/:x:/s/kango/EAbc123', text: '開く', source: 'html' }],
  }],
  ['Amazon order confirmation from amazon.co.jp', {
    host: 'eml', from: { name: 'Amazon.co.jp', address: 'auto-confirm@amazon.co.jp' }, subject: 'Amazon.co.jp ご注文の確認',
    html: '<p>ご注文ありがとうございます。</p>', headers: [AR('amazon.co.jp')],
    anchors: [{ href: 'https://www.amazon.co.jp/gp/css/order-details?orderID=503-1234567-7654321', text: '注文を表示', source: 'html' }],
  }],
  ['Japanese shop newsletter, HTML only, with a campaign', {
    host: 'eml', from: { name: '医療用品ショップ', address: 'news@iryou-shop.example.co.jp' }, subject: '【冬のキャンペーン】ポイント2倍のお知らせ',
    html: '<p>冬のキャンペーンを開催中です。対象商品のご購入でポイントが2倍になります。マスク、グローブ、消毒用品など院内で使う消耗品をまとめてお得にご購入いただけます。</p>',
    headers: [AR('iryou-shop.example.co.jp'), { name: 'List-Unsubscribe', value: '<https://iryou-shop.example.co.jp/unsub>' }],
    anchors: [
      { href: 'https://iryou-shop.example.co.jp/campaign/winter', text: 'キャンペーン詳細', source: 'html' },
      { href: 'https://iryou-shop.example.co.jp/unsub', text: '配信停止', source: 'html' },
    ],
  }],
  ['sign-in code mail', {
    host: 'eml', from: { name: 'Microsoft アカウント チーム', address: 'account-security-noreply@accountprotection.microsoft.com' }, subject: 'Microsoft アカウントのセキュリティ コード',
    text: 'セキュリティ コード: 123456\nこのコードに心当たりがない場合は無視してください。', headers: [AR('accountprotection.microsoft.com')],
  }],
  ['short notice from a medical association with a Google Forms link', {
    host: 'eml', from: { name: '〇〇医師会 事務局', address: 'jimu@ishikai.example.or.jp' }, subject: '研修会開催のご案内',
    text: '会員各位\n来月の研修会のご案内です。参加申込は下記フォームよりお願いします。', html: '<p>x</p>', headers: [AR('ishikai.example.or.jp')],
    anchors: [{ href: 'https://forms.gle/abcdef', text: '参加申込フォーム', source: 'html' }],
  }],
];

describe('clean set: legitimate mail gives no caution or danger', () => {
  it.each(CLEAN)('%s', (_name, snapshot) => {
    const v = scanMessage(snapshot, HOSPITAL);
    const loud = v.findings.filter((f) => f.severity !== 'info');
    expect(loud, JSON.stringify(loud)).toEqual([]);
    expect(v.level).toBe('safe');
  });

  it.each(['05-safelinks-org-notice.eml', '06-renkei-partner-clean.eml', '07-society-newsletter-clean.eml', '09-mailing-list-clean.eml', '11-delivery-report-clean.eml'])(
    'sample %s',
    async (file) => {
      const bytes = readFileSync(join(__dirname, '../../fixtures/samples', file));
      const v = scanMessage(await parseEml(bytes));
      expect(v.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(v.level).toBe('safe');
    },
  );
});
