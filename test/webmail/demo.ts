/**
 * `npm run demo`: a local Roundcube 1.6 (Dovecot IMAP behind it) with a demo mailbox of the
 * test messages — phishing patterns and clean mail in ISO-2022-JP, Shift_JIS and UTF-8 — and a
 * local report endpoint, so a newcomer can load the built extension into their own browser and
 * see it work with no mail account. Prints the address, user and password and the steps; runs
 * until Ctrl-C, then stops everything it started.
 *
 *   npm run demo [-- --port 8765] [--user nurse] [--password kokoroe-demo] [--mail DIR]
 *
 * Needs root (Dovecot) and the Debian packages of test/setup/system-deps.sh. Listens on
 * 127.0.0.1 only; writes nothing outside its temporary folder.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, optionString } from '../../shared/cli/args';
import { REPO_ROOT } from '../e2e/harness';
import { startReportEndpoint } from './report-endpoint';
import { startRoundcube } from './roundcube-server';
import { TEST_ORG, WEBMAIL_FIXTURES } from './webmail-messages';

const DEFAULT_PORT = 8765;

/**
 * A copy of a build granted the loopback origin at install: the release manifest's optional
 * host permissions cover https origins only, so the options page cannot ask for
 * http://127.0.0.1. The copy lives in the demo's folder and goes when the demo stops.
 */
function loopbackCopy(build: string, into: string): string | undefined {
  if (!existsSync(join(build, 'manifest.json'))) return undefined;
  cpSync(build, into, { recursive: true });
  const manifestPath = join(into, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return into;
}

function usage(): string {
  return 'usage: npm run demo -- [--port N] [--user NAME] [--password TEXT] [--mail DIR]...';
}

/** .eml files of a folder, in name order. */
function emlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.eml'))
    .sort()
    .map((f) => join(dir, f));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    port: { value: true },
    user: { value: true },
    password: { value: true },
    mail: { value: true, repeat: true },
    help: { value: false },
  });
  if (args.options.help) {
    console.log(usage());
    return 0;
  }
  const port = Number(optionString(args, 'port') ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) args.errors.push('--port must be a number from 1024 to 65535');
  if (args.errors.length > 0) {
    console.error(`${args.errors.join('\n')}\n${usage()}`);
    return 2;
  }
  if (process.getuid?.() !== 0) {
    console.error('The demo starts its own Dovecot, which needs root: run it as root (e.g. `sudo npm run demo`).');
    return 1;
  }
  const mailDirs = args.options.mail === undefined ? [WEBMAIL_FIXTURES] : ([] as string[]).concat(args.options.mail as string | string[]).map((d) => resolve(d));
  const files = mailDirs.flatMap(emlFiles);
  if (files.length === 0) {
    console.error(`no .eml files in ${mailDirs.join(', ')}`);
    return 1;
  }

  const rc = await startRoundcube({ httpPort: port, user: optionString(args, 'user') ?? 'nurse', password: optionString(args, 'password') ?? 'kokoroe-demo' });
  const endpoint = await startReportEndpoint({
    token: 'kokoroe-demo-token',
    log: (line) => {
      if (line.startsWith('POST')) console.log(`[report endpoint] ${line}`);
    },
  });
  let stopping = false;
  // Synchronous: under `npm run`, Ctrl-C reaches npm and tsx too, and they may not wait for us.
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Roundcube, Dovecot and the report endpoint… / 停止しています…');
    rc.stopSync();
    void endpoint.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    for (const file of files) rc.deliver(readFileSync(file));
  } catch (error) {
    console.error(`could not deliver the demo mail: ${String(error)}`);
    await stop(1);
    return 1;
  }

  // A managed policy a person may install by hand to try the consult flow end to end.
  const policy = {
    ...TEST_ORG,
    adminContact: { name: '情報システム室（デモ）', phone: '内線 1234', hours: '平日 8:30–17:15' },
    roundcubeOrigins: [rc.origin],
    reportEndpoint: endpoint.url,
    reportToken: endpoint.token,
    reportOriginal: 'ask',
  };
  const policyFile = join(rc.dir, 'kokoroe-demo-policy.json');
  writeFileSync(policyFile, JSON.stringify(policy, null, 2));

  const chromeBuild = loopbackCopy(join(REPO_ROOT, '.output/chrome-mv3'), join(rc.dir, 'extension-chrome'));
  const firefoxCopy = loopbackCopy(join(REPO_ROOT, '.output/firefox-mv3'), join(rc.dir, 'extension-firefox'));
  const firefoxBuild = firefoxCopy ? join(firefoxCopy, 'manifest.json') : undefined;
  if (!chromeBuild && !firefoxBuild) console.warn('No build in .output: run `npm run build` first (npm run demo does).');
  console.log(`
心得メールガード デモ / Kokoroe Mail Guard demo
==============================================
Roundcube   ${rc.origin}/
ユーザー    ${rc.user}
パスワード  ${rc.password}
メール      ${files.length} 通（${mailDirs.join(', ')}）

1. 拡張機能を読み込む / Load the extension (a copy of .output/ allowed to read ${rc.origin})
   Chrome・Edge・Chromium: chrome://extensions →「デベロッパー モード」をオン →
   「パッケージ化されていない拡張機能を読み込む」→ ${chromeBuild ?? '(no build)'}
   Firefox: about:debugging#/runtime/this-firefox →「一時的なアドオンを読み込む」→ ${firefoxBuild ?? '(no build)'}
2. 拡張機能のオプションを開き、「Roundcube のアドレス」に ${rc.origin} と入力して「保存」。
   Open the extension's options, enter ${rc.origin} under Roundcube addresses and Save.
3. ${rc.origin}/ を開き、上のユーザーとパスワードでログインしてメールを開くと、
   メールの上に注意の帯が出ます。危険なリンクをクリックすると警告ページが開きます。
   Open ${rc.origin}/, log in with the user and password above and open a message: the banner
   appears above it; a flagged link opens the warning page instead.

「管理者に相談」の送信まで試すとき / To try sending a consult end to end:
   IT の管理ポリシーとして次のファイルを置き、ブラウザーを再起動します（root、マシン全体、試したら削除）:
   Install this file as managed policy (root, machine-wide; remove it afterwards) and restart the browser:
     ${policyFile}
     Chromium: /etc/chromium/policies/managed/   Chrome: /etc/opt/chrome/policies/managed/
     形式 / format: {"3rdparty":{"extensions":{"<extension id>":<the file's content>}}}
   Reports arrive at ${endpoint.url} and are listed here.

Ctrl-C で終了します（Roundcube と Dovecot も止まります）/ Ctrl-C stops everything.
`);
  // Keep running until a signal arrives.
  await new Promise<never>(() => undefined);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
