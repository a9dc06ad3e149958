#!/bin/sh
# Generates the development key pairs into /keys once (docker compose): RSA for tokens and sealed data, Ed25519 for
# each producing service's event signatures (NAME-events-signing.pem holds its private and public block). Never for
# production.
set -eu
cd /keys
if [ -f notification-events-signing.pem ]; then echo "dev keys present"; exit 0; fi
command -v openssl >/dev/null || apk add --no-cache openssl >/dev/null
for name in signing sms contact; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name-private.pem" 2>/dev/null
  openssl pkey -in "$name-private.pem" -pubout -out "$name-public.pem"
done
for name in dossier identity notification; do
  openssl genpkey -algorithm ED25519 -out "$name-events-private.pem" 2>/dev/null
  openssl pkey -in "$name-events-private.pem" -pubout -out "$name-events-public.pem"
  cat "$name-events-private.pem" "$name-events-public.pem" > "$name-events-signing.pem"
  rm "$name-events-private.pem"
done
chmod 644 ./*.pem
echo "dev keys generated"
