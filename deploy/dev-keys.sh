#!/bin/sh
# Generates the development RSA key pairs into /keys once (docker compose). Never for production.
set -eu
cd /keys
if [ -f signing-private.pem ]; then echo "dev keys present"; exit 0; fi
command -v openssl >/dev/null || apk add --no-cache openssl >/dev/null
for name in signing sms contact; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name-private.pem" 2>/dev/null
  openssl pkey -in "$name-private.pem" -pubout -out "$name-public.pem"
done
chmod 644 ./*.pem
echo "dev keys generated"
