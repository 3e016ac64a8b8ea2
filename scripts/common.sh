# Shared by ./rivet and ./test.sh (source it; it defines functions and sets nothing else).

# Prints the path of a JDK whose major version is at least $1: JAVA_HOME first, then the newest
# under /usr/lib/jvm. Prints nothing if there is none.
rivet_find_jdk() {
    local want=$1 candidate best="" best_version=0 version
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        version=$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
        [ -n "$version" ] || continue
        if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$version" -ge "$want" ]; then
            echo "$candidate"
            return
        fi
        if [ "$version" -ge "$want" ] && [ "$version" -gt "$best_version" ]; then
            best=$candidate
            best_version=$version
        fi
    done
    [ -n "$best" ] && echo "$best"
}

# Selects a JDK >= 25 for this shell (JAVA_HOME, PATH) and the Maven options rivet builds with.
rivet_use_jdk() {
    local jdk
    jdk=$(rivet_find_jdk 25)
    if [ -z "$jdk" ]; then
        echo "rivet: needs a JDK 25 or newer; set JAVA_HOME or install one under /usr/lib/jvm" >&2
        return 1
    fi
    export JAVA_HOME=$jdk
    export PATH="$JAVA_HOME/bin:$PATH"
    # Maven 3.8's bundled Guava calls sun.misc.Unsafe; JDK 25 warns about it unless allowed.
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

# Installs the Debian packages named in "$@" that are missing. As root it runs apt-get;
# otherwise it prints the command to run and returns 1.
rivet_ensure_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "rivet: missing packages: ${missing[*]}" >&2
        echo "rivet: install them with: sudo apt-get install ${missing[*]}" >&2
        return 1
    fi
    echo "rivet: installing ${missing[*]}…" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
        apt-get update -q >/dev/null 2>&1 || true
        apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || return 1
    fi
}
