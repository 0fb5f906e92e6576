#!/usr/bin/env bash
# Makes Debian's Dovecot (2.3, bookworm's) run on loopback as the service's IMAP mailbox for the tests, installing it
# when missing: its own instance and configuration under $dir (started as `dovecot -c $dir/dovecot.conf`, sockets and
# pid under $dir/run), never the machine's /etc/dovecot, with a certificate for localhost from the test CA that
# eng/relay.sh keeps in the machine's trust store. relay.sh is run first when its CA, user or IMAP delivery is missing
# (it is safe to run again, and without it no mail would reach these mailboxes).
#
#   1993  IMAPS: TLS from the first byte, TLS 1.2+
#   1143  IMAP, STARTTLS required before any login
#
# Any user name logs in with the one password in $dir/password (made once), and has its own Maildir,
# $relay/mail/imap/<user>/, which Postfix fills with the mail sent through the relay to <user>@imap.relay-test.example:
# a test takes a fresh name (t-<guid>) and finds an empty mailbox. relay.sh empties mail/imap on each run. Names are
# folded to lower case, and a name given as user@domain is the user. IDLE notices new mail within a second.
#
# Dovecot counts a connection whose two ends are the same address as secure, so it would take a password on 1143 from
# loopback without STARTTLS. nginx (a second instance of its own, on 1143) forwards 1143 to Dovecot's plain listener on
# 127.0.0.1:11143 from 127.0.0.2, so Dovecot sees a remote client there and refuses a login before STARTTLS.
#
# Dovecot logs to $dir/dovecot.log; $dir/imap.json says where everything is.
# Usage: bash eng/dovecot.sh            set up and start, or reload a running one
#        bash eng/dovecot.sh restart    stop and start again, cutting every session (a mailbox server restarting;
#                                       a tenth of a second), and wait until both ports answer
#        bash eng/dovecot.sh stop
# (NACARS_TEST_IMAP_DIR names another folder, NACARS_TEST_RELAY_DIR relay.sh's; defaults below.)
# It refuses to touch a $dir/dovecot.conf it did not write.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${NACARS_TEST_IMAP_DIR:-/var/lib/nacars-imap}"
relay="${NACARS_TEST_RELAY_DIR:-/var/lib/nacars-relay}"
imaps_port=1993
starttls_port=1143
inner_port=11143 # Dovecot's own plain listener, behind nginx
mail_domain=imap.relay-test.example
marker="# Written by Nacars eng/dovecot.sh"
conf="$dir/dovecot.conf"
action="${1:-start}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

case "$action" in
  start | restart | stop) ;;
  *) echo "usage: bash eng/dovecot.sh [restart|stop]" >&2; exit 2 ;;
esac
if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
  echo "$conf was not written by this script: not touching it." >&2
  exit 1
fi

# A process that has exited is gone, though it stays a zombie until its parent reaps it (the daemons' parent is init,
# which in a container may be slow to).
running() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)" && [ -n "$state" ] && [ "${state:0:1}" != Z ]; }
alive() { [ -f "$1" ] && running "$(cat "$1")"; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The processes left in a process group, zombies aside.
group_left() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { n++ } END { exit n == 0 }'; }
stop_pid() { # pid file of a daemon that leads its own process group (Dovecot's master, nginx's)
  local pid target
  alive "$1" || return 0
  pid="$(cat "$1")"
  # The whole group: an IMAP process whose client is still connected outlives Dovecot's master otherwise (2.3 leaves
  # it serving its session, shutdown_clients notwithstanding), and a restart is to cut every session, as a real one does.
  target="$pid"
  if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then target="-$pid"; fi
  as_root kill -TERM -- "$target" 2>/dev/null || true
  for _ in $(seq 1 100); do
    if [ "$target" = "$pid" ]; then running "$pid" || return 0; else group_left "$pid" || return 0; fi
    sleep 0.05
  done
  as_root kill -KILL -- "$target" 2>/dev/null || true
}
stop_all() {
  stop_pid "$dir/nginx.pid"
  stop_pid "$dir/run/master.pid"
}
start_dovecot() {
  # A socket left by the last run would make each auth process wait 5 seconds to reach it (see anvil below).
  as_root rm -f "$dir/run/anvil-auth-penalty"
  # Dovecot's master keeps the stderr it was started with: not the caller's, whose reader would never see the end of it.
  if ! as_root dovecot -c "$conf" </dev/null >/dev/null 2>>"$dir/dovecot.log"; then
    echo "Dovecot did not start; the end of $dir/dovecot.log:" >&2
    tail -n 5 "$dir/dovecot.log" >&2
    return 1
  fi
}
start_all() {
  start_dovecot
  as_root /usr/sbin/nginx -c "$dir/nginx.conf"
}
wait_for_ports() {
  for _ in $(seq 1 100); do
    if answers "$imaps_port" && answers "$starttls_port" && answers "$inner_port"; then return 0; fi
    sleep 0.1
  done
  echo "Dovecot is not answering on 127.0.0.1:$imaps_port and :$starttls_port; see $dir/dovecot.log and $dir/nginx-error.log" >&2
  return 1
}

if [ "$action" = stop ]; then stop_all; echo "Dovecot (IMAP on $imaps_port/$starttls_port) stopped"; exit 0; fi
# A restart keeps the set-up as it is, so that it takes no longer than Dovecot does to stop and start.
if [ "$action" = restart ] && [ -f "$conf" ] && [ -f "$dir/nginx.conf" ]; then
  stop_all
  start_all
  wait_for_ports
  echo "Dovecot restarted: IMAPS on 127.0.0.1:$imaps_port, STARTTLS on 127.0.0.1:$starttls_port"
  exit 0
fi

if [ ! -x /usr/lib/dovecot/imap ] || ! command -v doveconf >/dev/null || [ ! -x /usr/sbin/nginx ] \
  || [ ! -f /usr/lib/nginx/modules/ngx_stream_module.so ]; then
  echo "Installing Dovecot (IMAP) and nginx's stream module from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq dovecot-imapd nginx libnginx-mod-stream >/dev/null
  # Debian starts its own instance (143/993, every address, system users) where systemd runs: the tests need none.
  if [ -d /run/systemd/system ]; then as_root systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true; fi
fi
case "$(dovecot --version)" in
  2.3.*) ;;
  *) echo "This script writes Dovecot 2.3's settings; this machine has Dovecot $(dovecot --version), whose differ." >&2; exit 1 ;;
esac

# The relay's CA signs the certificate, its user owns the Maildirs, and its Postfix delivers into them.
if [ ! -f "$relay/ca/ca.key" ] || [ ! -f "$relay/relay.json" ] || ! id -u nacars-relay >/dev/null 2>&1 \
  || [ ! -f "$relay/imap-maildir.cf" ]; then
  echo "The test relay is not set up; running eng/relay.sh first"
  bash "$here/relay.sh"
fi
uid="$(id -u nacars-relay)"
gid="$(id -g nacars-relay)"
as_root mkdir -p "$dir/tls" "$dir/run" "$dir/state" "$relay/mail/imap"
as_root chown "$uid:$gid" "$relay/mail/imap"

# One password for every user, made once and kept: a test reads it from $dir/password or imap.json.
if [ ! -s "$dir/password" ]; then
  (umask 077; openssl rand -hex 16 >"$dir/password")
fi
chmod 600 "$dir/password"
password="$(cat "$dir/password")"

# --- the certificate ----------------------------------------------------------------------------------------------
# Issued by the relay's CA (kept while it verifies and has a month left), with the relay's revocation list in it, as a
# client that checks revocation expects. Issued outside the CA's database, which stays relay.sh's alone.
crl_url="$(sed -n 's/^ *"crl": "\(.*\)",*$/\1/p' "$relay/relay.json")"
[ -n "$crl_url" ] || { echo "No \"crl\" in $relay/relay.json" >&2; exit 1; }
if ! { [ -f "$dir/tls/imap.crt" ] && [ -f "$dir/tls/imap.key" ] \
  && openssl verify -no-CApath -no-CAstore -CAfile "$relay/ca/ca.crt" "$dir/tls/imap.crt" >/dev/null 2>&1 \
  && openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/tls/imap.crt" >/dev/null; }; then
  cat >"$dir/tls/imap.ext" <<EOF
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
crlDistributionPoints = URI:$crl_url
EOF
  openssl req -new -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/tls/imap.key" -out "$dir/tls/imap.csr" 2>/dev/null
  as_root openssl x509 -req -sha256 -days 825 -set_serial "0x$(openssl rand -hex 16)" -in "$dir/tls/imap.csr" \
    -CA "$relay/ca/ca.crt" -CAkey "$relay/ca/ca.key" -extfile "$dir/tls/imap.ext" -out "$dir/tls/imap.crt" 2>/dev/null
fi
cat "$dir/tls/imap.crt" "$relay/ca/ca.crt" >"$dir/tls/imap.chain.pem"
chmod 600 "$dir/tls/imap.key"

# --- Dovecot ------------------------------------------------------------------------------------------------------
# Dovecot 2.3 syntax (bookworm's 2.3.19); 2.4 renamed most of these settings.
cat >"$conf" <<EOF
$marker: the IMAP mailbox for the tests, on loopback only.
# Its own instance: nothing here is read from or written to /etc/dovecot, /run/dovecot or /var/lib/dovecot.
instance_name = nacars-imap
base_dir = $dir/run
state_dir = $dir/state
protocols = imap
listen = 127.0.0.1
log_path = $dir/dovecot.log
auth_verbose = yes

# TLS 1.2 or later; no password before TLS (ssl = required also refuses the non-plaintext mechanisms).
ssl = required
ssl_cert = <$dir/tls/imap.chain.pem
ssl_key = <$dir/tls/imap.key
ssl_dh = </usr/share/dovecot/dh.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login

# Any user name, one password; user@domain is the user, in lower case (as Postfix's map writes the folder).
auth_username_format = %Ln
passdb {
  driver = static
  args = password={PLAIN}$password
}
# The Maildirs belong to the relay's user, who Postfix delivers as.
userdb {
  driver = static
  args = uid=$uid gid=$gid allow_all_users=yes
}
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_location = maildir:$relay/mail/imap/%u

# IDLE: inotify tells of new mail at once (Dovecot waits half a second to gather changes); the look every second is
# for where inotify does not reach, or when the relay user's inotify instances (128 by default) run out.
mailbox_idle_check_interval = 1 secs
imap_idle_notify_interval = 30 secs
protocol imap {
  mail_max_userip_connections = 100
}

# Tests log in often, some with a wrong password on purpose, in parallel from one address: no delay after a failure,
# and no penalty (anvil would slow every later login from that address by up to 15 seconds). A listener of mode 0 is
# Dovecot's way to turn the penalty off; the script removes its old socket before a start.
auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $inner_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
EOF
chmod 600 "$conf" # it holds the password
as_root doveconf -c "$conf" -n >/dev/null

# nginx in front of Dovecot's plain listener (see the top): from 127.0.0.2, so the session is not "local" to Dovecot.
cat >"$dir/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_stream_module.so;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 256; }
stream {
  server {
    listen 127.0.0.1:$starttls_port;
    proxy_pass 127.0.0.1:$inner_port;
    proxy_bind 127.0.0.2;
    proxy_timeout 1h;
  }
}
EOF
as_root /usr/sbin/nginx -t -q -c "$dir/nginx.conf"

if alive "$dir/run/master.pid"; then
  as_root rm -f "$dir/run/anvil-auth-penalty"
  as_root dovecot -c "$conf" reload
else
  start_dovecot
fi
if alive "$dir/nginx.pid"; then
  as_root /usr/sbin/nginx -c "$dir/nginx.conf" -s reload 2>/dev/null
else
  as_root /usr/sbin/nginx -c "$dir/nginx.conf"
fi
wait_for_ports

cat >"$dir/imap.json" <<EOF
{
  "host": "localhost",
  "imapsPort": $imaps_port,
  "starttlsPort": $starttls_port,
  "password": "$password",
  "passwordFile": "$dir/password",
  "mailDomain": "$mail_domain",
  "mailRoot": "$relay/mail/imap",
  "restart": "bash $here/dovecot.sh restart",
  "log": "$dir/dovecot.log",
  "caCertificate": "$relay/ca/ca.crt"
}
EOF
chmod 600 "$dir/imap.json"
echo "Dovecot $(dovecot --version | cut -d' ' -f1) on 127.0.0.1:$imaps_port (IMAPS) and :$starttls_port (STARTTLS required); any user, password in $dir/password; mail to <user>@$mail_domain"
