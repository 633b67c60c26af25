/**
 * The selected Outlook item → MailSnapshot (host 'outlook-addin'), the same shape the .eml reader
 * and the webmail adapters produce, so the shared scanner runs the same checks on it.
 *
 * What comes from where (requirement sets in outlook-addin/README.md):
 * - From, Sender, To, Cc, Subject, Internet Message-ID, attachment list: item properties (1.1).
 * - HTML body: `body.getAsync('html')` (1.3).
 * - Raw header lines, Reply-To, In-Reply-To, References, Date: `getAllInternetHeadersAsync` (1.8).
 * - Inside archives (encrypted?, entry names) and SHA-256: `getAttachmentContentAsync` (1.8),
 *   only for file attachments that look like archives and are not too large; the bytes are read
 *   by shared/mail's inspectAttachmentBytes, as the .eml reader reads them.
 * Older clients give less: the snapshot says so in `missing` / `problems`, never guesses.
 *
 * Must never: throw or reject, fetch anything, or open an attachment beyond reading its bytes
 * into the archive inspector.
 */
import type { MailAddress, MailAttachment, MailSnapshot, MissingPart } from '../../shared/model';
import { inspectAttachmentBytes } from '../../shared/mail/attachment-bytes';
import { base64Bytes } from '../../shared/mail/header-text';
import { sha256Hex } from '../../shared/mail/parse-eml';
import { fieldsFromHeaders, parseInternetHeaders } from '../core/internet-headers';
import { callHost, supportsMailbox } from './mailbox-office';

export interface ReadItemOptions {
  /** Largest attachment whose bytes are read to look inside an archive. @default 20_971_520 (20 MiB) */
  maxArchiveBytes?: number;
  /** Archive attachments read per message. @default 10 */
  maxArchivesRead?: number;
}

export const READ_ITEM_DEFAULTS: Required<ReadItemOptions> = {
  maxArchiveBytes: 20 * 1024 * 1024,
  maxArchivesRead: 10,
};

/** Names and types worth opening to list entries and spot a password (PPAP). */
const ARCHIVE_NAME = /\.(zip|rar|7z)$/i;
const ARCHIVE_TYPE = /^application\/(zip|x-zip-compressed|x-zip|x-rar-compressed|vnd\.rar|x-7z-compressed)$/i;

export async function readMailboxItem(options?: ReadItemOptions): Promise<MailSnapshot> {
  const limits = { ...READ_ITEM_DEFAULTS, ...options };
  let item: Office.MessageRead | undefined;
  try {
    item = Office.context.mailbox.item as Office.MessageRead | undefined;
  } catch {
    item = undefined;
  }
  if (!item) {
    return { host: 'outlook-addin', missing: ['body', 'links', 'attachments'], problems: ['No message is selected'] };
  }
  const problems: string[] = [];
  const missing = new Set<MissingPart>();
  const snapshot: MailSnapshot = { host: 'outlook-addin' };

  const from = toAddress(read(() => item.from));
  if (from) snapshot.from = from;
  const sender = toAddress(read(() => item.sender));
  if (sender && (sender.address ?? '').toLowerCase() !== (from?.address ?? '').toLowerCase()) snapshot.sender = sender;
  const to = toAddressList(read(() => item.to));
  if (to.length > 0) snapshot.to = to;
  const cc = toAddressList(read(() => item.cc));
  if (cc.length > 0) snapshot.cc = cc;
  const subject = read(() => item.subject);
  if (typeof subject === 'string') snapshot.subject = subject;
  const messageId = read(() => item.internetMessageId);
  if (typeof messageId === 'string' && messageId.trim() !== '') snapshot.messageId = messageId.trim();
  const created = read(() => item.dateTimeCreated);
  if (created instanceof Date && !Number.isNaN(created.getTime())) snapshot.date = created.toISOString();

  const [headers, body, attachments] = await Promise.all([readHeaders(item), readBody(item), readAttachments(item, limits)]);

  if (headers.ok) {
    const parsed = parseInternetHeaders(headers.value);
    problems.push(...parsed.problems);
    if (parsed.headers.length > 0) {
      snapshot.headers = parsed.headers;
      Object.assign(snapshot, fieldsFromHeaders(parsed.headers));
      // The Date header is what the sender wrote; dateTimeCreated is when the copy was made.
      const date = parsed.headers.find((h) => h.name.toLowerCase() === 'date')?.value;
      const time = date !== undefined ? Date.parse(date) : Number.NaN;
      if (Number.isFinite(time)) snapshot.date = new Date(time).toISOString();
    }
  } else {
    problems.push(headers.error);
  }

  if (body.ok) {
    snapshot.html = body.value;
  } else {
    problems.push(`Body not read: ${body.error}`);
    missing.add('body');
    missing.add('links');
  }

  if (attachments.list) {
    if (attachments.list.length > 0) snapshot.attachments = attachments.list;
  } else {
    missing.add('attachments');
  }
  problems.push(...attachments.problems);

  if (problems.length > 0) snapshot.problems = problems;
  if (missing.size > 0) snapshot.missing = [...missing];
  return snapshot;
}

async function readHeaders(item: Office.MessageRead): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  if (!supportsMailbox('1.8') || typeof item.getAllInternetHeadersAsync !== 'function') {
    return { ok: false, error: 'Internet headers need Mailbox 1.8; this Outlook does not offer them' };
  }
  const result = await callHost<string>((cb) => item.getAllInternetHeadersAsync(cb));
  return result.ok ? result : { ok: false, error: `Internet headers not read: ${result.error}` };
}

async function readBody(item: Office.MessageRead): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  const body = read(() => item.body);
  if (!body || typeof body.getAsync !== 'function') return { ok: false, error: 'this Outlook does not offer the body' };
  const result = await callHost<string>((cb) => body.getAsync('html' as Office.CoercionType, cb));
  if (!result.ok) return result;
  return typeof result.value === 'string' ? result : { ok: false, error: 'body was not text' };
}

interface AttachmentsRead {
  /** Undefined when the host gave no attachment list at all. */
  list?: MailAttachment[];
  problems: string[];
}

async function readAttachments(item: Office.MessageRead, limits: Required<ReadItemOptions>): Promise<AttachmentsRead> {
  const problems: string[] = [];
  const details = read(() => item.attachments);
  if (!Array.isArray(details)) return { problems: ['Attachment list not available'] };
  const canReadContent = supportsMailbox('1.8') && typeof item.getAttachmentContentAsync === 'function';
  let archivesRead = 0;
  const list: MailAttachment[] = [];
  for (const detail of details) {
    if (!detail || typeof detail !== 'object') continue;
    const type = String(detail.attachmentType ?? 'file');
    const attachment: MailAttachment = { name: typeof detail.name === 'string' ? detail.name : '' };
    const contentType = typeof detail.contentType === 'string' && detail.contentType !== '' ? detail.contentType.toLowerCase() : undefined;
    if (type === 'item') attachment.contentType = 'message/rfc822';
    else if (contentType) attachment.contentType = contentType;
    if (typeof detail.size === 'number' && Number.isFinite(detail.size) && detail.size >= 0) attachment.size = detail.size;
    list.push(attachment);

    const archiveLike = ARCHIVE_NAME.test(attachment.name) || (contentType !== undefined && ARCHIVE_TYPE.test(contentType));
    if (type !== 'file' || !archiveLike) continue;
    if (!canReadContent) {
      problems.push(`Attachment "${attachment.name}": contents need Mailbox 1.8; not looked inside`);
      continue;
    }
    if ((attachment.size ?? 0) > limits.maxArchiveBytes || archivesRead >= limits.maxArchivesRead) {
      problems.push(`Attachment "${attachment.name}": too large or too many archives; not looked inside`);
      continue;
    }
    archivesRead++;
    const content = await callHost<Office.AttachmentContent>((cb) => item.getAttachmentContentAsync(detail.id, cb));
    if (!content.ok || !content.value || String(content.value.format) !== 'base64' || typeof content.value.content !== 'string') {
      problems.push(`Attachment "${attachment.name}": contents not read${content.ok ? '' : `: ${content.error}`}`);
      continue;
    }
    const bytes = base64Bytes(content.value.content);
    const sha256 = await sha256Hex(bytes);
    if (sha256) attachment.sha256 = sha256;
    // The same reading of the bytes as the .eml reader's, so both describe a file the same way.
    const inspection = inspectAttachmentBytes(bytes);
    if (inspection.encrypted !== undefined) attachment.encrypted = inspection.encrypted;
    if (inspection.innerNames !== undefined) attachment.innerNames = inspection.innerNames;
    for (const p of inspection.problems) problems.push(`Attachment "${attachment.name}": ${p}`);
  }
  return { list, problems };
}

/** Reads a host property; some hosts throw on properties they do not support. */
function read<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function toAddress(details: Office.EmailAddressDetails | undefined): MailAddress | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const out: MailAddress = {};
  const address = typeof details.emailAddress === 'string' ? details.emailAddress.trim() : '';
  const name = typeof details.displayName === 'string' ? details.displayName.trim() : '';
  if (address !== '') out.address = address;
  if (name !== '') out.name = name;
  return out.address !== undefined || out.name !== undefined ? out : undefined;
}

function toAddressList(list: Office.EmailAddressDetails[] | undefined): MailAddress[] {
  if (!Array.isArray(list)) return [];
  const out: MailAddress[] = [];
  for (const entry of list) {
    const address = toAddress(entry);
    if (address) out.push(address);
  }
  return out;
}
