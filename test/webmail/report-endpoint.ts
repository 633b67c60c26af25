/**
 * A local report endpoint on 127.0.0.1 for webmail tests and the demo: accepts the outbox's
 * `POST` (JSON `kokoroe.report/1`, bearer token, Idempotency-Key), answers `GET /<id>` with
 * `{status: 'pending'}`, answers CORS preflights, and keeps every request it saw.
 *
 * Never: listen on anything but loopback, or forward what it receives anywhere.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ReceivedReport {
  id: string;
  idempotencyKey?: string;
  authorization?: string;
  report: Record<string, unknown>;
}

export interface ReportEndpoint {
  /** e.g. `http://127.0.0.1:40124/reports` */
  url: string;
  token: string;
  /** Every request line seen, in order (`POST /reports`, `GET /reports/<id>`, `OPTIONS …`). */
  requests: string[];
  reports: ReceivedReport[];
  /** Resolves with the first report that satisfies `match` (already received or arriving later). */
  waitForReport(match?: (r: ReceivedReport) => boolean, timeoutMs?: number): Promise<ReceivedReport>;
  stop(): Promise<void>;
}

const MAX_BODY = 40 * 1024 * 1024;

export async function startReportEndpoint(options: { token?: string; log?: (line: string) => void } = {}): Promise<ReportEndpoint> {
  const token = options.token ?? 'kokoroe-webmail-test-token';
  const requests: string[] = [];
  const reports: ReceivedReport[] = [];
  const waiters: { match: (r: ReceivedReport) => boolean; resolve: (r: ReceivedReport) => void }[] = [];

  const cors = (res: ServerResponse): void => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, Accept');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const line = `${req.method} ${req.url}`;
    requests.push(line);
    options.log?.(line);
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path.startsWith('/reports/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'pending' }));
      return;
    }
    if (req.method !== 'POST' || path !== '/reports') {
      res.writeHead(404).end();
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      let report: Record<string, unknown>;
      try {
        report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = typeof report.id === 'string' ? report.id : '';
      // Idempotent: the same id is stored once however often it arrives.
      if (!reports.some((r) => r.id === id)) {
        const received: ReceivedReport = {
          id,
          report,
          ...(typeof req.headers['idempotency-key'] === 'string' ? { idempotencyKey: req.headers['idempotency-key'] } : {}),
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        };
        reports.push(received);
        for (const waiter of waiters.splice(0)) {
          if (waiter.match(received)) waiter.resolve(received);
          else waiters.push(waiter);
        }
      }
      res.writeHead(202, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'received', id }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/reports`,
    token,
    requests,
    reports,
    waitForReport(match = () => true, timeoutMs = 30_000) {
      const found = reports.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no report reached the endpoint within ${timeoutMs} ms (requests: ${requests.join(', ') || 'none'})`)), timeoutMs);
        waiters.push({
          match,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
