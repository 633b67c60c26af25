/**
 * The display name claims a brand or public body (「三井住友カード」, 「Amazon」, 「国税庁」) while the
 * sender's domain — and any domain that authenticated the mail — does not belong to it. The
 * dominant pattern of Japanese brand phishing (イオンカード from a random .cn domain). Names too
 * generic to trust alone (weak names such as "Windows", "au") are only noted and add to other signs.
 *
 * The brand table can never list every service domain a brand runs (booking sites, card portals,
 * campaign sites). So a claim from a sender that passed authentication for its own domain is a
 * danger only when something corroborates the impersonation — free mail, a look-alike or
 * throw-away domain, a random-looking name, links or forms that lead to unrelated sites — and a
 * caution otherwise. Event and survey platforms that write on an organisation's behalf name
 * themselves after it (「日本看護協会 東京支部 (Peatix)」, 「〇〇 via Peatix」): the organisation is
 * then not claimed by the sender.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import type { PreparedAddress, PreparedLink, PreparedMessage } from '../scan/prepared-message';
import { redirectorKind } from '../scan/deps';
import type { ProtectedName } from '../lookalike/types';
import {
  fromAuthenticated,
  hasTheme,
  inDomains,
  isConsumerMailbox,
  isFreemail,
  isTrusted,
  isWebLink,
  mentionIsWeak,
  ON_BEHALF_SERVICES,
  senderFinding,
  senderIsBrand,
  unusualDomainReason,
} from './support/helpers';
import { looksRandom } from './sender-random-address';

const GENERIC = new Set([
  'support', 'team', 'service', 'services', 'security', 'account', 'accounts', 'center', 'centre', 'help', 'helpdesk', 'notice',
  'notification', 'notifications', 'alert', 'alerts', 'customer', 'customers', 'billing', 'update', 'admin', 'administrator',
  'info', 'official', 'no-reply', 'noreply', 'mail', 'message', 'online', 'care', 'desk', 'verification', 'id', 'pay', 'store',
  'compliance', 'compliant', 'mailbox', 'webmail', 'postmaster', 'it', 'dept', 'department', 'device', 'gov', 'tax', 'refund',
  'wallet', 'app', 'mobile', 'bank', 'banking', 'card', 'cards', 'delivery', 'express', 'shipping', 'japan', 'jp', 'inc',
  'カード', '銀行', '配送', 'お届け', 'ご案内',
  'サポート', 'センター', '事務局', 'お客様', 'カスタマー', 'セキュリティ', 'サービス', '通知', 'お知らせ', '公式', '窓口', '係', 'チーム',
]);

/** "Katie from Ledger", "Tom at Apple": a person writing as the brand's staff claims the brand. */
function introducedAsEmployer(name: string, matched: string): boolean {
  const n = name.normalize('NFKC').toLowerCase().trim();
  const m = matched.normalize('NFKC').toLowerCase();
  if (!n.endsWith(m)) return false;
  return /\s(?:from|at)\s$/.test(n.slice(0, n.length - m.length));
}

function onlyGenericBesides(name: string, matched: string): boolean {
  const rest = name.replace(/[\u2122\u00AE\u00A9\u2120]/g, ' ').normalize('NFKC').toLowerCase().split(matched.normalize('NFKC').toLowerCase()).join(' ');
  const words = rest.split(/[\s\p{P}\p{S}]+/u).filter((w) => w.length >= 2);
  return words.every((w) => GENERIC.has(w));
}

/**
 * Japanese organisational second-level domains: each needs registration as a Japanese
 * organisation of that kind (one .co.jp per company), so they are not bought by the thousand.
 */
const JP_ORG_SLDS: ReadonlySet<string> = new Set(['co.jp', 'or.jp', 'go.jp', 'ac.jp', 'lg.jp', 'ed.jp', 'ne.jp', 'gr.jp', 'ad.jp']);

export function isJapaneseOrgDomain(registrable: string): boolean {
  const labels = registrable.split('.');
  return labels.length >= 3 && JP_ORG_SLDS.has(labels.slice(-2).join('.'));
}

/**
 * The sender service names itself in the display name after the organisation it writes for:
 * 「〇〇 (Peatix)」, 「〇〇 via Peatix」, 「〇〇 on connpass」, 「〇〇 from Doorkeeper」, 「〇〇 Peatix経由」.
 * The service is the sender domain's own name (its registrable label, 4+ letters).
 */
export function namesSenderService(name: string, registrable: string): boolean {
  const label = registrable.split('.')[0] ?? '';
  if (label.length < 4 || !/^[a-z0-9-]+$/.test(label)) return false;
  const n = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const at = n.lastIndexOf(label);
  if (at <= 0) return false;
  const before = n.slice(0, at).trimEnd();
  const after = n.slice(at + label.length).trim();
  if (!before) return false;
  // 「(Peatix)」 at the end, or 「via / on / from / by Peatix」, or 「Peatix経由」 / 「経由 Peatix」.
  if (/[(\[]$/.test(before) && /^[)\]]/.test(after) && after.length <= 2) return true;
  if (/(?:^|\s)(?:via|on|from|by|経由)$/.test(before) && after === '') return true;
  if (/経由$/.test(before) && after === '') return true;
  return after === '経由';
}

/**
 * The platform really sent it: it passed authentication, or it is a known on-behalf service
 * (Peatix, connpass …) and no check failed.
 */
function serviceIsSender(msg: PreparedMessage, from: PreparedAddress): boolean {
  if (fromAuthenticated(msg)) return true;
  const a = msg.auth;
  const failed = !!a && (a.dmarc?.result === 'fail' || a.spf?.result === 'fail' || a.spf?.result === 'softfail');
  return !failed && inDomains(from.domain, ON_BEHALF_SERVICES);
}

/**
 * What corroborates a brand claim from an authenticated sender, or undefined when nothing does.
 * Links to other protected brands (app stores, social networks) are not an attacker's landing page.
 */
export function claimCorroboration(msg: PreparedMessage, from: PreparedAddress, brand: ProtectedName): string | undefined {
  if (!fromAuthenticated(msg)) return 'unauthenticated';
  if (isConsumerMailbox(from) || isFreemail(from.registrable)) return 'freemail';
  if (unusualDomainReason(from.domain)) return 'tld';
  const jpOrg = isJapaneseOrgDomain(from.registrable);
  const look = msg.lookalike(from.domain);
  if (look && !(look.weak && jpOrg)) return 'lookalike';
  const labels = from.registrable.split('.');
  if (labels.slice(0, jpOrg ? -2 : -1).some((l) => looksRandom(l))) return 'random';
  if (msg.replyTo.some((r) => isConsumerMailbox(r))) return 'reply-to';
  const ownOrBrand = (reg: string | undefined): boolean => {
    if (!reg) return false;
    if (msg.senderDomains.has(reg) || inDomains(reg, brand.domains) || inDomains(reg, brand.relatedDomains ?? [])) return true;
    // Group companies of a Japanese organisation link to each other's .co.jp / .or.jp sites.
    if (jpOrg && isJapaneseOrgDomain(reg)) return true;
    return msg.protectedNames.some((b) => b.category !== 'org' && b.category !== 'partner' && inDomains(reg, b.domains));
  };
  for (const link of msg.links) {
    if (isTrusted(link.trust)) continue;
    const scheme = link.dest.scheme ?? '';
    if (scheme === 'mailto:' || scheme === 'tel:' || scheme === 'cid:') continue;
    // A mail service's click tracker hides where it goes; it proves nothing either way.
    if (isWebLink(link) && link.dest === link.url && safeRedirectorKind(link) === 'click-tracker') continue;
    if (!isWebLink(link) || link.dest.isIp || !ownOrBrand(link.dest.registrableDomain)) return 'links';
  }
  // A sign-in or account story whose place to act is not the sender's own site (no link there,
  // or a QR code to scan) asks for credentials elsewhere.
  const credentialStory = !!hasTheme(msg, 'credential-request') || !!hasTheme(msg, 'account-threat') || qrSignIn(msg);
  const ownPlace = (l: PreparedLink) => isWebLink(l) && ((!!l.dest.registrableDomain && msg.senderDomains.has(l.dest.registrableDomain)) || (l.dest === l.url && safeRedirectorKind(l) === 'click-tracker'));
  if (credentialStory && !msg.links.some(ownPlace)) return 'credential';
  for (const form of msg.forms) {
    const action = (form.action ?? '').trim();
    if (!/^https?:/i.test(action)) continue;
    let host = '';
    try {
      host = new URL(action).hostname;
    } catch {
      return 'form';
    }
    if (![...msg.senderDomains].some((d) => inDomains(host, [d]))) return 'form';
  }
  return undefined;
}

function safeRedirectorKind(link: PreparedLink): string | undefined {
  try {
    return redirectorKind(link.url);
  } catch {
    return undefined;
  }
}

/** A QR code to scan in a mail about signing in or authentication (quishing). */
function qrSignIn(msg: PreparedMessage): boolean {
  const text = `${msg.subjectNorm}\n${msg.bodyNorm.slice(0, 5_000)}`;
  if (!/qr\s?(?:コード|code)/.test(text)) return false;
  return /認証|ログイン|サインイン|パスワード|sign[\s-]?in|log[\s-]?in|password|mfa|2fa/.test(text);
}

export const senderBrandMismatch: Rule = {
  id: 'sender-brand-mismatch',
  scope: 'sender',
  maxSeverity: 'danger',
  weight: 1.5,
  // An uncorroborated claim counts like a noted one when weak signs are added up.
  cautionWeight: (f) => (f.params.uncorroborated ? 1.5 : undefined),
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from) return [];
    if (from.registrable && namesSenderService(from.name, from.registrable) && serviceIsSender(msg, from) && !msg.lookalike(from.domain)) return [];
    for (const mention of msg.brands.displayName) {
      const brand = mention.brand;
      if (brand.domains.length === 0 || brand.category === 'partner' || senderIsBrand(msg, brand)) continue;
      const weak = mentionIsWeak(mention, from.name);
      // A weak name inside a longer title ("Lockergnome Windows Daily") is a topic; it is a claim
      // only when the rest of the name is generic ("Windows Security Team", 「au お客様センター」).
      if (weak && !onlyGenericBesides(from.name, mention.matched) && !introducedAsEmployer(from.name, mention.matched)) continue;
      const params = { brand: mention.matched, official: brand.domains[0] ?? '' };
      if (weak) return [senderFinding(this.id, 'info', from, params)] as Finding[];
      const why = claimCorroboration(msg, from, brand);
      if (!why) return [senderFinding(this.id, 'caution', from, { ...params, uncorroborated: 1 })] as Finding[];
      return [senderFinding(this.id, 'danger', from, params)] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      { name: '三井住友カード from an unrelated domain', snapshot: { from: { name: '三井住友カード', address: 'info@vpass-secure.example.cn' }, subject: '【重要】ご利用確認のお願い' } },
      { name: 'Amazon in English', snapshot: { from: { name: 'Amazon Customer Service', address: 'service@account-update.example.net' } } },
      {
        name: 'an authenticated booking service the table does not list, nothing else suspicious (caution)',
        policy: { orgDomains: ['hospital.example'] },
        snapshot: {
          from: { name: 'JR東海 新幹線予約', address: 'info@shinkansen-yoyaku.example' },
          headers: [{ name: 'Authentication-Results', value: 'mx.hospital.example; spf=pass smtp.mailfrom=shinkansen-yoyaku.example; dkim=pass header.d=shinkansen-yoyaku.example; dmarc=pass header.from=shinkansen-yoyaku.example' }],
        },
      },
    ],
    clean: [
      { name: 'real 三井住友カード', snapshot: { from: { name: '三井住友カード', address: 'info@mail.smbc-card.com' } } },
      { name: 'no brand', snapshot: { from: { name: '地域医療連携室', address: 'renkei@partner-hp.example.jp' } } },
      {
        name: 'a nursing association event sent by Peatix on its behalf',
        policy: { orgDomains: ['hospital.example'] },
        snapshot: {
          from: { name: '日本看護協会 東京支部 (Peatix)', address: 'no-reply@peatix.com' },
          headers: [{ name: 'Authentication-Results', value: 'mx.hospital.example; spf=pass smtp.mailfrom=peatix.com; dkim=pass header.d=peatix.com; dmarc=pass header.from=peatix.com' }],
        },
      },
    ],
  },
};
