/**
 * A local report endpoint for end-to-end tests, on 127.0.0.1 (the only plain-http host policy
 * accepts). It follows the delivery contract: POST <path> with the report JSON, deduplicated by
 * report id (a repeated id is answered 200 and not counted again), and GET <path>/<id> for
 * answers. Its mode decides what a POST meets: `ok`, `503`, `401` (refused for good), or `hang` (body read and counted as
 * landed, no answer ever sent). `close()` then `listen()` on the same port gives "connection
 * refused" in between. Every request is logged with its time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type EndpointMode = 'ok' | '503' | 'hang' | '401';

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  id?: string;
  kind?: string;
  authorization?: string;
  idempotencyKey?: string;
  answered: number | 'hung';
}

export class ReportEndpoint {
  mode: EndpointMode = 'ok';
  readonly log: LoggedRequest[] = [];
  /** Report id → how many times it was accepted as new (must end at exactly 1). */
  readonly accepted = new Map<string, number>();
  readonly reports = new Map<string, Record<string, unknown>>();
  answers = new Map<string, unknown>();
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(readonly path = '/kokoroe/reports') {}

  get url(): string {
    return `http://127.0.0.1:${this.port}${this.path}`;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open connections (hung requests included). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  postsFor(id: string): LoggedRequest[] {
    return this.log.filter((r) => r.method === 'POST' && r.id === id);
  }

  private cors(res: ServerResponse): void {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, idempotency-key, accept');
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.cors(res);
    const entry: LoggedRequest = { at: Date.now(), method: req.method ?? '', path: url.pathname, answered: 0 };
    if (typeof req.headers.authorization === 'string') entry.authorization = req.headers.authorization;
    if (typeof req.headers['idempotency-key'] === 'string') entry.idempotencyKey = req.headers['idempotency-key'];
    this.log.push(entry);
    if (req.method === 'OPTIONS') {
      entry.answered = 204;
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith(`${this.path}/`)) {
      const id = decodeURIComponent(url.pathname.slice(this.path.length + 1));
      entry.id = id;
      const answer = this.answers.get(id) ?? (this.accepted.has(id) ? { status: 'pending' } : undefined);
      entry.answered = answer ? 200 : 404;
      res.writeHead(answer ? 200 : 404, { 'Content-Type': 'application/json' }).end(answer ? JSON.stringify(answer) : '{}');
      return;
    }
    if (req.method !== 'POST' || url.pathname !== this.path) {
      entry.answered = 404;
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let report: Record<string, unknown>;
    try {
      report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      entry.answered = 400;
      res.writeHead(400).end();
      return;
    }
    const id = String(report.id);
    entry.id = id;
    entry.kind = String(report.kind);
    if (this.mode === '503' || this.mode === '401') {
      entry.answered = Number(this.mode);
      res.writeHead(entry.answered).end();
      return;
    }
    // `hang` and `ok` both land the report (the endpoint has it, deduplicated by id).
    const duplicate = this.accepted.has(id);
    if (!duplicate) {
      this.accepted.set(id, 1);
      this.reports.set(id, report);
    }
    if (this.mode === 'hang') {
      entry.answered = 'hung';
      return;
    }
    entry.answered = duplicate ? 200 : 201;
    res.writeHead(entry.answered, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id, duplicate }));
  }
}
