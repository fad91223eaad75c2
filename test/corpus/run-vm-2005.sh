#!/bin/bash
# run-vm-2005.sh SCTPIFY BUILD-DIR
#
# The 2005 experiment, redone (docs/case-studies.md): a web server, a text
# browser, an FTP server and ssh moved onto SCTP, in three ways, in one boot
# of the test VM:
#   tcp       the program as upstream wrote it, over TCP;
#   withsctp  the same binary under lksctp-tools' withsctp, the LD_PRELOAD
#             shim the 2005 study used (it turns socket(AF_INET[6],
#             SOCK_STREAM, *) into SCTP, and TCP_NODELAY into SCTP_NODELAY);
#   port      sctpify's port (test/corpus/port.sh), with the hand edits in
#             patches/ if any.
# Programs (recipes in projects/):
# - apache2 (httpd 2.4 with APR and APR-util): a static page, a 300 KB file
#   (EnableSendfile On), a 404 and an 8 MiB file on one keep-alive connection,
#   from a neutral client on the column's transport (peers.py http-get), then
#   from the column's curl; then 220 requests from curl, 4 at a time;
# - w3m: -dump_source and -dump of the column's Apache page, and of the page
#   from a neutral server (peers.py http-server) on the column's transport;
# - proftpd-dfsg, with curl (the corpus's curl, in the same column) as the
#   client: LIST and RETR of a 1 MB file on one control connection, then
#   STOR of it, passive and active;
# - openssh: key login with a remote command, scp up and down of the 1 MB
#   file (SFTP protocol), ssh and scp against sshd of the same column.
# Every step is timed (a stall shows as seconds), bodies and files are
# compared byte for byte on the host, and the kernel's counters show which
# transport each column used. judge-2005.py compares the outcome of each
# exchange in each column with what is expected today: the test fails on any
# difference, including an exchange that starts to work (then update its
# table and the case study).
set -euo pipefail
sctpify=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build=$(mkdir -p "$2" && cd "$2" && pwd -P)
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(mkdir -p "$build/corpus" && cd "$build/corpus" && pwd -P)  # the VM sees no symlink out
counters="$here/../e2e/counters.sh"
peers="$here/peers.py"

start=$(date +%s)
"$here/port.sh" "$sctpify" "$corpus" apache2 w3m proftpd-dfsg openssh curl
"$here/../e2e/vm/prepare.sh" "$build/e2e/vm"
echo "run-vm-2005: ports done in $(( $(date +%s) - start )) s"

work="$corpus/vm-2005"
rm -rf "$work" && mkdir -p "$work/www" "$work/ftp" "$work/ssh" "$work/apache"
for col in tcp withsctp port; do mkdir -p "$work/$col/http" "$work/$col/w3m"; done
cat > "$work/www/index.html" <<'EOF'
<html><head><title>sctpify: the 2005 experiment</title></head>
<body><h1>Hello over SCTP</h1><p>A static page from Apache httpd.</p></body></html>
EOF
head -c 307200 /dev/urandom > "$work/www/file300k.bin"
head -c 8388608 /dev/urandom > "$work/www/big.bin"
head -c 1048576 /dev/urandom > "$work/ftp/file1m.bin"
# FTP: one account in proftpd's own user file, uid 0 (the VM has no other
# writable home).
hash=$(openssl passwd -6 -salt sctpify sctpify)
echo "sctpify:$hash:0:0::$work/ftp:/bin/sh" > "$work/ftp/passwd"
echo "root:x:0:" > "$work/ftp/group"
chmod 600 "$work/ftp/passwd" "$work/ftp/group"
# ssh: host and user keys from the original ssh-keygen.
keygen="$corpus/openssh/original/ssh-keygen"
"$keygen" -q -t ed25519 -N '' -C sctpify-host -f "$work/ssh/host_ed25519"
"$keygen" -q -t ed25519 -N '' -C sctpify-user -f "$work/ssh/id_ed25519"
cp "$work/ssh/id_ed25519.pub" "$work/ssh/authorized_keys"

port_of() { # port_of COLUMN PROGRAM
  local base offset
  case $1 in tcp) base=8100 ;; withsctp) base=8200 ;; port) base=8300 ;; esac
  case $2 in apache) offset=1 ;; peer) offset=2 ;; ftp) offset=21 ;; ssh) offset=22 ;; esac
  echo $((base + offset))
}
for col in tcp withsctp port; do
  if [ $col = port ]; then v=converted; else v=original; fi
  cat > "$work/$col/httpd.conf" <<EOF
ServerRoot "$work/apache"
ServerName 127.0.0.1
Listen 127.0.0.1:$(port_of $col apache)
PidFile /tmp/httpd-$col.pid
ErrorLog "$work/$col/httpd-error.log"
LogLevel info
LogFormat "%h \"%r\" %>s %B" short
CustomLog "$work/$col/httpd-access.log" short
User nobody
Group nogroup
DocumentRoot "$work/www"
<Directory "$work/www">
  Require all granted
</Directory>
DirectoryIndex index.html
TypesConfig /dev/null
AddType text/html .html
EnableSendfile On
KeepAlive On
MaxKeepAliveRequests 100
KeepAliveTimeout 15
StartServers 1
ServerLimit 1
ThreadLimit 4
ThreadsPerChild 4
MaxRequestWorkers 4
MinSpareThreads 1
MaxSpareThreads 4
EOF
  cat > "$work/$col/proftpd.conf" <<EOF
ServerName "sctpify"
ServerType standalone
DefaultServer on
Port $(port_of $col ftp)
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
User nobody
Group nogroup
PidFile /tmp/proftpd-$col/proftpd.pid
ScoreboardFile /tmp/proftpd-$col/proftpd.scoreboard
DelayTable none
WtmpLog off
UseReverseDNS off
SystemLog $work/$col/proftpd.log
TransferLog none
AuthOrder mod_auth_file.c
AuthUserFile $work/ftp/passwd
AuthGroupFile $work/ftp/group
RequireValidShell off
RootLogin on
AllowOverwrite on
UseSendfile on
MaxInstances 20
EOF
  cat > "$work/$col/sshd_config" <<EOF
Port $(port_of $col ssh)
ListenAddress 127.0.0.1
AddressFamily inet
HostKey $work/ssh/host_ed25519
PidFile /tmp/sshd-$col.pid
AuthorizedKeysFile $work/ssh/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UseDNS no
LogLevel VERBOSE
Subsystem sftp $corpus/openssh/$v/sftp-server
EOF
done

cat > "$work/run.sh" <<RUN
#!/bin/sh
# In the VM. Prints one line per step; the host judges.
cd "$work"
listening() { # listening PORT: tcp, sctp or none
  if grep -qi ":\$(printf %04X \$1) 00000000:0000 0A" /proc/net/tcp /proc/net/tcp6; then
    echo tcp
  elif awk -v p=\$1 '\$6 == p { found = 1 } END { exit !found }' /proc/net/sctp/eps; then
    echo sctp
  else
    echo none
  fi
}
wait_listen() { # wait_listen PORT PID: until it listens, it dies, or 30 s
  deadline=\$((\$(date +%s) + 30))
  while [ "\$(listening \$1)" = none ] && kill -0 \$2 2>/dev/null &&
        [ \$(date +%s) -lt \$deadline ]; do
    sleep 0.2
  done
}
window() { echo "\$1 \$2 \$3 \$("$counters")"; }
now() { date +%s.%N; }
since() { awk -v a="\$1" -v b="\$(now)" 'BEGIN { printf "%.3f", b - a }'; }
/usr/bin/busybox ip link set lo mtu 1500
mkdir -p /tmp/sshd-privsep && chmod 755 /tmp/sshd-privsep
# proftpd keeps its scoreboard in no world-writable directory.
for col in tcp withsctp port; do mkdir -p /tmp/proftpd-\$col && chmod 755 /tmp/proftpd-\$col; done
for col in tcp withsctp port; do
  case \$col in
    tcp) v=original wrap= transport=tcp base=8100 ;;
    withsctp) v=original wrap=/usr/bin/withsctp transport=sctp base=8200 ;;
    port) v=converted wrap= transport=sctp base=8300 ;;
  esac
  out="$work/\$col"

  # Apache, from a neutral client; then w3m.
  port=\$((base + 1))
  window BEFORE \$col apache
  \$wrap $corpus/apache2/\$v/httpd -d "$work/apache" -f "\$out/httpd.conf" -DFOREGROUND \
    2> "\$out/httpd.stderr" &
  server=\$!
  wait_listen \$port \$server
  echo "LISTEN \$col apache \$(listening \$port)"
  timeout 120 /usr/bin/python3 "$peers" http-get \$port \$transport "\$out/http" \
    /index.html /file300k.bin /missing.html /big.bin > "\$out/http.txt" 2>&1
  echo "HTTPGET \$col status=\$?"
  sed "s/^/HTTP \$col /" "\$out/http.txt"
  # The column's curl as Apache's client: the same four requests on one
  # keep-alive connection, then 220 requests, 4 at a time.
  mkdir -p "\$out/curl" "\$out/load"
  url=http://127.0.0.1:\$port
  t=\$(now)
  timeout 120 \$wrap $corpus/curl/\$v/src/curl -q -s -S \
    -w '%{url_effective} %{http_code} %{size_download} %{num_connects} %{time_total}\\n' \
    -o "\$out/curl/index.html" \$url/index.html -o "\$out/curl/file300k.bin" \$url/file300k.bin \
    -o "\$out/curl/missing.html" \$url/missing.html -o "\$out/curl/big.bin" \$url/big.bin \
    > "\$out/curl.txt" 2> "\$out/curl.err"
  echo "CURL \$col keepalive status=\$? seconds=\$(since \$t)"
  sed "s/^/CURLGET \$col /" "\$out/curl.txt"
  t=\$(now)
  timeout 300 \$wrap $corpus/curl/\$v/src/curl -q -s -S -Z --parallel-max 4 \
    -w '%{http_code} %{size_download} %{num_connects}\\n' \
    -o "\$out/load/index-#1.html" "\$url/index.html?[1-200]" \
    -o "\$out/load/file300k-#1.bin" "\$url/file300k.bin?[1-20]" \
    > "\$out/load.txt" 2> "\$out/load.err"
  echo "CURL \$col load status=\$? seconds=\$(since \$t)"
  window AFTER \$col apache
  window BEFORE \$col w3m
  for how in source dump; do
    if [ \$how = source ]; then option=-dump_source; else option=-dump; fi
    t=\$(now)
    HOME=/tmp/w3m-\$col timeout 60 \$wrap $corpus/w3m/\$v/w3m \$option \
      http://127.0.0.1:\$port/index.html > "\$out/w3m/apache-\$how.txt" 2> "\$out/w3m/apache-\$how.err"
    echo "W3M \$col apache \$how status=\$? seconds=\$(since \$t)"
  done
  kill \$server; wait \$server
  echo "EXIT \$col apache \$?"
  port=\$((base + 2))
  /usr/bin/python3 "$peers" http-server \$port "$work/www" \$transport &
  server=\$!
  wait_listen \$port \$server
  t=\$(now)
  HOME=/tmp/w3m-\$col timeout 60 \$wrap $corpus/w3m/\$v/w3m -dump_source \
    http://127.0.0.1:\$port/index.html > "\$out/w3m/peer-source.txt" 2> "\$out/w3m/peer-source.err"
  echo "W3M \$col peer source status=\$? seconds=\$(since \$t)"
  kill \$server; wait \$server
  window AFTER \$col w3m

  # proftpd, with the column's curl.
  port=\$((base + 21))
  window BEFORE \$col proftpd
  \$wrap $corpus/proftpd-dfsg/\$v/proftpd -n -q -c "\$out/proftpd.conf" 2> "\$out/proftpd.stderr" &
  server=\$!
  wait_listen \$port \$server
  echo "LISTEN \$col proftpd \$(listening \$port)"
  curl="timeout 90 \$wrap $corpus/curl/\$v/src/curl -q -s -S -u sctpify:sctpify"
  url=ftp://127.0.0.1:\$port
  for mode in passive active; do
    if [ \$mode = active ]; then active="-P 127.0.0.1"; else active=""; fi
    t=\$(now)
    \$curl \$active -w '%{time_total} ' -o "\$out/ftp-\$mode-list.txt" \$url/ \
      -o "\$out/ftp-\$mode-get.bin" \$url/file1m.bin > "\$out/ftp-\$mode-times.txt" 2> "\$out/ftp-\$mode-get.err"
    echo "FTP \$col \$mode list+retr status=\$? seconds=\$(since \$t) each=\$(tr ' ' , < "\$out/ftp-\$mode-times.txt")"
    t=\$(now)
    \$curl \$active -T "$work/ftp/file1m.bin" \$url/up-\$col-\$mode.bin 2> "\$out/ftp-\$mode-put.err"
    echo "FTP \$col \$mode stor status=\$? seconds=\$(since \$t)"
  done
  kill \$server; wait \$server
  echo "EXIT \$col proftpd \$?"
  window AFTER \$col proftpd

  # OpenSSH.
  port=\$((base + 22))
  window BEFORE \$col openssh
  \$wrap $corpus/openssh/\$v/sshd -D -e -f "\$out/sshd_config" 2> "\$out/sshd.log" &
  server=\$!
  wait_listen \$port \$server
  echo "LISTEN \$col openssh \$(listening \$port)"
  export HOME=/tmp/ssh-home-\$col
  mkdir -p \$HOME
  opts="-F /dev/null -i $work/ssh/id_ed25519 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
  t=\$(now)
  timeout 90 \$wrap $corpus/openssh/\$v/ssh \$opts -p \$port root@127.0.0.1 'echo sctpify-ssh \$((6 * 7))' \
    > "\$out/ssh-command.txt" 2> "\$out/ssh-command.err"
  echo "SSH \$col command status=\$? seconds=\$(since \$t)"
  scp="timeout 90 \$wrap $corpus/openssh/\$v/scp -q -S $corpus/openssh/\$v/ssh \$opts -P \$port"
  t=\$(now)
  \$scp "$work/ftp/file1m.bin" root@127.0.0.1:"\$out/scp-up.bin" 2> "\$out/scp-up.err"
  echo "SSH \$col scp-up status=\$? seconds=\$(since \$t)"
  t=\$(now)
  \$scp root@127.0.0.1:"$work/ftp/file1m.bin" "\$out/scp-down.bin" 2> "\$out/scp-down.err"
  echo "SSH \$col scp-down status=\$? seconds=\$(since \$t)"
  unset HOME
  kill \$server; wait \$server
  echo "EXIT \$col openssh \$?"
  window AFTER \$col openssh
done
RUN
chmod +x "$work/run.sh"
vm_start=$(date +%s)
SCTPIFY_VM_TIMEOUT=${SCTPIFY_VM_TIMEOUT:-1500} \
  "$here/../e2e/vm/run-in-vm.sh" "$build/e2e/vm" "$work" > "$work/result" || {
  status=$?
  cat "$work/result"
  echo "run-vm-2005: the VM run failed (status $status)"
  exit 1
}
echo "run-vm-2005: VM run took $(( $(date +%s) - vm_start )) s"

# Judge on the host.
python3 "$here/judge-2005.py" "$work"
