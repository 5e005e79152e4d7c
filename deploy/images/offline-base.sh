#!/usr/bin/env bash
# A base image for the Jib build on machines that reach no container registry (only Maven Central):
# a Java 17 runtime cut from this machine's JDK with jlink, the shared libraries it and the
# PyTorch natives load (ldd closure), bash for compose's health checks, /tmp and a passwd entry
# for uid 65532. Written as a `docker save` tarball, which Jib reads as `tar://<path>`:
#
#   deploy/images/offline-base.sh                 # -> .alphaquant/images/offline-base.tar
#   ./mvnw -B -Pimages package -DskipTests -Djib.from.image=tar://$PWD/.alphaquant/images/offline-base.tar
#
# It stands in for eclipse-temurin:17-jre (the default base) so the image build can run and be
# inspected offline; it is Linux x86-64 only and carries no package manager, fonts or locales.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root_dir/.alphaquant/images/offline-base.tar}
tag=${OFFLINE_BASE_TAG:-alphaquant/offline-base:17}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
# java.se plus what a JRE adds beyond it that Spring, Netty, Kafka and JMX touch.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.jfr,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.net,jdk.security.auth,jdk.security.jgss

[[ $("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}') == 17 ]] \
  || { echo "offline-base: $java_home is not a JDK 17 (set JAVA_HOME)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs"/usr/{bin,lib,lib64} "$rootfs"/{etc,opt/java,proc,sys,dev}
# Merged /usr, as Debian and Ubuntu lay it out: ldd's /lib/... paths land under usr/.
ln -s usr/bin "$rootfs/bin"
ln -s usr/lib "$rootfs/lib"
ln -s usr/lib64 "$rootfs/lib64"
install -d -m 1777 "$rootfs/tmp"

runtime=$rootfs/opt/java/openjdk
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

# Libraries ldd cannot see because they are dlopen()ed: libgcc_s by glibc's thread cancellation,
# libstdc++ and the old glibc stubs by the PyTorch natives DJL extracts at run time.
extra_libs=(libgcc_s.so.1 libstdc++.so.6 libpthread.so.0 libdl.so.2 librt.so.1 libm.so.6)
elves=("$(readlink -f /bin/bash)")
while IFS= read -r f; do elves+=("$f"); done < <(find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \))
for lib in "${extra_libs[@]}"; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [[ -n $path ]] || { echo "offline-base: $lib not found on this machine" >&2; exit 2; }
  elves+=("$path")
done
ldd "${elves[@]}" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u > "$work/libs"
printf '%s\n' "${elves[@]}" | grep -v "^$runtime" >> "$work/libs"
while IFS= read -r lib; do
  case $lib in "$runtime"/*|*:) continue ;; esac
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done < <(sort -u "$work/libs")
[[ -e $rootfs/usr/bin/bash ]] || cp -L /bin/bash "$rootfs/usr/bin/bash"
ln -sf bash "$rootfs/usr/bin/sh"

cat > "$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
nonroot:x:65532:65532:nonroot:/nonexistent:/usr/sbin/nologin
EOF
cat > "$rootfs/etc/group" <<'EOF'
root:x:0:
nonroot:x:65532:
EOF

# One layer, owned by root, dated 1970 like Jib's own layers: the same machine gives the same digest.
image=$work/image
mkdir -p "$image"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$image/layer.tar" .
diff_id=sha256:$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
cat > "$image/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/offline-base.sh (jlink of $("$java_home/bin/java" -version 2>&1 | head -1 | tr -d '"'))"}]}
EOF
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$tag" > "$image/manifest.json"

mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$image" -cf "$out" manifest.json config.json layer.tar
echo "offline-base: $out ($tag, $(du -h "$out" | cut -f1), layer $diff_id)"
