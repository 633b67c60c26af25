/**
 * Small pieces several rules share: finding constructors, extension tables, the free-mail list
 * and brand helpers. Pure data and pure functions only.
 */
import type { Finding, Severity } from '../../model';
import type { ProtectedName } from '../../lookalike/types';
import type { PreparedAddress, PreparedAttachment, PreparedLink, PreparedMessage } from '../../scan/prepared-message';
import { hostMatchesDomain } from '../../scan/deps';

export function linkFinding(rule: string, severity: Severity, link: PreparedLink, params: Finding['params'] = {}): Finding {
  return {
    rule,
    severity,
    target: { kind: 'link', value: link.dest.href ?? link.href, index: link.anchorIndex },
    params: { url: shortUrl(link.dest.href ?? link.href), domain: link.dest.hostname ?? '', ...params },
  };
}

export function attachmentFinding(rule: string, severity: Severity, att: PreparedAttachment, params: Finding['params'] = {}): Finding {
  return {
    rule,
    severity,
    target: { kind: 'attachment', value: att.attachment.name, index: att.index },
    params: { name: visibleName(att.attachment.name), ...params },
  };
}

export function senderFinding(rule: string, severity: Severity, addr: PreparedAddress, params: Finding['params'] = {}): Finding {
  return {
    rule,
    severity,
    target: { kind: 'sender', value: addr.address || addr.name },
    params: { address: addr.address, domain: addr.domain, name: addr.name, ...params },
  };
}

export function messageFinding(rule: string, severity: Severity, kind: 'subject' | 'body' | 'header' | 'message', value: string, params: Finding['params'] = {}): Finding {
  return { rule, severity, target: { kind, value: value.slice(0, 200) }, params };
}

/** URLs in texts are shortened so a message stays readable; the target keeps the full value. */
export function shortUrl(url: string, max = 80): string {
  return url.length > max ? `${url.slice(0, max - 1)}…` : url;
}

/** File names with bidi and invisible characters shown as ⟨U+202E⟩ so the reader sees the trick. */
export function visibleName(name: string): string {
  return name.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`).slice(0, 200);
}

/** True when `domain` (a hostname or registrable domain) belongs to one of `domains`. */
export function inDomains(domain: string | undefined, domains: readonly string[]): boolean {
  if (!domain) return false;
  for (const d of domains) {
    try {
      if (hostMatchesDomain(domain, d)) return true;
    } catch {
      // A malformed list entry never matches.
    }
  }
  return false;
}

/**
 * The sender's own domains include the brand's (so a real brand mail is not flagged). The
 * brand's service domains (relatedDomains: sharepointonline.com) count here: mail from them was
 * sent by the brand's own systems, which is what a display name like "(SharePoint Online)" says.
 */
export function senderIsBrand(msg: PreparedMessage, brand: ProtectedName): boolean {
  for (const d of msg.senderDomains) if (inDomains(d, brand.domains) || inDomains(d, brand.relatedDomains ?? [])) return true;
  return false;
}

/**
 * A link goes to the sender's own (authenticated or From) domain — or, for mail sent by a
 * brand's own systems, into that brand's domains (a SharePoint notice from sharepointonline.com
 * linking to tenant.sharepoint.com).
 */
export function linkToSender(msg: PreparedMessage, link: PreparedLink): boolean {
  const reg = link.dest.registrableDomain;
  if (!reg) return false;
  if (msg.senderDomains.has(reg)) return true;
  for (const brand of senderBrands(msg)) {
    if (inDomains(reg, brand.domains) || inDomains(reg, brand.relatedDomains ?? [])) return true;
  }
  return false;
}

const senderBrandCache = new WeakMap<PreparedMessage, ProtectedName[]>();

/** The protected brands the sender belongs to (usually none), computed once per message. */
export function senderBrands(msg: PreparedMessage): ProtectedName[] {
  let brands = senderBrandCache.get(msg);
  if (!brands) {
    brands = msg.protectedNames.filter((b) => b.domains.length > 0 && b.category !== 'org' && b.category !== 'partner' && senderIsBrand(msg, b));
    senderBrandCache.set(msg, brands);
  }
  return brands;
}

export function isWebLink(link: PreparedLink): boolean {
  return link.dest.ok && (link.dest.scheme === 'https:' || link.dest.scheme === 'http:');
}

export function isTrusted(trust: string): boolean {
  return trust === 'org' || trust === 'partner' || trust === 'allowed';
}

/** Consumer mailboxes anyone can open in minutes: an official body never writes from these. */
export const FREEMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.co.jp', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.com.br', 'ymail.com',
  'outlook.com', 'outlook.jp', 'hotmail.com', 'hotmail.co.jp', 'hotmail.fr', 'hotmail.co.uk', 'live.com', 'live.jp', 'msn.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'mail.ru', 'yandex.ru',
  'yandex.com', 'protonmail.com', 'proton.me', 'pm.me', 'tutanota.com', 'zoho.com', 'qq.com', '163.com', '126.com', 'sina.com',
  'naver.com', 'daum.net', 'excite.co.jp', 'nifty.com', 'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp',
  'biglobe.ne.jp', 'ocn.ne.jp', 'so-net.ne.jp', 'plala.or.jp', 'uol.com.br', 'bol.com.br', 'terra.com.br', 'libero.it', 'orange.fr',
  'laposte.net', 'free.fr', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'rediffmail.com', 'inbox.com', 'yeah.net', 'hushmail.com',
]);

export function isFreemail(registrable: string | undefined): boolean {
  return !!registrable && FREEMAIL_DOMAINS.has(registrable);
}

/** Providers that hand out mailboxes on subdomains too (user@xx.so-net.ne.jp, user@abc.ocn.ne.jp). */
const SUBDOMAIN_MAILBOX_PROVIDERS: ReadonlySet<string> = new Set(['ocn.ne.jp', 'biglobe.ne.jp', 'so-net.ne.jp', 'plala.or.jp', 'nifty.com']);

/**
 * The address is a consumer mailbox anyone can open. Most providers give those out only at the
 * apex (user@docomo.ne.jp, user@gmail.com); their subdomains (mail.docomo.ne.jp,
 * accounts.google.com) are the provider's own systems writing to its customers.
 */
export function isConsumerMailbox(addr: PreparedAddress | undefined): boolean {
  if (!addr) return false;
  // Listed as a mailbox domain itself (i.softbank.jp under softbank.jp, gmail.com).
  if (FREEMAIL_DOMAINS.has(addr.domain)) return true;
  if (!isFreemail(addr.registrable)) return false;
  return addr.domain === addr.registrable || SUBDOMAIN_MAILBOX_PROVIDERS.has(addr.registrable);
}

/**
 * The From domain passed authentication at a receiving server we trust: DMARC pass for it, or a
 * DKIM signature of its own registrable domain, with no failure recorded. Only then is the
 * domain in From known to be the sender.
 */
export function fromAuthenticated(msg: PreparedMessage): boolean {
  const a = msg.auth;
  const reg = msg.from?.registrable;
  if (!a || !a.trusted || !reg) return false;
  if (a.dmarc?.result === 'fail') return false;
  const aligned = (d: string | undefined) => {
    const dom = (d ?? '').toLowerCase();
    return dom === reg || dom.endsWith(`.${reg}`);
  };
  if (a.dmarc?.result === 'pass' && (!a.dmarc.domain || aligned(a.dmarc.domain))) return true;
  return (a.dkim ?? []).some((d) => d.result === 'pass' && aligned(d.domain));
}

/**
 * The protected brand that authenticated mail comes from: the From domain is one of the brand's
 * own domains (not a consumer mailbox it hosts, not a service domain carrying other people's
 * mail) and passed authentication. Its mail is the brand's, whatever words it uses.
 */
export function authenticatedBrand(msg: PreparedMessage): ProtectedName | undefined {
  const from = msg.from;
  if (!from || !from.domain || isConsumerMailbox(from) || !fromAuthenticated(msg)) return undefined;
  return msg.protectedNames.find((b) => b.category !== 'org' && b.category !== 'partner' && inDomains(from.domain, b.domains));
}

/**
 * Services that send on someone else's behalf — webinars, e-signature, calendars, ticketing,
 * forms — and put that person in Reply-To by design. Their own notification domains only.
 */
export const ON_BEHALF_SERVICES: readonly string[] = [
  'zoom.us', 'zoom.com', 'docusign.net', 'docusign.com', 'adobesign.com', 'echosign.com', 'webex.com', 'gotowebinar.com',
  'eventbrite.com', 'peatix.com', 'connpass.com', 'doorkeeper.jp', 'calendly.com', 'surveymonkey.com', 'typeform.com',
  'sharepointonline.com',
];

/** Authenticated mail from a service that writes on behalf of its users. */
export function sentOnBehalf(msg: PreparedMessage): boolean {
  const d = msg.from?.domain;
  return !!d && inDomains(d, ON_BEHALF_SERVICES) && fromAuthenticated(msg);
}

export const EXECUTABLE_EXTS: ReadonlySet<string> = new Set([
  'exe', 'scr', 'cpl', 'com', 'pif', 'msi', 'msix', 'msixbundle', 'appx', 'appxbundle', 'msp', 'dll', 'ocx', 'sys', 'drv',
  'apk', 'xapk', 'app', 'pkg', 'deb', 'rpm', 'gadget', 'application', 'appref-ms', 'chm', 'hlp', 'inf', 'xll', 'wll',
  'mobileconfig', 'elf', 'bin', 'run',
]);
export const SCRIPT_EXTS: ReadonlySet<string> = new Set([
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'wsc', 'hta', 'ps1', 'psm1', 'psd1', 'bat', 'cmd', 'jar', 'reg', 'sct', 'msc',
  'sh', 'command', 'applescript', 'scpt', 'py', 'pyw', 'vb', 'a3x', 'au3', 'ahk', 'xbap',
]);
export const SHORTCUT_EXTS: ReadonlySet<string> = new Set(['lnk', 'url', 'website', 'scf', 'settingcontent-ms', 'desktop', 'webloc', 'search-ms', 'library-ms']);
export const DISK_IMAGE_EXTS: ReadonlySet<string> = new Set(['iso', 'img', 'vhd', 'vhdx', 'udf', 'dmg', 'wim']);
export const ONENOTE_EXTS: ReadonlySet<string> = new Set(['one', 'onepkg', 'onetoc2']);
export const HTML_EXTS: ReadonlySet<string> = new Set(['htm', 'html', 'shtml', 'xhtml', 'mht', 'mhtml', 'xht', 'shtm']);
export const MACRO_OFFICE_EXTS: ReadonlySet<string> = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm', 'xla', 'ppa']);
export const LEGACY_OFFICE_EXTS: ReadonlySet<string> = new Set(['doc', 'dot', 'xls', 'xlt', 'ppt', 'pps', 'pot', 'rtf']);
export const DOCUMENT_EXTS: ReadonlySet<string> = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'rtf', 'csv', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff',
  'mp3', 'mp4', 'wav', 'avi', 'mov', 'zip', 'odt', 'ods', 'jtd', 'html', 'htm',
]);
export const ARCHIVE_EXTS: ReadonlySet<string> = new Set([
  'zip', 'rar', '7z', 'ace', 'arj', 'cab', 'gz', 'tgz', 'bz2', 'tbz', 'xz', 'txz', 'lzh', 'lha', 'z', 'uue', 'r00', 'r01', 'tar', 'zipx', 'zst',
]);

/** Every dangerous executable-like extension, used for inner archive names and downloads. */
export function runnableKind(ext: string): 'executable' | 'script' | 'shortcut' | 'disk-image' | 'onenote' | undefined {
  if (EXECUTABLE_EXTS.has(ext)) return 'executable';
  if (SCRIPT_EXTS.has(ext)) return 'script';
  if (SHORTCUT_EXTS.has(ext)) return 'shortcut';
  if (DISK_IMAGE_EXTS.has(ext)) return 'disk-image';
  if (ONENOTE_EXTS.has(ext)) return 'onenote';
  return undefined;
}

export function extOf(name: string): string {
  const n = name.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g, '').trim().toLowerCase();
  const dot = n.lastIndexOf('.');
  return dot >= 0 ? n.slice(dot + 1).trim() : '';
}

export interface AttachmentEntry {
  name: string;
  ext: string;
  inner: boolean;
}

/** Attachment names plus names inside archives, each with its extension. */
export function attachmentEntries(att: PreparedAttachment): AttachmentEntry[] {
  const out = [{ name: att.attachment.name, ext: att.ext, inner: false }];
  const inner = Array.isArray(att.attachment.innerNames) ? att.attachment.innerNames.slice(0, 200) : [];
  for (const n of inner) if (typeof n === 'string') out.push({ name: n, ext: extOf(n), inner: true });
  return out;
}

/**
 * The findings of a file-type rule: one per attachment whose own name, or a name inside it (an
 * archive only wraps), is of the type, at the severity the matching entry calls for.
 */
export function flagAttachmentTypes(
  rule: string,
  msg: PreparedMessage,
  isType: (entry: AttachmentEntry) => boolean,
  severityOf: (entry: AttachmentEntry) => Severity,
): Finding[] {
  const out: Finding[] = [];
  for (const att of msg.attachments) {
    const hit = attachmentEntries(att).find(isType);
    if (hit) out.push(attachmentFinding(rule, severityOf(hit), att, { file: hit.name.slice(0, 120), ext: hit.ext }));
  }
  return out;
}

/** The sender is not the organisation, a partner or an allowed domain. */
export function senderIsStranger(msg: PreparedMessage): boolean {
  return !msg.from || !isTrusted(msg.from.trust);
}

/** True when a finding's theme appears in the subject or the body. */
export function hasTheme(msg: PreparedMessage, theme: Parameters<PreparedMessage['lures']['body']['get']>[0]): string | undefined {
  return msg.lures.subject.get(theme) ?? msg.lures.body.get(theme);
}

/**
 * Top-level domains where most registrations seen in abuse reports are malicious (Spamhaus and
 * Interisle "most abused TLD" lists, 2023–2025) — cheap names bought by the thousand.
 */
export const ABUSED_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'icu', 'buzz', 'cn', 'shop', 'click', 'online', 'site', 'store', 'cfd', 'sbs', 'bond', 'rest', 'monster',
  'quest', 'cyou', 'su', 'tk', 'ml', 'ga', 'cf', 'gq', 'work', 'pw', 'loan', 'win', 'bid', 'vip', 'beauty', 'hair', 'skin',
  'makeup', 'lol', 'mom', 'boats', 'autos', 'yachts', 'motorcycles', 'zip', 'mov', 'country', 'kim', 'party', 'review',
  'trade', 'date', 'faith', 'racing', 'accountant', 'cricket', 'stream', 'download', 'men', 'gdn', 'uno', 'best', 'cam', 'bar',
]);

/** Second-level "pseudo TLDs" sold by registries as if they were country domains (x.sa.com, x.us.com). */
export const PSEUDO_TLDS: ReadonlySet<string> = new Set([
  'sa.com', 'us.com', 'br.com', 'cn.com', 'ru.com', 'uk.com', 'eu.com', 'de.com', 'jpn.com', 'za.com', 'gb.net', 'uk.net',
  'gr.com', 'hu.net', 'in.net', 'jp.net', 'kr.com', 'mex.com', 'no.com', 'se.net', 'us.org', 'ae.org', 'com.de', 'it.com',
]);

/** Why a domain looks throw-away: an abused TLD or a pseudo-TLD; undefined when it does not. */
export function unusualDomainReason(domain: string | undefined): string | undefined {
  if (!domain) return undefined;
  const d = domain.toLowerCase().replace(/\.$/, '');
  const labels = d.split('.');
  const last2 = labels.slice(-2).join('.');
  if (labels.length >= 3 && PSEUDO_TLDS.has(last2)) return `.${last2}`;
  const tld = labels[labels.length - 1] ?? '';
  if (ABUSED_TLDS.has(tld)) return `.${tld}`;
  return undefined;
}

/**
 * Whether a brand mention is only a weak name. The matcher may report a weak name ("イオン")
 * when the text also holds a strong one ("イオンカード"); the strong name wins.
 */
export function mentionIsWeak(mention: { brand: ProtectedName; matched: string }, text: string): boolean {
  const weak = (mention.brand.weakNames ?? []).some((w) => w.toLowerCase() === mention.matched.toLowerCase());
  if (!weak) return false;
  const t = text.normalize('NFKC').toLowerCase();
  return !mention.brand.names.some((n) => n.length > 1 && t.includes(n.normalize('NFKC').toLowerCase()));
}

/**
 * The DMARC policy the From domain's owner published, as the receiving server recorded it beside
 * a DMARC failure in the topmost Authentication-Results (`dmarc=fail (p=none sp=none dis=none)`,
 * `policy.dmarc=none`, `action=quarantine`, any case); undefined when not recorded.
 */
export function dmarcFailPolicy(msg: PreparedMessage): 'none' | 'quarantine' | 'reject' | undefined {
  const entry = /\bdmarc=fail\b[^;]*/i.exec(msg.authResultsTop.slice(0, 4_000))?.[0] ?? '';
  if (!entry) return undefined;
  const rejects = /\b(?:action|p|policy\.dmarc)=(o?reject|quarantine|pct\.quarantine)\b/i.exec(entry)?.[1]?.toLowerCase();
  if (rejects) return rejects.endsWith('reject') ? 'reject' : 'quarantine';
  if (/(?:\bp|\bpolicy\.dmarc)=none\b/i.test(entry)) return 'none';
  return undefined;
}
