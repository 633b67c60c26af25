import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOriginal } from '../../../extension/outbox/original';
import { fetchTransport } from '../../../extension/outbox/fetch-transport';

const EML = 'From: a@example.jp\r\nSubject: x\r\n\r\nbody\r\n';
let server: Server;
let base: string;
const seen: { path: string; auth?: string; key?: string; cookie?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization, key: req.headers['idempotency-key'] as string | undefined, cookie: req.headers.cookie });
    if (req.url === '/source') res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(EML);
    else if (req.url === '/viewer') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<pre>x</pre>');
    else if (req.url === '/moved') res.writeHead(302, { Location: '/source' }).end();
    else if (req.url === '/reports' && req.method === 'POST') res.writeHead(201).end();
    else if (req.url === '/reports/redirect') res.writeHead(307, { Location: 'http://127.0.0.1:1/elsewhere' }).end();
    else if (req.url === '/reports/answer') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"answered","answer":"safe"}');
    else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 2_000);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetchOriginal', () => {
  it('takes a plain-text source as the .eml bytes', async () => {
    const bytes = await fetchOriginal(`${base}/source`);
    expect(new TextDecoder().decode(bytes)).toBe(EML);
  });

  it.each(['/viewer', '/moved', '/missing'])('treats %s (HTML viewer, redirect, error) as unavailable', async (path) => {
    expect(await fetchOriginal(`${base}${path}`)).toBeUndefined();
  });
});

describe('fetchTransport', () => {
  it('posts with the bearer token and the idempotency key', async () => {
    const result = await fetchTransport().post({ url: `${base}/reports`, token: 'tok', body: '{"id":"x"}', id: 'x' });
    expect(result).toEqual({ ok: true, status: 201 });
    expect(seen.at(-1)).toMatchObject({ path: '/reports', auth: 'Bearer tok', key: 'x' });
    expect(seen.at(-1)!.cookie).toBeUndefined();
  });

  it('refuses redirects, so a report never leaves for another host', async () => {
    const result = await fetchTransport().post({ url: `${base}/reports/redirect`, body: '{}', id: 'y' });
    expect(result).toMatchObject({ ok: false, error: 'network' });
  });

  it('reads answers and gives up on a slow endpoint as a timeout', async () => {
    expect(await fetchTransport().get({ url: `${base}/reports/answer` })).toEqual({ ok: true, status: 200, body: '{"status":"answered","answer":"safe"}' });
    expect(await fetchTransport({ timeoutMs: 200 }).post({ url: `${base}/slow`, body: '{}', id: 'z' })).toEqual({ ok: false, error: 'timeout' });
    expect(await fetchTransport().post({ url: 'http://127.0.0.1:1/closed', body: '{}', id: 'w' })).toMatchObject({ ok: false, error: 'network' });
  });
});
