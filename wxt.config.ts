/**
 * Build of the browser extension (WXT, Manifest V3 for Chrome, Edge and Firefox).
 *
 * What it must never do: ask for more than storage, alarms, scripting and the fixed webmail
 * hosts; load remote code; expose web-accessible resources; relax the extension-page CSP.
 */
import { defineConfig } from 'wxt';

/**
 * Public half of a key used ONLY for test builds (`KOKOROE_TEST_KEY=1 npx wxt build`): it pins
 * the extension id to `lmkjdfjhlnjcbofjjmdbbhmljdiikcgg` so end-to-end tests can address
 * managed policy and extension pages. Release builds never carry a `key`.
 */
const TEST_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwptimMc+8fsjDzzJdqTAGu0sO5urVsUOdSx6hQJibIJOEmw1cClqTroxHu52UY8IEXzL9fV5RwhmHVkMN3hQYkz7uJY4x1pZFD053mvuahn1e/SJsYhhSyN/dfxmU1F/Zjsz70a98dNwqrvZ8irD7jIDb46APzROPdn/+chZxrZkVYB8cz2jBa7sCqPc0HiaZsL6jazy6OCd13ZYM2V790N0TQ1D/K3La226afxxigqxofAjxxOC4aFaMqhywlJP+CEaDpbG6sLjSmdGUauw/npUE63Miz2qBVlSKh+YHSvTkXJMtbpiOFCHNpiTMS82dSu2zCjY3vzBfyB+fpeGkwIDAQAB';

/** The webmail hosts the extension reads; Roundcube origins come from policy at run time. */
export const WEBMAIL_HOST_PERMISSIONS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

/**
 * Roundcube origins baked into a build for a managed deployment (comma-separated https origins
 * in KOKOROE_ROUNDCUBE_ORIGINS). Neither Chrome nor Firefox policy can pre-grant an optional
 * host permission (ExtensionSettings' runtime_allowed_hosts only exempts hosts from
 * runtime_blocked_hosts), but required host_permissions of a force-installed package are granted
 * at install without a prompt; without this, the options page asks once (a user gesture).
 */
export function roundcubeHostPermissions(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = new URL(origin);
      if (url.protocol !== 'https:' || url.origin !== origin.replace(/\/$/, '')) {
        throw new Error(`KOKOROE_ROUNDCUBE_ORIGINS: ${origin} is not an https origin`);
      }
      return `${url.origin}/*`;
    });
}

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  // Tests and benchmarks building in parallel can each use their own directory.
  outDir: process.env.KOKOROE_OUT_DIR || '.output',
  // Firefox would otherwise be built as MV2.
  manifestVersion: 3,
  // The promise-based `browser` of WXT 0.20 is used directly (no @wxt-dev/webextension-polyfill):
  // MV3 Chrome, Edge and Firefox all return promises; the header of extension/messages.ts says why
  // the webextension-polyfill package stays a dependency but is not bundled.
  manifest: ({ browser }) => {
    const chromium = browser !== 'firefox';
    return {
      name: '__MSG_extName__',
      short_name: '__MSG_extShortName__',
      description: '__MSG_extDescription__',
      default_locale: 'ja',
      // `scripting` only registers the Roundcube content script for the origins IT listed.
      permissions: ['storage', 'alarms', 'scripting'],
      host_permissions: [...WEBMAIL_HOST_PERMISSIONS, ...roundcubeHostPermissions(process.env.KOKOROE_ROUNDCUBE_ORIGINS)],
      // Roundcube runs on each organisation's own origin; the options page requests exactly
      // the origins from policy (a user gesture), never a wildcard grant at install.
      optional_host_permissions: ['https://*/*'],
      content_security_policy: {
        extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      },
      web_accessible_resources: [],
      icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
      ...(chromium ? { storage: { managed_schema: 'managed_schema.json' } } : {}),
      ...(!chromium
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'mail-guard@kokoroe.jp',
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
      ...(chromium && process.env.KOKOROE_TEST_KEY === '1' ? { key: TEST_PUBLIC_KEY } : {}),
    };
  },
  vite: () => ({
    build: {
      // rolldown inlines tldts' suffix table into every use site otherwise (279 kB → 139 kB).
      rolldownOptions: { optimization: { inlineConst: false } },
    },
  }),
  zip: {
    // Firefox review gets the sources that make the extension, not the whole repository.
    excludeSources: [
      '.output/**',
      'node_modules/**',
      'outlook-addin/**',
      'test/**',
      '.ci/**',
      '**/*.eml',
    ],
  },
});
