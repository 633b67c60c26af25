#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing: Chromium (extension and
# add-in end-to-end tests) with a Japanese font for readable screenshots, Firefox ESR (the Firefox build, over WebDriver BiDi), and a real
# webmail on loopback — Roundcube 1.6 with SQLite, PHP's CLI server and Dovecot IMAP.
# Needs root (apt-get); as another user it only says what to install. Quick when all is present.
set -euo pipefail
need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
for pkg in chromium fonts-ipafont-gothic firefox-esr roundcube-core roundcube-sqlite3 php-cli php-sqlite3 dovecot-imapd; do
  have "$pkg" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "system-deps: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${need[*]}; install them with: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
# The tests give Roundcube their own SQLite database: the package must not set one up itself.
echo "roundcube-core roundcube/dbconfig-install boolean false" | debconf-set-selections
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The packages start nothing we use: tests start their own Dovecot and PHP servers on loopback.
echo "system-deps: done"
