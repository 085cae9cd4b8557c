#!/usr/bin/env bash
# Builds a native Segmenta package with jpackage from what `mvn package` produced.
#
#   mvn -B -DskipTests package
#   installer/build.sh [app-image|deb|rpm]        (default: app-image)
#
# Options (each also settable by the environment variable in brackets):
#   --build-dir DIR   where `mvn package` left segmenta.jar and lib/*.jar   [SEGMENTA_BUILD_DIR]
#                     default: <repository>/target
#   --dest DIR        where the image or package is written                 [SEGMENTA_DIST_DIR]
#                     default: <build dir>/dist
#   --modules LIST    comma-separated JDK modules for the trimmed runtime   [SEGMENTA_MODULES]
#                     default: found with jdeps, plus the modules in BASE_MODULES below
#   --verbose         pass --verbose to jpackage                           [SEGMENTA_VERBOSE=1]
#
# JDK: $JAVA_HOME (a JDK 25 with jpackage), else /usr/lib/jvm/temurin-25-jdk-amd64, else the
# jpackage on PATH. A deb needs dpkg-deb and fakeroot (Debian: apt-get install fakeroot), an rpm
# needs rpmbuild. The app image needs nothing beyond the JDK.
#
# Output: app-image -> <dest>/Segmenta/bin/Segmenta (macOS: <dest>/Segmenta.app),
#         deb       -> <dest>/segmenta_<version>-1_<arch>.deb, installs to /opt/segmenta.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

type="app-image"
build_dir="${SEGMENTA_BUILD_DIR:-$repo/target}"
dest="${SEGMENTA_DIST_DIR:-}"
modules="${SEGMENTA_MODULES:-}"
verbose="${SEGMENTA_VERBOSE:-0}"

usage() { sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "installer/build.sh: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        app-image|deb|rpm) type="$1" ;;
        --build-dir) [[ $# -ge 2 ]] || die "--build-dir needs a directory"; build_dir="$2"; shift ;;
        --dest) [[ $# -ge 2 ]] || die "--dest needs a directory"; dest="$2"; shift ;;
        --modules) [[ $# -ge 2 ]] || die "--modules needs a list"; modules="$2"; shift ;;
        --verbose) verbose=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done

build_dir="$(cd "$build_dir" 2>/dev/null && pwd)" || die "build directory not found: ${SEGMENTA_BUILD_DIR:-$repo/target} (run: mvn -B -DskipTests package)"
dest="${dest:-$build_dir/dist}"
jar="$build_dir/segmenta.jar"
[[ -f "$jar" ]] || die "$jar not found (run: mvn -B -DskipTests package)"
compgen -G "$build_dir/lib/*.jar" >/dev/null || die "$build_dir/lib/*.jar not found (run: mvn -B -DskipTests package)"

# --- JDK -------------------------------------------------------------------------------------
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
    jdk="$JAVA_HOME"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jpackage ]]; then
    jdk=/usr/lib/jvm/temurin-25-jdk-amd64
elif command -v jpackage >/dev/null 2>&1; then
    jdk="$(cd "$(dirname "$(readlink -f "$(command -v jpackage)")")/.." && pwd)"
else
    die "jpackage not found: set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
fi
jdk_major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
[[ "${jdk_major%%.*}" -ge 25 ]] 2>/dev/null || die "$jdk is Java $jdk_major; Segmenta needs a JDK 25 (set JAVA_HOME)"

case "$type" in
    deb)
        command -v dpkg-deb >/dev/null || die "a .deb needs dpkg-deb (Debian/Ubuntu only)"
        command -v fakeroot >/dev/null || die "a .deb needs fakeroot: sudo apt-get install fakeroot" ;;
    rpm)
        command -v rpmbuild >/dev/null || die "an .rpm needs rpmbuild: install the rpm-build package" ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/segmenta-jpackage.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --- Version from the jar manifest (Implementation-Version, set by the pom) -----------------
(cd "$work" && "$jdk/bin/jar" --extract --file "$jar" META-INF/MANIFEST.MF)
version="$(tr -d '\r' < "$work/META-INF/MANIFEST.MF" | sed -n 's/^Implementation-Version: *//p')"
[[ -n "$version" ]] || die "no Implementation-Version in $jar"
# Package formats want a plain version: 0.2.0-SNAPSHOT becomes 0.2.0~SNAPSHOT (sorts before 0.2.0).
pkg_version="${version//-/\~}"
if [[ "$type" != app-image && "$type" != deb ]]; then pkg_version="${version%%-*}"; fi

# --- Input: only the application jar and its runtime libraries ------------------------------
mkdir -p "$work/input/lib"
cp "$jar" "$work/input/"
cp "$build_dir"/lib/*.jar "$work/input/lib/"

# --- Runtime modules --------------------------------------------------------------------------
# jdeps only sees static references, so modules reached through reflection, services or locale
# lookups are always added:
#   jdk.localedata  number and date formats of every locale but US English (Spanish UI included)
#   jdk.charsets    CSV files in legacy encodings beyond the standard ones (Shift_JIS, GBK, KOI8-R...)
#   jdk.unsupported sun.misc.Unsafe, which many libraries look up reflectively
#   jdk.zipfs       FileSystems.newFileSystem on zip files
#   java.prefs      java.util.prefs.Preferences (per-user settings)
#   java.naming     JNDI lookups some JDBC code paths make
# java.desktop, java.logging, java.management, java.scripting (FXML), java.sql and java.xml are what
# jdeps finds today (2026-11); they are listed too so that a jdeps override still gives a working
# runtime. Check a change by building the image and running the AppImageIT test.
BASE_MODULES="java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.charsets,jdk.localedata,jdk.unsupported,jdk.zipfs"
if [[ -z "$modules" ]]; then
    # Unpack every class into one tree: jdeps then treats the libraries as plain class-path code
    # (several are modular jars that require modules we deliberately leave out, e.g. javafx.web).
    mkdir -p "$work/classes"
    for j in "$work/input/segmenta.jar" "$work/input/lib/"*.jar; do
        (cd "$work/classes" && "$jdk/bin/jar" --extract --file "$j" && rm -rf META-INF)
    done
    find "$work/classes" -name module-info.class -delete
    found="$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps "$work/classes" 2>"$work/jdeps.err")" \
        || { cat "$work/jdeps.err" >&2; die "jdeps failed"; }
    rm -rf "$work/classes"
    modules="$(printf '%s,%s' "$BASE_MODULES" "$found" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)"
fi
echo "Segmenta $version: jpackage --type $type with modules $modules"

# --- jpackage ---------------------------------------------------------------------------------
args=(
    --type "$type"
    --name Segmenta
    --app-version "$pkg_version"
    --vendor "Segmenta contributors"
    --copyright "Copyright (C) Segmenta contributors. GPL-3.0-or-later."
    --description "Desktop workbench for predictive marketing"
    --input "$work/input"
    --main-jar segmenta.jar
    --main-class io.segmenta.Main
    --add-modules "$modules"
    # No --compress: a zip-compressed jimage made the .deb 84 MB instead of 64 MB (dpkg's xz
    # compresses the plain image better) for 47 MB less on disk.
    --jlink-options "--strip-debug --strip-native-commands --no-man-pages --no-header-files"
    --java-options "--enable-native-access=ALL-UNNAMED"
    --dest "$dest"
)
case "$(uname -s)" in
    Linux) args+=(--icon "$here/icon/segmenta.png") ;;
esac
if [[ "$type" == deb || "$type" == rpm ]]; then
    args+=(
        --linux-package-name segmenta
        --linux-app-release 1
        --linux-shortcut
        --linux-menu-group "Office;Science;"
        --license-file "$repo/LICENSE"
        --resource-dir "$here/linux"
        --file-associations "$here/linux/segmenta-project.properties"
    )
    # JavaFX's natives sit inside jars, where jpackage's ldd scan does not look: GTK 3 for windows,
    # OpenGL for the hardware pipeline (without it JavaFX falls back to software rendering).
    if [[ "$type" == deb ]]; then
        args+=(--linux-package-deps "libgtk-3-0, libgl1"
               --linux-deb-maintainer "segmenta@users.noreply.github.com" --linux-app-category science)
    else
        args+=(--linux-package-deps "gtk3, mesa-libGL"
               --linux-rpm-license-type "GPL-3.0-or-later" --linux-app-category Applications/Productivity)
    fi
fi
if [[ "$verbose" == 1 ]]; then args+=(--verbose); fi

mkdir -p "$dest"
# jpackage refuses to overwrite: remove only what this run is about to produce.
case "$type" in
    app-image) rm -rf "$dest/Segmenta" "$dest/Segmenta.app" ;;
    deb) rm -f "$dest"/segmenta_*.deb ;;
    rpm) rm -f "$dest"/segmenta-*.rpm ;;
esac

start=$SECONDS
"$jdk/bin/jpackage" "${args[@]}"
echo "Built in $((SECONDS - start)) s:"
case "$type" in
    app-image) ls -d "$dest"/Segmenta "$dest"/Segmenta.app 2>/dev/null || true ;;
    *) ls -l "$dest" ;;
esac
