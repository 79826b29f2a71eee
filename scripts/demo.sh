#!/usr/bin/env bash
# npm run demo: everything a newcomer needs, from a fresh clone to a signed-in inbox.
#   installs what is missing, starts the mail lab (Dovecot + Postfix on 127.0.0.1),
#   seeds demo mail once (--reseed to start over), builds and starts Postern.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
reseed=; for a in "$@"; do [ "$a" = "--reseed" ] && reseed=1; done

bash scripts/setup.sh
bash mail-lab/lab up
if [ -n "$reseed" ] || [ ! -f data/lab/.demo-seeded ]; then
  bash mail-lab/lab seed
  touch data/lab/.demo-seeded
fi
bash scripts/build-if-needed.sh

export PORT=${PORT:-3000} HOST=${HOST:-127.0.0.1}
# One process: a demo serves one person, and starts faster and lighter (WORKERS: docs/operations.md).
export WORKERS=${WORKERS:-1}
# Trust the lab's self-signed certificate (not a blanket TLS bypass) and accept bare user names.
export MAIL_CA_FILE=${MAIL_CA_FILE:-$PWD/data/lab/ssl/cert.pem}
export LOGIN_DOMAIN=${LOGIN_DOMAIN:-example.test}
export IMAP_PORT=${IMAP_PORT:-${LAB_IMAP_PORT:-3143}} SMTP_PORT=${SMTP_PORT:-${LAB_SUBMISSION_PORT:-3587}}
export SIEVE_PORT=${SIEVE_PORT:-${LAB_SIEVE_PORT:-4190}}

cat <<MSG

  Postern is starting at  http://$HOST:$PORT

  Demo logins (the mail lab's users):
    alice@example.test / alice-pass   (about 200 messages in INBOX)
    bob@example.test   / bob-pass
    carol@example.test / carol-pass

  Stop with Ctrl-C; stop the mail servers with: npm run lab -- down

MSG
exec node server.mjs
