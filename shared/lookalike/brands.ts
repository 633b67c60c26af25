/**
 * Built-in names people are phished with, in Japan and worldwide, with the registrable domains
 * that really belong to each. A domain is listed only when it is known to be the brand's own;
 * when in doubt it is left out (a missing domain costs a false warning, a wrong one hides a
 * phish). `names` are distinctive enough for body text; `weakNames` (ordinary words, surnames,
 * two-letter names) are not repeated in `names` and only count where a name is claimed: display
 * name, subject, link text. Sources: the organisations' own sites and public phishing advisories.
 */
import type { ProtectedName } from './types';

export const PROTECTED_NAMES: readonly ProtectedName[] = [
  // ---- Japanese public bodies -------------------------------------------------------------
  { id: 'mhlw', category: 'government', names: ['厚生労働省', '厚労省', 'MHLW'], domains: ['mhlw.go.jp'] },
  { id: 'nta', category: 'government', names: ['国税庁', 'e-Tax', 'eTax', 'イータックス'], weakNames: ['国税局', '税務署'], domains: ['nta.go.jp'] },
  { id: 'digital-agency', category: 'government', names: ['デジタル庁'], domains: ['digital.go.jp'] },
  {
    id: 'myna',
    category: 'government',
    names: ['マイナポータル', 'マイナポイント', 'マイナンバーカード'],
    weakNames: ['マイナンバー'],
    domains: ['myna.go.jp', 'digital.go.jp', 'soumu.go.jp', 'kojinbango-card.go.jp'],
  },
  { id: 'soumu', category: 'government', names: ['総務省'], domains: ['soumu.go.jp'] },
  { id: 'nenkin', category: 'government', names: ['日本年金機構', 'ねんきんネット'], domains: ['nenkin.go.jp'] },
  { id: 'npa', category: 'government', names: ['警察庁'], domains: ['npa.go.jp'] },

  // ---- IT and sign-in ---------------------------------------------------------------------
  {
    id: 'microsoft',
    category: 'it',
    names: ['Microsoft', 'マイクロソフト', 'Office 365', 'Office365', 'Microsoft 365', 'OneDrive', 'SharePoint', 'Hotmail'],
    weakNames: ['Outlook', 'Teams', 'Windows'],
    domains: [
      'microsoft.com', 'microsoftonline.com', 'live.com', 'office.com', 'outlook.com', 'office365.com', 'sharepoint.com',
      'onedrive.com', '1drv.ms', 'azure.com', 'msn.com', 'hotmail.com', 'bing.com', 'skype.com', 'xbox.com', 'aka.ms',
      'microsoft365.com', 'cloud.microsoft', 'office.net', 'live.net', 'msauth.net', 'msftauth.net',
    ],
    relatedDomains: ['windows.net', 'azurewebsites.net', 'azureedge.net', 'sharepointonline.com', 'microsoftusercontent.com'],
    ownsOtherSuffixes: true,
  },
  {
    id: 'google',
    category: 'it',
    names: ['Google', 'グーグル', 'Gmail', 'YouTube', 'ユーチューブ'],
    domains: ['google.com', 'google.co.jp', 'gmail.com', 'googlemail.com', 'youtube.com', 'youtu.be', 'g.co'],
    relatedDomains: [
      'googleusercontent.com', 'googleapis.com', 'gstatic.com', 'googlesyndication.com', 'googletagmanager.com',
      'googleadservices.com', 'googlevideo.com', 'ggpht.com', 'doubleclick.net', 'appspot.com', 'blogspot.com', 'goo.gl',
      'google-analytics.com', 'googlegroups.com',
    ],
    ownsOtherSuffixes: true,
  },
  {
    id: 'apple',
    category: 'it',
    names: ['Apple ID', 'AppleID', 'iCloud', 'アップル', 'iTunes', 'App Store', 'Apple Pay'],
    weakNames: ['Apple'],
    domains: ['apple.com', 'icloud.com', 'me.com', 'mac.com', 'apple.co', 'itunes.com'],
    relatedDomains: ['icloud-content.com', 'mzstatic.com'],
    ownsOtherSuffixes: true,
  },
  { id: 'adobe', category: 'it', names: ['Adobe', 'アドビ'], weakNames: ['Acrobat'], domains: ['adobe.com'], relatedDomains: ['adobesign.com', 'adobelogin.com'], ownsOtherSuffixes: true },
  { id: 'docusign', category: 'it', names: ['DocuSign'], domains: ['docusign.com', 'docusign.net'] },
  { id: 'dropbox', category: 'it', names: ['Dropbox', 'ドロップボックス'], domains: ['dropbox.com', 'db.tt'], relatedDomains: ['dropboxusercontent.com'] },
  { id: 'wetransfer', category: 'it', names: ['WeTransfer'], domains: ['wetransfer.com', 'we.tl'] },
  { id: 'norton', category: 'it', names: ['Norton 360', 'Norton LifeLock', 'NortonLifeLock', 'ノートン'], weakNames: ['Norton'], domains: ['norton.com', 'nortonlifelock.com'] },
  { id: 'mcafee', category: 'it', names: ['McAfee', 'マカフィー'], domains: ['mcafee.com'] },
  { id: 'geek-squad', category: 'it', names: ['Geek Squad'], domains: ['bestbuy.com', 'geeksquad.com'] },
  {
    id: 'meta',
    category: 'media',
    names: ['Facebook', 'フェイスブック', 'Instagram', 'インスタグラム', 'WhatsApp'],
    weakNames: ['Meta', 'Messenger'],
    domains: ['facebook.com', 'instagram.com', 'meta.com', 'fb.com', 'fb.me', 'm.me', 'messenger.com', 'whatsapp.com', 'facebookmail.com'],
    relatedDomains: ['fbcdn.net', 'cdninstagram.com', 'fbsbx.com'],
    ownsOtherSuffixes: true,
  },
  { id: 'line', category: 'media', names: ['LINEヤフー'], weakNames: ['LINE'], domains: ['line.me', 'lin.ee', 'linecorp.com', 'line-apps.com', 'lycorp.co.jp'] },
  { id: 'x', category: 'media', names: ['Twitter', 'ツイッター'], domains: ['x.com', 'twitter.com', 't.co'] },
  { id: 'linkedin', category: 'media', names: ['LinkedIn'], domains: ['linkedin.com', 'lnkd.in'], ownsOtherSuffixes: true },
  { id: 'yahoo', category: 'media', names: ['Yahoo', 'ヤフー'], domains: ['yahoo.co.jp', 'yahoo.com', 'yimg.jp'], relatedDomains: ['yimg.com'], ownsOtherSuffixes: true },
  { id: 'netflix', category: 'media', names: ['Netflix', 'ネットフリックス'], domains: ['netflix.com'], relatedDomains: ['nflxext.com', 'nflximg.net'], ownsOtherSuffixes: true },
  { id: 'nhk', category: 'media', names: ['NHK', '日本放送協会'], domains: ['nhk.or.jp', 'nhk.jp'] },

  // ---- Shops and marketplaces -------------------------------------------------------------
  {
    id: 'amazon',
    category: 'shop',
    names: ['Amazon', 'アマゾン', 'Prime Video', 'プライムビデオ'],
    domains: ['amazon.co.jp', 'amazon.com', 'amazon.jp', 'amzn.to', 'amzn.asia', 'a.co', 'primevideo.com'],
    relatedDomains: ['amazonaws.com', 'amazonses.com', 'media-amazon.com', 'ssl-images-amazon.com', 'amazontrust.com'],
    ownsOtherSuffixes: true,
  },
  {
    id: 'rakuten',
    category: 'shop',
    names: ['楽天市場', '楽天カード', '楽天銀行', '楽天証券', '楽天ポイント', '楽天会員', '楽天モバイル', '楽天ペイ', 'Rakuten'],
    weakNames: ['楽天'],
    domains: ['rakuten.co.jp', 'rakuten.com', 'rakuten-card.co.jp', 'rakuten-bank.co.jp', 'rakuten-sec.co.jp', 'r10.to'],
  },
  { id: 'mercari', category: 'shop', names: ['メルカリ', 'Mercari', 'メルペイ', 'merpay'], domains: ['mercari.com', 'merpay.com'] },
  { id: 'costco', category: 'shop', names: ['Costco', 'コストコ'], domains: ['costco.com', 'costco.co.jp'], ownsOtherSuffixes: true },
  {
    id: 'mercado',
    category: 'shop',
    names: ['Mercado Livre', 'Mercado Libre', 'Mercado Pago', 'MercadoPago', 'MercadoLivre'],
    domains: ['mercadolivre.com.br', 'mercadolibre.com', 'mercadopago.com.br', 'mercadopago.com'],
    ownsOtherSuffixes: true,
  },

  // ---- Cards, banks, payments ---------------------------------------------------------------
  // JCB also owns the `.jcb` top-level domain (global.jcb, ph.jcb …): listed as `jcb`.
  { id: 'jcb', category: 'card', names: ['JCB', 'MyJCB', 'ジェーシービー'], domains: ['jcb.co.jp', 'jcb'] },
  { id: 'smbc-card', category: 'card', names: ['三井住友カード', 'Vpass', 'SMBCカード'], domains: ['smbc-card.com', 'vpass.ne.jp'] },
  { id: 'smbc', category: 'bank', names: ['三井住友銀行', 'SMBC'], domains: ['smbc.co.jp'] },
  { id: 'mufg', category: 'bank', names: ['三菱UFJ', 'MUFG', '三菱東京UFJ'], domains: ['mufg.jp'] },
  { id: 'mizuho', category: 'bank', names: ['みずほ銀行', 'みずほ証券', 'みずほダイレクト', 'みずほフィナンシャル'], weakNames: ['みずほ', 'Mizuho'], domains: ['mizuhobank.co.jp', 'mizuho-fg.co.jp', 'mizuho-sc.com'] },
  { id: 'yucho', category: 'bank', names: ['ゆうちょ銀行', 'ゆうちょ', 'ゆうちょダイレクト', 'JP BANK'], domains: ['japanpost.jp'] },
  { id: 'aeon', category: 'card', names: ['イオンカード', 'イオン銀行', 'AEON', 'イオンフィナンシャル'], weakNames: ['イオン'], domains: ['aeon.co.jp', 'aeon.com', 'aeonbank.co.jp'] },
  { id: 'epos', category: 'card', names: ['エポスカード', 'EPOS'], domains: ['eposcard.co.jp'] },
  { id: 'saison', category: 'card', names: ['セゾンカード', 'クレディセゾン', 'SAISON CARD'], weakNames: ['セゾン', 'Saison'], domains: ['saisoncard.co.jp'] },
  { id: 'viewcard', category: 'card', names: ['ビューカード'], domains: ['viewsnet.jp'] },
  { id: 'amex', category: 'card', names: ['American Express', 'アメリカン・エキスプレス', 'アメックス', 'AMEX'], domains: ['americanexpress.com'], ownsOtherSuffixes: true },
  { id: 'visa', category: 'card', names: ['Visa Secure'], weakNames: ['VISA'], domains: ['visa.com', 'visa.co.jp'], ownsOtherSuffixes: true },
  { id: 'mastercard', category: 'card', names: ['Mastercard', 'マスターカード'], domains: ['mastercard.com', 'mastercard.co.jp'], ownsOtherSuffixes: true },
  { id: 'paypay', category: 'finance', names: ['PayPay', 'ペイペイ'], domains: ['paypay.ne.jp', 'paypay-card.co.jp', 'paypay-bank.co.jp'] },
  { id: 'paypal', category: 'finance', names: ['PayPal', 'ペイパル'], domains: ['paypal.com', 'paypal.me'], relatedDomains: ['paypalobjects.com'], ownsOtherSuffixes: true },
  { id: 'chase', category: 'bank', names: ['JPMorgan Chase', 'Chase Bank'], weakNames: ['Chase'], domains: ['chase.com', 'jpmorganchase.com'] },
  { id: 'bank-of-america', category: 'bank', names: ['Bank of America', 'BankofAmerica'], domains: ['bankofamerica.com'] },
  { id: 'wells-fargo', category: 'bank', names: ['Wells Fargo', 'WellsFargo'], domains: ['wellsfargo.com'] },
  { id: 'binance', category: 'finance', names: ['Binance', 'バイナンス'], domains: ['binance.com'] },
  { id: 'coinbase', category: 'finance', names: ['Coinbase', 'コインベース'], domains: ['coinbase.com'] },
  { id: 'metamask', category: 'finance', names: ['MetaMask', 'メタマスク'], domains: ['metamask.io'] },
  { id: 'ledger', category: 'finance', names: ['Ledger Live', 'Ledger Nano'], weakNames: ['Ledger'], domains: ['ledger.com'] },
  { id: 'trust-wallet', category: 'finance', names: ['Trust Wallet', 'TrustWallet'], domains: ['trustwallet.com'] },
  { id: 'bradesco', category: 'bank', names: ['Bradesco'], domains: ['bradesco.com.br'] },
  { id: 'itau', category: 'bank', names: ['Itaú', 'Itau Unibanco', 'Banco Itaú'], weakNames: ['Itau'], domains: ['itau.com.br'] },
  { id: 'caixa', category: 'bank', names: ['Caixa Econômica', 'Caixa Economica'], weakNames: ['Caixa'], domains: ['caixa.gov.br'] },
  { id: 'santander', category: 'bank', names: ['Santander'], domains: ['santander.com.br', 'santander.com', 'santander.co.uk'], ownsOtherSuffixes: true },
  { id: 'nubank', category: 'bank', names: ['Nubank'], domains: ['nubank.com.br'] },
  { id: 'banco-do-brasil', category: 'bank', names: ['Banco do Brasil'], domains: ['bb.com.br'] },
  { id: 'receita-federal', category: 'government', names: ['Receita Federal'], domains: ['gov.br'] },

  // ---- Delivery and post --------------------------------------------------------------------
  { id: 'japanpost', category: 'delivery', names: ['日本郵便', 'Japan Post'], weakNames: ['郵便局', 'ゆうパック'], domains: ['japanpost.jp'] },
  { id: 'yamato', category: 'delivery', names: ['ヤマト運輸', 'クロネコヤマト', 'クロネコメンバーズ'], weakNames: ['ヤマト', 'Yamato', '宅急便'], domains: ['kuronekoyamato.co.jp', 'yamato-hd.co.jp'] },
  { id: 'sagawa', category: 'delivery', names: ['佐川急便', 'SAGAWA'], weakNames: ['佐川'], domains: ['sagawa-exp.co.jp', 'sg-hldgs.co.jp'] },
  { id: 'dhl', category: 'delivery', names: ['DHL'], domains: ['dhl.com', 'dhl.co.jp', 'dhl.de'], ownsOtherSuffixes: true },
  { id: 'fedex', category: 'delivery', names: ['FedEx', 'フェデックス'], domains: ['fedex.com'], ownsOtherSuffixes: true },
  { id: 'ups', category: 'delivery', names: ['UPS My Choice'], weakNames: ['UPS'], domains: ['ups.com'], ownsOtherSuffixes: true },
  { id: 'usps', category: 'delivery', names: ['USPS'], domains: ['usps.com'] },
  { id: 'correios', category: 'delivery', names: ['Correios'], domains: ['correios.com.br'] },

  // ---- Transport and roads ------------------------------------------------------------------
  { id: 'eki-net', category: 'transport', names: ['えきねっと', 'JR東日本'], domains: ['eki-net.com', 'jreast.co.jp'] },
  { id: 'etc-meisai', category: 'transport', names: ['ETC利用照会サービス', 'ETC利用照会'], weakNames: ['ETC'], domains: ['etc-meisai.jp'] },
  { id: 'etc-mileage', category: 'transport', names: ['ETCマイレージ'], domains: ['smile-etc.jp'] },
  { id: 'nexco', category: 'transport', names: ['NEXCO東日本', 'NEXCO中日本', 'NEXCO西日本', 'NEXCO'], domains: ['e-nexco.co.jp', 'c-nexco.co.jp', 'w-nexco.co.jp'] },

  // ---- Telecom and utilities ----------------------------------------------------------------
  { id: 'docomo', category: 'telecom', names: ['docomo', 'ドコモ', 'NTTドコモ', 'dアカウント', 'dポイント'], domains: ['docomo.ne.jp', 'nttdocomo.co.jp'] },
  { id: 'au-kddi', category: 'telecom', names: ['KDDI', 'au ID', 'au PAY', 'auじぶん銀行'], weakNames: ['au'], domains: ['au.com', 'kddi.com', 'auone.jp', 'ezweb.ne.jp', 'jibunbank.co.jp'] },
  { id: 'softbank', category: 'telecom', names: ['SoftBank', 'ソフトバンク', 'ワイモバイル', 'Y!mobile'], domains: ['softbank.jp', 'softbank.co.jp', 'ymobile.jp'] },
  { id: 'tepco', category: 'other', names: ['東京電力', 'TEPCO', '東京電力エナジーパートナー'], domains: ['tepco.co.jp'] },
];
