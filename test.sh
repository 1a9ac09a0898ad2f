#!/usr/bin/env bash
# Runs every test of K-Box Mail: unit, MariaDB-backed, browserless and browser tests.
# On a fresh Debian/Ubuntu machine it first installs what is missing (as root, with apt-get):
# mariadb-server-core, mariadb-client-core, chromium, chromium-driver. Needs a JDK >= 21; when the
# default java is older, it picks one from /usr/lib/jvm. Extra arguments go to Maven.
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

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'
}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/java}
java_bin=${java_bin:-$(command -v java || true)}
if [ -z "$java_bin" ] || [ "$(java_major "$java_bin")" -lt 21 ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
            export JAVA_HOME=$candidate
            break
        fi
    done
    if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
        echo "test.sh: K-Box Mail needs a JDK >= 21: install one and set JAVA_HOME" >&2
        exit 1
    fi
fi
echo "test.sh: using Java $(java_major "${JAVA_HOME:+$JAVA_HOME/bin/}java") ${JAVA_HOME:+from $JAVA_HOME}"

# clean: Failsafe adds to an existing summary of the browser-test execution, so stale results would count
exec ./mvnw -B -ntp clean verify "$@"
