/**
 * Curated host lists: link shorteners, services that host anyone's pages or files (often used as
 * phishing landing pages, but also by legitimate senders), and known redirectors. Data only plus
 * suffix lookups on parsed hostnames; the weighing is the rules' job. Each group says why it is here.
 */
import type { UrlAnalysis } from './types';
import { canonicalHostname } from './domains';
import { isRewritingServiceHost, unwrapStep } from './unwrap';

/** Walks `a.b.example.com`, `b.example.com`, `example.com`, `com` and returns the first hit. */
function lookupBySuffix<T>(table: ReadonlyMap<string, T>, hostname: string): T | undefined {
  let host = canonicalHostname(hostname);
  for (;;) {
    const hit = table.get(host);
    if (hit !== undefined) return hit;
    const dot = host.indexOf('.');
    if (dot < 0) return undefined;
    host = host.slice(dot + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Shorteners

export interface ShortenerInfo {
  /** The shortener's domain. */
  domain: string;
  /** For a brand's own shortener (amzn.to), the ProtectedName id of that brand. */
  brand?: string;
}

/** General-purpose shorteners: anyone can point them anywhere, so the destination is hidden. */
const GENERAL_SHORTENERS = [
  'bit.ly', 'bitly.com', 'j.mp', 'tinyurl.com', 't.co', 'is.gd', 'v.gd', 'ow.ly', 'buff.ly', 'rebrand.ly',
  'cutt.ly', 'x.gd', 't.ly', 'shorturl.at', 'rb.gy', 'tiny.cc', 'goo.gl', 's.id', 'bit.do', 'qr.ae',
  'tinyurl.is', 'shorturl.me', 'shorte.st', 'adf.ly', 'clck.ru', 'u.to', 'soo.gd', 'urlz.fr', 'dlvr.it',
  'ift.tt', 'bl.ink', 'short.gy', 'tr.im', 'qrco.de', 'kutt.it', 'tiny.one', 'snip.ly', 'lnk.to',
  'surl.li', 'shorter.me', 'did.li', 'gg.gg', 'chilp.it', 'cli.re', 'mcaf.ee',
];

/**
 * Shorteners run by one company for its own links. `lnkd.in` is LinkedIn's but it wraps every
 * link posted there, so it is treated as general. Values are ProtectedName ids from brands.ts.
 */
const BRAND_SHORTENERS: Record<string, string> = {
  'amzn.to': 'amazon', // Amazon
  'amzn.asia': 'amazon', // Amazon Japan
  'a.co': 'amazon', // Amazon
  'youtu.be': 'google', // YouTube
  'g.co': 'google', // Google
  'aka.ms': 'microsoft', // Microsoft
  'msft.it': 'microsoft', // Microsoft social
  'fb.me': 'meta', // Facebook
  'm.me': 'meta', // Messenger
  'apple.co': 'apple', // Apple
  'lin.ee': 'line', // LINE official accounts
  'r10.to': 'rakuten', // Rakuten
};

const SHORTENERS = new Map<string, ShortenerInfo>();
for (const domain of [...GENERAL_SHORTENERS, 'lnkd.in']) SHORTENERS.set(domain, { domain });
for (const [domain, brand] of Object.entries(BRAND_SHORTENERS)) SHORTENERS.set(domain, { domain, brand });

/** What is known about the shortener `hostname` belongs to, if any. */
export function shortenerInfo(hostname: string): ShortenerInfo | undefined {
  return lookupBySuffix(SHORTENERS, hostname);
}

/** True for link shorteners, brand-owned ones included (see `shortenerInfo(…).brand`). */
export function isShortener(hostname: string): boolean {
  return shortenerInfo(hostname) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Hosting of anyone's content

/**
 * - `free-hosting`: free web sites on a shared domain (each site is a subdomain or path).
 * - `file-sharing`: links to files someone uploaded.
 * - `ipfs`: IPFS gateways (content cannot be taken down at one place: favoured by phishing kits).
 * - `form`: form builders (a login form needs no server of the attacker's own).
 * - `cloud-storage`: buckets and blobs served straight from a cloud store.
 */
export type HostingKind = 'free-hosting' | 'file-sharing' | 'ipfs' | 'form' | 'cloud-storage';

export interface HostingInfo {
  kind: HostingKind;
  /** The service's domain as listed. */
  service: string;
  /**
   * True for services legitimate mail (mailing lists, newsletters, colleagues) links to often,
   * so a link there is weak evidence on its own.
   */
  commonInLegitMail: boolean;
}

type HostingEntry = readonly [domain: string, kind: HostingKind, commonInLegitMail: boolean];

const HOSTING_ENTRIES: readonly HostingEntry[] = [
  // Free site hosting and site builders: a subdomain per user.
  ['firebaseapp.com', 'free-hosting', false],
  ['web.app', 'free-hosting', false],
  ['netlify.app', 'free-hosting', false],
  ['vercel.app', 'free-hosting', false],
  ['pages.dev', 'free-hosting', false],
  ['workers.dev', 'free-hosting', false],
  ['glitch.me', 'free-hosting', false],
  ['weebly.com', 'free-hosting', false],
  ['weeblysite.com', 'free-hosting', false],
  ['wixsite.com', 'free-hosting', false],
  ['000webhostapp.com', 'free-hosting', false],
  ['azurewebsites.net', 'free-hosting', false],
  ['herokuapp.com', 'free-hosting', false],
  ['repl.co', 'free-hosting', false],
  ['replit.app', 'free-hosting', false],
  ['replit.dev', 'free-hosting', false],
  ['ngrok-free.app', 'free-hosting', false],
  ['ngrok.io', 'free-hosting', false],
  ['ngrok.app', 'free-hosting', false],
  ['jimdofree.com', 'free-hosting', false],
  ['jimdosite.com', 'free-hosting', false],
  ['square.site', 'free-hosting', false],
  ['typedream.app', 'free-hosting', false],
  ['webflow.io', 'free-hosting', false],
  ['framer.app', 'free-hosting', false],
  ['framer.website', 'free-hosting', false],
  ['notion.site', 'free-hosting', false],
  ['canva.site', 'free-hosting', false],
  ['godaddysites.com', 'free-hosting', false],
  ['mystrikingly.com', 'free-hosting', false],
  ['yolasite.com', 'free-hosting', false],
  ['tilda.ws', 'free-hosting', false],
  ['onrender.com', 'free-hosting', false],
  ['surge.sh', 'free-hosting', false],
  ['appspot.com', 'free-hosting', false],
  ['carrd.co', 'free-hosting', false],
  ['start.page', 'free-hosting', false],
  // Serverless function hosts: a page anyone deploys in minutes under the cloud's name
  // (`us-central1-x.cloudfunctions.net`, `x-uc.a.run.app`); mail links there only for landing pages.
  ['cloudfunctions.net', 'free-hosting', false],
  ['run.app', 'free-hosting', false],
  // Free hosting that project sites, blogs and newsletters use all the time.
  ['github.io', 'free-hosting', true],
  ['gitlab.io', 'free-hosting', true],
  ['sourceforge.io', 'free-hosting', true],
  ['blogspot.com', 'free-hosting', true],
  ['wordpress.com', 'free-hosting', true],
  ['sites.google.com', 'free-hosting', true],
  // Cloud storage served directly (bucket or blob URLs).
  ['storage.googleapis.com', 'cloud-storage', false],
  ['firebasestorage.googleapis.com', 'cloud-storage', false],
  ['blob.core.windows.net', 'cloud-storage', false],
  ['web.core.windows.net', 'cloud-storage', false],
  ['r2.dev', 'cloud-storage', false],
  ['s3.amazonaws.com', 'cloud-storage', false],
  ['digitaloceanspaces.com', 'cloud-storage', false],
  ['backblazeb2.com', 'cloud-storage', false],
  // IPFS gateways.
  ['ipfs.io', 'ipfs', false],
  ['dweb.link', 'ipfs', false],
  ['cloudflare-ipfs.com', 'ipfs', false],
  ['gateway.pinata.cloud', 'ipfs', false],
  ['w3s.link', 'ipfs', false],
  ['nftstorage.link', 'ipfs', false],
  ['ipfs.fleek.co', 'ipfs', false],
  // Form builders (Google Forms is matched by path below).
  ['forms.gle', 'form', false],
  ['forms.office.com', 'form', true],
  ['forms.cloud.microsoft', 'form', true],
  ['jotform.com', 'form', false],
  ['typeform.com', 'form', false],
  ['formstack.com', 'form', false],
  ['wufoo.com', 'form', false],
  ['123formbuilder.com', 'form', false],
  ['surveymonkey.com', 'form', true],
  // File sharing: legitimate and everyday at work, and also a favourite way to deliver phishing pages and malware.
  ['1drv.ms', 'file-sharing', true],
  ['onedrive.live.com', 'file-sharing', true],
  ['sharepoint.com', 'file-sharing', true],
  ['dropbox.com', 'file-sharing', true],
  ['dropboxusercontent.com', 'file-sharing', false],
  ['db.tt', 'file-sharing', false],
  ['wetransfer.com', 'file-sharing', true],
  ['we.tl', 'file-sharing', true],
  ['box.com', 'file-sharing', true],
  ['drive.google.com', 'file-sharing', true],
  ['docs.google.com', 'file-sharing', true],
  ['mega.nz', 'file-sharing', false],
  ['mediafire.com', 'file-sharing', false],
  ['transfernow.net', 'file-sharing', false],
  ['gofile.io', 'file-sharing', false],
  ['files.fm', 'file-sharing', false],
  ['pcloud.link', 'file-sharing', false],
  ['sendspace.com', 'file-sharing', false],
  ['anonfiles.com', 'file-sharing', false],
  ['gigafile.nu', 'file-sharing', true], // ギガファイル便, common in Japan
  ['firestorage.jp', 'file-sharing', true], // firestorage, common in Japan
];

const HOSTING = new Map<string, HostingInfo>();
for (const [service, kind, commonInLegitMail] of HOSTING_ENTRIES) HOSTING.set(service, { kind, service, commonInLegitMail });

/** S3 also answers on regional names (`bucket.s3.ap-northeast-1.amazonaws.com`, `s3-eu-west-1.amazonaws.com`). */
function isS3Host(host: string): boolean {
  if (!host.endsWith('.amazonaws.com')) return false;
  return host.split('.').some((label) => label === 's3' || label.startsWith('s3-'));
}

/** Anything the URL shows as IPFS content: `*.ipfs.<gateway>` subdomains or `/ipfs/<cid>` paths. */
function looksLikeIpfs(host: string, pathname: string | undefined): boolean {
  return host.split('.').includes('ipfs') || (pathname ?? '').startsWith('/ipfs/') || (pathname ?? '').startsWith('/ipns/');
}

/** Classifies where a link (or bare hostname) is hosted; path-aware when given an analysis. */
export function classifyHosting(target: string | UrlAnalysis): HostingInfo | undefined {
  const analysis = typeof target === 'string' ? undefined : target.destination;
  const hostname = typeof target === 'string' ? target : analysis?.hostname;
  if (!hostname) return undefined;
  const host = canonicalHostname(hostname);
  const pathname = analysis?.pathname;
  if (host === 'docs.google.com' && pathname !== undefined && pathname.startsWith('/forms/')) {
    return { kind: 'form', service: 'docs.google.com/forms', commonInLegitMail: true };
  }
  const listed = lookupBySuffix(HOSTING, host);
  if (listed) return listed;
  if (isS3Host(host)) return { kind: 'cloud-storage', service: 's3.amazonaws.com', commonInLegitMail: false };
  if (looksLikeIpfs(host, pathname)) return { kind: 'ipfs', service: 'ipfs', commonInLegitMail: false };
  return undefined;
}

/** The kind of shared hosting behind a link or hostname, if any. */
export function freeHostingKind(target: string | UrlAnalysis): HostingKind | undefined {
  return classifyHosting(target)?.kind;
}

// ---------------------------------------------------------------------------------------------
// Redirectors

/**
 * Email service providers' click-tracking hosts: legitimate newsletters send every link through
 * them, so the shown domain differs from the link's host by design.
 */
const CLICK_TRACKERS = new Map<string, true>(
  [
  'list-manage.com', // Mailchimp
  'mailchi.mp', // Mailchimp
  'mandrillapp.com', // Mailchimp transactional
  'sendgrid.net', // Twilio SendGrid (`u123.ct.sendgrid.net`)
  'rs6.net', // Constant Contact
  'exct.net', // Salesforce Marketing Cloud
  'hubspotlinks.com', // HubSpot
  'hs-sites.com', // HubSpot
  'awstrack.me', // Amazon SES click tracking
  'sparkpostmail.com', // SparkPost
  'mailgun.org', // Mailgun
  'cmail19.com', // Campaign Monitor
  'cmail20.com', // Campaign Monitor
  'createsend1.com', // Campaign Monitor
  'mlsend.com', // MailerLite
  'klclick.com', // Klaviyo
  'klclick1.com', // Klaviyo
  'ct.pinterest.com', // Pinterest notifications
  'emltrk.com', // Litmus
  'benchmarkemail.com', // Benchmark Email
  'bme.jp', // ベンチマークEメール (Japan)
  'cuenote.jp', // Cuenote (Japan)
  'blastmail.jp', // ブラストメール (Japan)
  'sendibt2.com', // Brevo (Sendinblue)
  'sendibt3.com', // Brevo (Sendinblue)
  'embluemail.com', // emBlue
  ].map((domain) => [domain, true]),
);

export type RedirectorKind = 'wrapper' | 'open-redirect' | 'click-tracker';

/**
 * Whether the link's own host (not its unwrapped destination) is a service whose job is to send
 * the browser elsewhere: a gateway wrapper, a redirector we can read, or an ESP click tracker.
 */
export function redirectorKind(analysis: UrlAnalysis): RedirectorKind | undefined {
  if (!analysis.ok || !analysis.hostname) return undefined;
  const host = canonicalHostname(analysis.hostname);
  if (analysis.wrappers.length > 0 || isRewritingServiceHost(host)) {
    const first = analysis.wrappers[0] ?? '';
    return first.endsWith('-redirect') || first === 'google-url' || first === 'google-amp' ? 'open-redirect' : 'wrapper';
  }
  if (analysis.href) {
    try {
      if (unwrapStep(new URL(analysis.href), analysis.registrableDomain)) return 'open-redirect';
    } catch {
      // href came from the parser; failure here is not expected and means "not a redirector".
    }
  }
  if (lookupBySuffix(CLICK_TRACKERS, host)) return 'click-tracker';
  return undefined;
}

/** True when `redirectorKind` names one. */
export function isKnownRedirector(analysis: UrlAnalysis): boolean {
  return redirectorKind(analysis) !== undefined;
}
