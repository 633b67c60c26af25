/**
 * Makes a snapshot read from a hostile page fit the worker's message limits (extension/messages.ts
 * LIMITS), so an oversized field cannot make the check fail: long values are cut and the cut is
 * recorded in `problems` (the scanner sees that the message was not read whole). Pure.
 */
import type { MailAddress, MailSnapshot } from '../../shared/model';
import { LIMITS } from '../messages';

export function fitSnapshot(snapshot: MailSnapshot): MailSnapshot {
  const problems: string[] = [...(snapshot.problems ?? [])].slice(0, LIMITS.problems - 1).map((p) => p.slice(0, LIMITS.summary));
  let cut = false;
  const text = (value: string | undefined, max: number): string | undefined => {
    if (value === undefined) return undefined;
    if (value.length <= max) return value;
    cut = true;
    return value.slice(0, max);
  };
  const address = (a: MailAddress | undefined): MailAddress | undefined => {
    if (!a) return undefined;
    const out: MailAddress = {};
    const addr = text(a.address, LIMITS.summary);
    const name = text(a.name, LIMITS.summary);
    if (addr !== undefined) out.address = addr;
    if (name !== undefined) out.name = name;
    return out;
  };
  const list = <T>(items: T[] | undefined, max: number): T[] | undefined => {
    if (!items) return undefined;
    if (items.length > max) cut = true;
    return items.slice(0, max);
  };

  const out: MailSnapshot = { host: snapshot.host };
  const from = address(snapshot.from);
  if (from) out.from = from;
  const sender = address(snapshot.sender);
  if (sender) out.sender = sender;
  for (const field of ['replyTo', 'to', 'cc'] as const) {
    const items = list(snapshot[field], LIMITS.addresses);
    if (items) out[field] = items.map((a) => address(a)!);
  }
  for (const field of ['subject', 'date', 'messageId', 'inReplyTo'] as const) {
    const value = text(snapshot[field], LIMITS.summary);
    if (value !== undefined) out[field] = value;
  }
  const references = list(snapshot.references, LIMITS.references);
  if (references) out.references = references.map((r) => text(r, LIMITS.summary)!);
  const headers = list(snapshot.headers, LIMITS.headers);
  if (headers) out.headers = headers.map((h) => ({ name: text(h.name, LIMITS.rule)!, value: text(h.value, LIMITS.headerValue)! }));
  for (const field of ['html', 'text'] as const) {
    const value = text(snapshot[field], LIMITS.bodyText);
    if (value !== undefined) out[field] = value;
  }
  const anchors = list(snapshot.anchors, LIMITS.anchors);
  if (anchors) {
    out.anchors = anchors.map((a) => ({
      href: text(a.href, LIMITS.href)!,
      text: text(a.text, LIMITS.text)!,
      ...(a.source ? { source: a.source } : {}),
    }));
  }
  const attachments = list(snapshot.attachments, LIMITS.attachments);
  if (attachments) {
    out.attachments = attachments.map((a) => {
      const item: NonNullable<MailSnapshot['attachments']>[number] = { name: text(a.name, LIMITS.text)! };
      if (a.contentType !== undefined) item.contentType = text(a.contentType, LIMITS.rule * 2)!;
      if (typeof a.size === 'number' && Number.isFinite(a.size) && a.size >= 0) item.size = a.size;
      if (typeof a.encrypted === 'boolean') item.encrypted = a.encrypted;
      const inner = list(a.innerNames, LIMITS.innerNames);
      if (inner) item.innerNames = inner.map((n) => text(n, LIMITS.text)!);
      if (a.sha256 && /^[0-9a-f]{64}$/.test(a.sha256)) item.sha256 = a.sha256;
      return item;
    });
  }
  if (snapshot.missing?.length) out.missing = [...new Set(snapshot.missing)];
  if (cut) problems.push('snapshot-truncated');
  if (problems.length) out.problems = problems;
  return out;
}
