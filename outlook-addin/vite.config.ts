/**
 * Build of the Outlook add-in (`npm run build:addin`): the deployable folder .output/outlook-addin
 * with the task pane, the function file/runtime, icons, help page, policy.json and both
 * manifests, whose source locations point at the hospital's own HTTPS host.
 *
 * Environment:
 * - KOKOROE_ADDIN_BASE_URL — where the folder will be served, e.g.
 *   `https://mailguard.hospital.example.jp/outlook` (https only; no query or fragment).
 *   @default https://localhost:3000 (sideloading a trial from a local HTTPS server)
 * - KOKOROE_ADDIN_POLICY — path of a policy.json to deploy instead of the empty default.
 * - KOKOROE_ADDIN_TLS_CERT / KOKOROE_ADDIN_TLS_KEY — PEM files for `npm run serve:addin`, which
 *   serves the built folder at https://localhost:3000 for sideloading (the certificate must be
 *   trusted by the machine running Outlook).
 *
 * What it must never do: write a manifest with a non-https source location, or ship a
 * policy.json that is not valid JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

const ADDIN_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = resolve(ADDIN_DIR, '..');
export const OUT_DIR = resolve(REPO_DIR, '.output/outlook-addin');
/** The origin written in the source manifests; replaced at build time. */
export const SOURCE_BASE_URL = 'https://localhost:3000';
export const MANIFESTS = ['manifest.xml', 'manifest-report-phishing.xml'] as const;

/** Validates KOKOROE_ADDIN_BASE_URL: https, no credentials/query/fragment, no trailing slash. */
export function resolveBaseUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim() || SOURCE_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`KOKOROE_ADDIN_BASE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:') throw new Error(`KOKOROE_ADDIN_BASE_URL must be https (Outlook loads add-ins over HTTPS only): ${value}`);
  if (url.username || url.password || url.search || url.hash) throw new Error(`KOKOROE_ADDIN_BASE_URL must not carry credentials, a query or a fragment: ${value}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The source manifest with its origin replaced and the version taken from package.json. */
export function renderManifest(source: string, baseUrl: string, version: string): string {
  const escaped = baseUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fourPart = /^\d+\.\d+\.\d+$/.test(version) ? `${version}.0` : '0.0.0.0';
  return source.split(SOURCE_BASE_URL).join(escaped).replace(/<Version>[^<]*<\/Version>/, `<Version>${fourPart}</Version>`);
}

function addinFiles(baseUrl: string): Plugin {
  return {
    name: 'kokoroe-outlook-addin-files',
    apply: 'build',
    async closeBundle() {
      const pkg = JSON.parse(readFileSync(resolve(REPO_DIR, 'package.json'), 'utf8')) as { version: string };
      for (const name of MANIFESTS) {
        const source = readFileSync(resolve(ADDIN_DIR, name), 'utf8');
        writeFileSync(resolve(OUT_DIR, name), renderManifest(source, baseUrl, pkg.version));
      }
      const policyPath = process.env.KOKOROE_ADDIN_POLICY;
      if (policyPath) {
        const text = readFileSync(resolve(policyPath), 'utf8');
        JSON.parse(text); // fails the build on a broken file rather than shipping it
        writeFileSync(resolve(OUT_DIR, 'policy.json'), text);
      }
      // The function file/runtime: one classic script (the JavaScript-only runtime of classic
      // Outlook on Windows cannot load modules), with the host fixed in.
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: { __KOKOROE_BASE_URL__: JSON.stringify(baseUrl) },
        build: {
          outDir: OUT_DIR,
          emptyOutDir: false,
          minify: true,
          target: 'es2020',
          lib: { entry: resolve(ADDIN_DIR, 'commands/commands-runtime.ts'), formats: ['iife'], name: 'KokoroeCommands', fileName: () => 'commands-runtime.js' },
          rolldownOptions: { optimization: { inlineConst: false } },
        },
      });
    },
  };
}

export default defineConfig((): UserConfig => {
  const baseUrl = resolveBaseUrl(process.env.KOKOROE_ADDIN_BASE_URL);
  return {
    root: ADDIN_DIR,
    base: './',
    publicDir: resolve(ADDIN_DIR, 'public'),
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'es2020',
      assetsDir: 'assets',
      rolldownOptions: {
        input: { taskpane: resolve(ADDIN_DIR, 'taskpane.html') },
        // Keeps tldts' suffix data from being inlined twice (TOOLCHAIN.md).
        optimization: { inlineConst: false },
      },
    },
    plugins: [addinFiles(baseUrl)],
    // `vite preview` serves build.outDir: the deployable folder, as Outlook will load it.
    preview: {
      host: 'localhost',
      port: 3000,
      strictPort: true,
      ...(process.env.KOKOROE_ADDIN_TLS_CERT && process.env.KOKOROE_ADDIN_TLS_KEY
        ? { https: { cert: readFileSync(process.env.KOKOROE_ADDIN_TLS_CERT), key: readFileSync(process.env.KOKOROE_ADDIN_TLS_KEY) } }
        : {}),
    },
  };
});
