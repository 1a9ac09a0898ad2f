#!/usr/bin/env bash
# Runs every test of K-Box Mail: unit, MariaDB-backed, browserless and browser tests.
# On a fresh Debian/Ubuntu machine it first installs what is missing (as root, with apt-get):
# mariadb-server-core, mariadb-client-core, chromium, chromium-driver. Maven itself runs on any Java >= 17;
# the build picks an installed JDK >= 21 for compiling and testing (Maven toolchains, ADR 0012).
# Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server-core)
command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client-core)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "test.sh: missing ${missing[*]}: run 'sudo apt-get install ${missing[*]}' and try again" >&2
        exit 1
    fi
fi

# clean: Failsafe adds to an existing summary of the browser-test execution, so stale results would count
exec ./mvnw -B -ntp clean verify "$@"
