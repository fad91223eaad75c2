#!/bin/sh
# run-in-vm.sh CACHE-DIR WORK-DIR
#
# Boots the test VM (prepare.sh must have filled CACHE-DIR) and runs
# WORK-DIR/run.sh inside it, as root, with the host's file system visible
# read-only and WORK-DIR writable at the same path. Prints what run.sh
# printed and exits with its status. If the VM cannot start or run.sh leaves
# no status, says so loudly and exits 125: never a silent skip.
#
# TCG, not KVM: KVM exists on these machines but guests do not boot with it
# (-cpu host aborts on an MSR; the default CPU hangs). A boot takes ~10 s.
set -u
cache=$(cd "$1" && pwd)
work=$(cd "$2" && pwd)
rm -f "$work/output" "$work/status"
timeout "${SCTPIFY_VM_TIMEOUT:-600}" qemu-system-x86_64 \
  -accel tcg -m 1024 -smp 1 -nographic -no-reboot -nic none \
  -kernel "$cache/vmlinuz" -initrd "$cache/initrd.gz" \
  -append "console=ttyS0 quiet panic=-1 sctpify.work=$work" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs "local,path=$work,mount_tag=work,security_model=none,multidevs=remap" \
  > "$work/console.log" 2>&1
qemu_status=$?
if [ ! -s "$work/status" ]; then
  echo "run-in-vm.sh: ERROR: the VM did not run the test (qemu exit $qemu_status)." >&2
  echo "run-in-vm.sh: last console lines ($work/console.log):" >&2
  tail -n 20 "$work/console.log" >&2
  exit 125
fi
cat "$work/output"
exit "$(cat "$work/status")"
