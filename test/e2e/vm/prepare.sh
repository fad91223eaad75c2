#!/bin/sh
# prepare.sh CACHE-DIR
#
# Gets what the test VM boots: Debian's generic amd64 kernel (its package is
# downloaded and unpacked here, never installed on the host) and an initramfs
# holding busybox and the kernel modules for SCTP and virtio-9p, loaded in
# dependency order. Reuses CACHE-DIR when it is already complete.
set -eu
cache=$(mkdir -p "$1" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

for tool in qemu-system-x86_64 cpio modinfo; do
  command -v "$tool" >/dev/null || {
    echo "prepare.sh: $tool is missing; run scripts/install-deps.sh" >&2
    exit 1
  }
done
[ -x /bin/busybox ] && /bin/busybox --list | grep -qx insmod || {
  echo "prepare.sh: busybox-static is missing; run scripts/install-deps.sh" >&2
  exit 1
}

if [ ! -s "$cache/vmlinuz" ] || [ ! -s "$cache/initrd.gz" ]; then
  # The versioned package behind the generic metapackage (the cloud flavour
  # has no 9p).
  package=$(apt-cache depends linux-image-amd64 2>/dev/null |
            awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  if [ -z "$package" ]; then
    apt-get update -qq
    package=$(apt-cache depends linux-image-amd64 |
              awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  fi
  rm -rf "$cache/kernel" && mkdir -p "$cache/kernel"
  (cd "$cache" && apt-get download -qq "$package" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  dpkg-deb -x "$cache/$package"_*.deb "$cache/kernel"
  release=${package#linux-image-}
  modules="$cache/kernel/lib/modules/$release"

  # Every module the guest needs, after the modules it depends on.
  order=""
  add() {
    case " $order " in *" $1 "*) return ;; esac
    file=$(find "$modules" -name "$1.ko" -o -name "$1.ko.xz" | head -n 1)
    [ -n "$file" ] || return 0 # built into the kernel
    for dep in $(modinfo -F depends "$file" | tr ',' ' '); do add "$dep"; done
    order="$order $1"
  }
  # libcrc32c needs a crc32c implementation at run time.
  for module in crc32c_generic sctp 9p 9pnet_virtio virtio_pci; do add "$module"; done

  root="$cache/initramfs"
  rm -rf "$root" && mkdir -p "$root/bin" "$root/lib/modules" "$root/proc" \
    "$root/sys" "$root/dev" "$root/host"
  cp /bin/busybox "$root/bin/busybox"
  for module in $order; do
    file=$(find "$modules" -name "$module.ko" -o -name "$module.ko.xz" | head -n 1)
    case "$file" in
      *.xz) xz -dc "$file" > "$root/lib/modules/$module.ko" ;;
      *) cp "$file" "$root/lib/modules/$module.ko" ;;
    esac
  done
  echo "$order" > "$root/modules.order"
  cp "$here/init.sh" "$root/init"
  chmod +x "$root/init"
  (cd "$root" && find . | cpio -o -H newc 2>/dev/null | gzip -1 > "$cache/initrd.gz.tmp")
  mv "$cache/initrd.gz.tmp" "$cache/initrd.gz"
  cp "$cache/kernel/boot/vmlinuz-$release" "$cache/vmlinuz"
  echo "prepare.sh: $package with modules:$order"
fi
