import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../../../shared/outbox';
import { acceptOriginalUrl } from '../../../extension/outbox/consult-requests';
import { consultsFromRecords, type ConsultMap } from '../../../extension/outbox/consults';
import { validateOutboxRequest } from '../../../extension/outbox/protocol';

const ID1 = '0b7c3c9e-2f4e-4d3a-9a51-0c0e2b1d7f11';
const ID2 = '1c8d4dae-3f5f-4e4b-8b62-1d1f3c2e8a22';

function record(over: Partial<OutboxRecord>): OutboxRecord {
  return { id: ID1, kind: 'consult', summary: {}, state: 'queued', createdAt: 1_000, updatedAt: 1_000, attempts: 0, bytes: 10, messageKey: 'gmail:1', ...over };
}

describe('consultsFromRecords', () => {
  it('marks a message pending while its report is under way and answered when IT answers', () => {
    let map: ConsultMap = consultsFromRecords({}, [record({})], 2_000);
    expect(map['gmail:1']).toMatchObject({ reportId: ID1, status: 'pending', channel: 'endpoint', delivery: 'queued' });
    map = consultsFromRecords(map, [record({ state: 'delivered' })], 3_000);
    expect(map['gmail:1']).toMatchObject({ status: 'pending', delivery: 'delivered', updatedAt: 3_000 });
    map = consultsFromRecords(map, [record({ state: 'delivered', answer: { status: 'answered', answer: 'delete', note: 'ごみ箱も空に' } })], 4_000);
    expect(map['gmail:1']).toMatchObject({ status: 'answered', answerCode: 'delete', answer: '危険なメールです。削除してください。', note: 'ごみ箱も空に' });
  });

  it('removes resolved consults, keeps mail-channel ones, and lets the newest consult win', () => {
    const mail: ConsultMap = { 'gmail:2': { reportId: ID2, status: 'pending', channel: 'mail', since: 500, updatedAt: 500 } };
    const after = consultsFromRecords({ ...mail, ...consultsFromRecords({}, [record({})], 2_000) }, [record({ resolved: true, state: 'delivered' })], 3_000);
    expect(after).toEqual(mail);
    const newer = consultsFromRecords({}, [record({ id: ID2, createdAt: 5_000 }), record({ id: ID1, createdAt: 1_000, state: 'failed' })], 6_000);
    expect(newer['gmail:1']!.reportId).toBe(ID2);
  });
});

describe('validateOutboxRequest', () => {
  it.each([
    [{ type: 'consult-get' }, true],
    [{ type: 'consult-get', id: ID1 }, true],
    [{ type: 'consult-get', id: '../x' }, false],
    [{ type: 'consult-send', id: ID1, kind: 'consult', includeOriginal: false, lang: 'ja' }, true],
    [{ type: 'consult-send', kind: 'opened-already', includeOriginal: true, comment: 'すぐ電話します' }, true],
    [{ type: 'consult-send', kind: 'consult' }, false],
    [{ type: 'consult-send', kind: 'delete', includeOriginal: false }, false],
    [{ type: 'consult-send', kind: 'consult', includeOriginal: false, comment: 'x'.repeat(2_001) }, false],
    [{ type: 'consult-mail', kind: 'report', lang: 'en' }, true],
    [{ type: 'consult-resolve', key: 'gmail:1' }, true],
    [{ type: 'consult-resolve', key: '' }, false],
    [{ type: 'outbox-dismiss', reportId: ID2 }, true],
    [{ type: 'outbox-mailto', reportId: 'nope' }, false],
    [{ type: 'outbox-send-to', url: 'https://evil.example/' }, false],
    [null, false],
  ])('%j → %s', (message, ok) => {
    expect(validateOutboxRequest(message).ok).toBe(ok);
  });

  it('drops anything that could name a destination', () => {
    const r = validateOutboxRequest({ type: 'consult-send', kind: 'consult', includeOriginal: false, endpoint: 'https://evil.example/', mailbox: 'evil@x.example' });
    expect(r).toEqual({ ok: true, request: { type: 'consult-send', kind: 'consult', includeOriginal: false, lang: 'ja' } });
  });
});

describe('acceptOriginalUrl', () => {
  const origins = ['https://mail.google.com', 'https://webmail.example-clinic.jp'];
  it.each([
    ['https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f:1', 'https://mail.google.com/mail/u/0/#inbox/1', true],
    ['https://webmail.example-clinic.jp/?_task=mail&_action=viewsource&_uid=5', 'https://webmail.example-clinic.jp/?_task=mail', true],
    ['https://evil.example/?view=om', 'https://mail.google.com/mail/u/0/', false],
    ['https://webmail.example-clinic.jp/?_action=viewsource', 'https://mail.google.com/mail/u/0/', false],
    ['http://mail.google.com/mail/u/0/?view=om', 'http://mail.google.com/', false],
    ['https://user:pw@mail.google.com/', 'https://mail.google.com/', false],
    ['https://outlook.office.com/x', 'https://outlook.office.com/mail/', false],
  ])('%s from %s → %s', (url, sender, ok) => {
    expect(acceptOriginalUrl(url, sender, origins) !== undefined).toBe(ok);
  });
});
