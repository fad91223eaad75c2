#!/bin/busybox sh
# The test VM's init: load SCTP and 9p, mount the host's root read-only and
# the work directory writable at the same path, run WORK/run.sh chrooted into
# the host's root (so host binaries run unchanged), record its output and
# status in WORK, power off.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for module in $(cat /modules.order); do
  insmod "/lib/modules/$module.ko" || echo "sctpify-vm: insmod $module failed"
done
work=$(sed -n 's/.*sctpify.work=\([^ ]*\).*/\1/p' /proc/cmdline)
mount -t 9p -o trans=virtio,version=9p2000.L,ro hostroot /host ||
  echo "sctpify-vm: cannot mount the host's root"
mount -t proc proc /host/proc
mount -t sysfs sys /host/sys
mount -o bind /dev /host/dev
mount -t tmpfs tmp /host/tmp
mkdir -p "/host$work" 2>/dev/null
mount -t 9p -o trans=virtio,version=9p2000.L work "/host$work" ||
  echo "sctpify-vm: cannot mount the work directory"
ip link set lo up
chroot /host /bin/sh -c "cd '$work' && exec ./run.sh" > "/host$work/output" 2>&1
echo $? > "/host$work/status"
sync
poweroff -f
