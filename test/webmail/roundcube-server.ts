/**
 * A real Roundcube 1.6 (Debian's roundcube-core, elastic skin) on loopback, with a real IMAP
 * server (Dovecot) behind it: the webmail our Roundcube adapter must work against. Everything
 * lives in one temporary folder and on 127.0.0.1 ports chosen at start; `stop()` ends both
 * servers and removes the folder. Needs root (Dovecot drops to its own users) and the Debian
 * packages installed by `test/setup/system-deps.sh`.
 *
 * Never: listen on anything but 127.0.0.1, or touch the system's own Roundcube/Dovecot config.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync, chmodSync, readFileSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RoundcubeServer {
  /** e.g. `http://127.0.0.1:40123` */
  origin: string;
  user: string;
  password: string;
  /** Puts one RFC 5322 message into the user's INBOX. */
  deliver(eml: Buffer | string): void;
  /** Ends Dovecot and PHP and removes the folder. */
  stop(): Promise<void>;
  /** The same, at once and synchronously (for signal handlers that may not get another turn). */
  stopSync(): void;
  /** The temporary folder holding config, mailbox and logs. */
  dir: string;
}

/** Debian's Roundcube install (program, skins, plugins) read in place. */
const ROUNDCUBE_PUBLIC = '/var/lib/roundcube/public_html';
const ROUNDCUBE_DEFAULTS = '/etc/roundcube/defaults.inc.php';
const ROUNDCUBE_MIMETYPES = '/etc/roundcube/mimetypes.php';

export function webmailPackagesPresent(): boolean {
  return existsSync(ROUNDCUBE_PUBLIC) && existsSync('/usr/sbin/dovecot') && existsSync('/usr/bin/php');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function dovecotConfig(dir: string, imapPort: number): string {
  return `# Test-only Dovecot: plain IMAP on loopback, one passwd-file user, Maildir in ${dir}
base_dir = ${dir}/run
state_dir = ${dir}/run/state
protocols = imap
listen = 127.0.0.1
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n ${dir}/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%n
}
first_valid_uid = 100
mail_location = maildir:${dir}/mail/%n/Maildir
log_path = ${dir}/logs/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
`;
}

function roundcubeConfig(dir: string, imapPort: number): string {
  // Values are plain strings written by us; nothing here comes from mail.
  return `<?php
// Test-only Roundcube configuration (sqlite, loopback IMAP, Japanese UI).
$config = [];
$config['db_dsnw'] = 'sqlite:///${dir}/db/roundcube.db?mode=0646';
$config['imap_host'] = '127.0.0.1:${imapPort}';
$config['smtp_host'] = '';
$config['des_key'] = 'kokoroe-test-only-deskey';
$config['plugins'] = [];
$config['skin'] = 'elastic';
$config['language'] = 'ja_JP';
$config['timezone'] = 'Asia/Tokyo';
$config['log_dir'] = '${dir}/logs/';
$config['temp_dir'] = '${dir}/tmp/';
$config['enable_installer'] = false;
$config['login_rate_limit'] = 0;
$config['show_images'] = 0;
$config['prefer_html'] = true;
`;
}

export interface StartRoundcubeOptions {
  user?: string;
  password?: string;
  /** HTTP port on 127.0.0.1 (the demo uses a fixed one); a free port is chosen when absent. */
  httpPort?: number;
}

export async function startRoundcube(options: StartRoundcubeOptions = {}): Promise<RoundcubeServer> {
  if (!webmailPackagesPresent()) {
    throw new Error('Roundcube/Dovecot/PHP are not installed: run `bash test/setup/system-deps.sh` as root');
  }
  if (process.getuid?.() !== 0) throw new Error('the local Roundcube needs root (Dovecot runs its mailbox as its own users); CI runs as root');
  const user = options.user ?? 'nurse';
  const password = options.password ?? 'kokoroe-test';
  const dir = mkdtempSync(join(tmpdir(), 'kokoroe-webmail-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run/state', 'mail', 'config', 'db', 'logs', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  execFileSync('chown', ['-R', 'dovecot:dovecot', join(dir, 'mail')]);
  writeFileSync(join(dir, 'logs/dovecot.log'), '');
  chmodSync(join(dir, 'logs/dovecot.log'), 0o666);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);

  const imapPort = await freePort();
  const httpPort = options.httpPort ?? (await freePort());
  const dovecotConf = join(dir, 'dovecot.conf');
  writeFileSync(dovecotConf, dovecotConfig(dir, imapPort));
  // Dovecot daemonises: its children must not hold our pipes open.
  execFileSync('dovecot', ['-c', dovecotConf], { stdio: 'ignore' });
  await waitForPort(imapPort, 10_000);

  writeFileSync(join(dir, 'config/config.inc.php'), roundcubeConfig(dir, imapPort));
  symlinkSync(ROUNDCUBE_DEFAULTS, join(dir, 'config/defaults.inc.php'));
  symlinkSync(ROUNDCUBE_MIMETYPES, join(dir, 'config/mimetypes.php'));
  execFileSync('php', [
    '-r',
    '$db = new PDO("sqlite:" . $argv[1]); $db->exec(file_get_contents($argv[2]));',
    join(dir, 'db/roundcube.db'),
    '/usr/share/roundcube/SQL/sqlite.initial.sql',
  ]);

  // Its own process group: with PHP_CLI_SERVER_WORKERS the server forks workers, and killing
  // only the parent would leave them serving (and holding the port) after stop().
  const php: ChildProcess = spawn('php', ['-S', `127.0.0.1:${httpPort}`, '-t', ROUNDCUBE_PUBLIC], {
    env: { ...process.env, ROUNDCUBE_CONFIG_DIR: join(dir, 'config'), PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true,
  });
  const phpExited = new Promise<void>((resolve) => php.once('exit', () => resolve()));
  const killPhp = (): void => {
    try {
      if (php.pid !== undefined) process.kill(-php.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const stopDovecot = (): void => {
    try {
      execFileSync('doveadm', ['-c', dovecotConf, 'stop'], { stdio: 'ignore' });
    } catch {
      // not running
    }
  };
  // A process that exits without calling stop() must not leave the servers or the folder behind.
  const onExit = (): void => {
    killPhp();
    stopDovecot();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  try {
    await waitForPort(httpPort, 10_000);
  } catch (error) {
    process.removeListener('exit', onExit);
    onExit();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  return {
    // The URL parser's origin: no `:80` for the default port.
    origin: new URL(`http://127.0.0.1:${httpPort}`).origin,
    user,
    password,
    dir,
    deliver(eml) {
      execFileSync('doveadm', ['-c', dovecotConf, 'save', '-u', user], { input: eml });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      killPhp();
      stopDovecot();
      await Promise.race([phpExited, new Promise((r) => setTimeout(r, 2_000))]);
      await new Promise((r) => setTimeout(r, 200));
      rmSync(dir, { recursive: true, force: true });
    },
    stopSync() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      onExit();
    },
  };
}

/** The Roundcube error log, for test failure messages. */
export function roundcubeErrors(server: RoundcubeServer): string {
  try {
    return readFileSync(join(server.dir, 'logs/errors.log'), 'utf8');
  } catch {
    return '';
  }
}
