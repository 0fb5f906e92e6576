#!/usr/bin/env bash
# Makes Debian's Postfix run on loopback as a stand-in CJSM relay for the tests, installing it when missing:
# STARTTLS required (TLS 1.2+) with a certificate for localhost from a test CA that this script adds to the machine's
# trust store, the CA's revocation list served on loopback by nginx, and every recipient delivered to one Maildir
# (but <user>@imap.relay-test.example, delivered to $dir/mail/imap/<user>/, the mailbox eng/dovecot.sh serves by IMAP).
#
#   2525  the relay: TLS required, certificate from the test CA, revocation list reachable
#   2526  a relay that offers no STARTTLS (the Workbench must refuse it and send nothing)
#   2527  TLS with a certificate from a second test CA whose revocation list nothing serves (a locked-down server)
#   2528  TLS with a certificate the test CA has revoked
#
# Recipients listed in $dir/access are refused with their code (550 is permanent); $dir/greylist is empty and a test
# writes a 451 into it to greylist a recipient, then empties it: each SMTP session is a fresh smtpd process
# (max_use=1), so the next attempt reads the file again. Postfix logs to $dir/postfix.log; $dir/relay.json says where
# everything is. Usage: bash eng/relay.sh        (NACARS_TEST_RELAY_DIR names another folder; default below)
# It owns the machine's default Postfix instance: it refuses to touch a main.cf it did not write.
set -euo pipefail
dir="${NACARS_TEST_RELAY_DIR:-/var/lib/nacars-relay}"
crl_port=2580
marker="# Written by Nacars eng/relay.sh"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

if ! command -v postfix >/dev/null || [ ! -f /usr/lib/postfix/postfix-sqlite.so ] || [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null || ! command -v update-ca-certificates >/dev/null; then
  echo "Installing Postfix (with its SQLite maps), nginx and openssl from Debian"
  # "No configuration": Debian writes no main.cf; this script writes its own.
  echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postfix postfix-sqlite nginx openssl ca-certificates >/dev/null
fi
if [ -f /etc/postfix/main.cf ] && ! grep -qF "$marker" /etc/postfix/main.cf; then
  echo "/etc/postfix/main.cf was not written by this script: not touching this machine's mail set-up." >&2
  exit 1
fi

as_root mkdir -p "$dir"/ca "$dir"/offline-ca "$dir"/tls "$dir"/crl "$dir"/mail
as_root id -u nacars-relay >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /usr/sbin/nologin nacars-relay
uid="$(id -u nacars-relay)"
gid="$(id -g nacars-relay)"

# --- certificates -------------------------------------------------------------------------------------------------
# The CAs are kept between runs: .NET caches a CA's revocation list under the CA's name, so a new CA under the same
# name would meet a stale list (and the names are used by nothing else, not even other tests). The revocation list is
# signed afresh on every run.
make_ca() { # folder, common name
  local ca="$1" name="$2"
  if [ -f "$ca/ca.crt" ] && openssl x509 -checkend $((30 * 86400)) -noout -in "$ca/ca.crt" >/dev/null \
    && [ "$(openssl x509 -noout -subject -nameopt RFC2253 -in "$ca/ca.crt")" = "subject=CN=$name" ]; then return; fi
  rm -rf "${ca:?}"/*
  : >"$ca/index.txt"
  echo 1000 >"$ca/serial"
  echo 1000 >"$ca/crlnumber"
  openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=$name" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$ca/ca.key" -out "$ca/ca.crt" 2>/dev/null
}
ca_config() { # folder, CRL URL
  cat <<EOF
[ca]
default_ca = test
[test]
dir = $1
database = \$dir/index.txt
serial = \$dir/serial
crlnumber = \$dir/crlnumber
certificate = \$dir/ca.crt
private_key = \$dir/ca.key
new_certs_dir = \$dir
default_md = sha256
default_days = 825
default_crl_days = 30
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
[relay]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
crlDistributionPoints = URI:$2
EOF
}
issue() { # ca folder, CRL URL, name of the certificate
  local ca="$1" url="$2" name="$3"
  if [ -f "$dir/tls/$name.crt" ] && openssl verify -no-CApath -no-CAstore -CAfile "$ca/ca.crt" "$dir/tls/$name.crt" >/dev/null 2>&1 \
    && openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/tls/$name.crt" >/dev/null; then return; fi
  ca_config "$ca" "$url" >"$ca/openssl.cnf"
  openssl req -new -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/tls/$name.key" -out "$dir/tls/$name.csr" 2>/dev/null
  openssl ca -batch -config "$ca/openssl.cnf" -extensions relay -in "$dir/tls/$name.csr" -out "$dir/tls/$name.crt" 2>/dev/null
  openssl x509 -in "$dir/tls/$name.crt" -out "$dir/tls/$name.crt" # PEM only, without openssl ca's text dump
}

make_ca "$dir/ca" "Nacars Test Postfix Relay CA"
make_ca "$dir/offline-ca" "Nacars Test Postfix Offline CA"
crl_url="http://127.0.0.1:$crl_port/nacars-test-relay-ca.crl"
# Port 9 (discard) on loopback: nothing answers there, as a CA's address nothing may reach.
issue "$dir/ca" "$crl_url" relay
issue "$dir/offline-ca" "http://127.0.0.1:9/nacars-test-offline-ca.crl" offline
if ! [ -f "$dir/tls/revoked.crt" ] || ! grep -q "^R" "$dir/ca/index.txt"; then
  rm -f "$dir/tls/revoked.crt"
  issue "$dir/ca" "$crl_url" revoked
  openssl ca -config "$dir/ca/openssl.cnf" -revoke "$dir/tls/revoked.crt" -crl_reason keyCompromise 2>/dev/null
fi
openssl ca -config "$dir/ca/openssl.cnf" -gencrl -out "$dir/crl/nacars-test-relay-ca.crl.pem" 2>/dev/null
openssl crl -in "$dir/crl/nacars-test-relay-ca.crl.pem" -outform DER -out "$dir/crl/nacars-test-relay-ca.crl"
for name in relay offline revoked; do
  ca="$dir/ca"; [ "$name" = offline ] && ca="$dir/offline-ca"
  cat "$dir/tls/$name.key" "$dir/tls/$name.crt" "$ca/ca.crt" >"$dir/tls/$name.chain.pem"
done
chmod 600 "$dir"/tls/*.key "$dir"/tls/*.chain.pem "$dir"/ca/ca.key "$dir"/offline-ca/ca.key

# Both CAs go into the machine's trust store, as a relay's real CA would be.
changed=0
for ca in ca offline-ca; do
  target="/usr/local/share/ca-certificates/nacars-test-relay-$ca.crt"
  if ! cmp -s "$dir/$ca/ca.crt" "$target"; then as_root cp "$dir/$ca/ca.crt" "$target"; changed=1; fi
done
# --fresh: a CA replaced under the same file name keeps its old hash link otherwise.
if [ "$changed" = 1 ]; then as_root update-ca-certificates --fresh >/dev/null 2>&1; fi

# --- the revocation list on loopback ------------------------------------------------------------------------------
cat >"$dir/nginx.conf" <<EOF
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $dir/nginx-tmp;
  proxy_temp_path $dir/nginx-tmp;
  fastcgi_temp_path $dir/nginx-tmp;
  uwsgi_temp_path $dir/nginx-tmp;
  scgi_temp_path $dir/nginx-tmp;
  types { application/pkix-crl crl; }
  server { listen 127.0.0.1:$crl_port; root $dir/crl; }
}
EOF
mkdir -p "$dir/nginx-tmp"
if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
  as_root /usr/sbin/nginx -c "$dir/nginx.conf" -s reload 2>/dev/null
else
  as_root /usr/sbin/nginx -c "$dir/nginx.conf"
fi

# --- Postfix ------------------------------------------------------------------------------------------------------
printf '/./ OK\n' >"$dir/domains.regexp"
printf '/./ inbox/\n' >"$dir/maildir.regexp"
# <user>@imap.relay-test.example goes to imap/<user>/ instead. virtual(8) skips a regexp rule with $1 in it, so an SQLite
# query makes the folder from the address: an empty database (a file of no bytes) will do, the query reads no table.
[ -f "$dir/imap.sqlite" ] || : >"$dir/imap.sqlite"
cat >"$dir/imap-maildir.cf" <<EOF
dbpath = $dir/imap.sqlite
domain = imap.relay-test.example
query = SELECT 'imap/%u/' WHERE '%u' <> '' AND '%u' NOT GLOB '*[^a-z0-9_-]*'
EOF
[ -f "$dir/greylist" ] || : >"$dir/greylist"
cat >"$dir/access" <<'EOF'
refused@relay-test.example 550 5.1.1 mailbox unavailable
EOF
# Fresh Maildirs each run: tests find their own messages by Message-ID (or by a fresh IMAP user), and old runs' mail
# is of no use.
as_root rm -rf "$dir/mail/inbox" "$dir/mail/imap"
as_root mkdir -p "$dir/mail/imap"
as_root chown -R "$uid:$gid" "$dir/mail"

as_root tee /etc/postfix/main.cf >/dev/null <<EOF
$marker: a loopback stand-in for the CJSM relay, for tests only.
compatibility_level = 3.6
myhostname = localhost
mydomain = localdomain
myorigin = localhost
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
relay_domains =
alias_maps =
alias_database =
local_recipient_maps =
biff = no
append_dot_mydomain = no
smtpd_banner = \$myhostname ESMTP Nacars test relay
message_size_limit = 52428800
virtual_mailbox_limit = 0
maillog_file = $dir/postfix.log
# Every recipient, in any domain, lands in one Maildir; <user>@imap.relay-test.example in imap/<user>/ (eng/dovecot.sh).
virtual_mailbox_domains = regexp:$dir/domains.regexp
virtual_mailbox_maps = sqlite:$dir/imap-maildir.cf, regexp:$dir/maildir.regexp
virtual_mailbox_base = $dir/mail
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = 100
smtpd_recipient_restrictions = check_recipient_access texthash:$dir/greylist, check_recipient_access texthash:$dir/access, permit_mynetworks, reject
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
# STARTTLS required, TLS 1.2 or later, as CJSM requires.
smtpd_tls_chain_files = $dir/tls/relay.chain.pem
smtpd_tls_security_level = encrypt
smtpd_tls_protocols = >=TLSv1.2
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_loglevel = 1
smtpd_tls_received_header = yes
# Postfix waits a second between a refused recipient and its answer by default; the tests need not.
smtpd_error_sleep_time = 0
EOF

# Debian's services, without a chroot (nothing here copies files into one), and the four test ports. The ports with a
# bad certificate issue and take no session tickets: a client may otherwise resume there a session the good
# certificate began on 2525 (one host name, one ticket key), and never see the certificate under test.
as_root tee /etc/postfix/master.cf >/dev/null <<EOF
# Written by Nacars eng/relay.sh
# service type  private unpriv  chroot  wakeup  maxproc command
127.0.0.1:2525 inet n   -       n       -       -       smtpd -o max_use=1
127.0.0.1:2526 inet n   -       n       -       -       smtpd -o max_use=1 -o smtpd_tls_security_level=none
127.0.0.1:2527 inet n   -       n       -       -       smtpd -o max_use=1 -o smtpd_tls_session_cache_timeout=0 -o tls_ssl_options=NO_TICKET -o smtpd_tls_chain_files=$dir/tls/offline.chain.pem
127.0.0.1:2528 inet n   -       n       -       -       smtpd -o max_use=1 -o smtpd_tls_session_cache_timeout=0 -o tls_ssl_options=NO_TICKET -o smtpd_tls_chain_files=$dir/tls/revoked.chain.pem
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF

as_root postfix check
if as_root postfix status >/dev/null 2>&1; then as_root postfix reload >/dev/null 2>&1; else as_root postfix start >/dev/null 2>&1; fi

for _ in $(seq 1 30); do
  if (exec 3<>/dev/tcp/127.0.0.1/2525) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/$crl_port) 2>/dev/null; then break; fi
  sleep 1
done
(exec 3<>/dev/tcp/127.0.0.1/2525) || { echo "Postfix is not answering on 127.0.0.1:2525; see $dir/postfix.log" >&2; exit 1; }

cat >"$dir/relay.json" <<EOF
{
  "host": "localhost",
  "tlsPort": 2525,
  "plainPort": 2526,
  "offlineRevocationPort": 2527,
  "revokedPort": 2528,
  "maildir": "$dir/mail/inbox",
  "log": "$dir/postfix.log",
  "greylist": "$dir/greylist",
  "refusedRecipient": "refused@relay-test.example",
  "caCertificate": "$dir/ca/ca.crt",
  "crl": "$crl_url"
}
EOF
echo "Postfix $(postconf -h mail_version) relay on 127.0.0.1:2525 (STARTTLS required; test CA in the trust store), Maildir $dir/mail/inbox"
