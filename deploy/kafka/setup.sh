#!/bin/bash
# Makes the broker run deploy/kafka/access.conf (docker compose, once, as the broker's admin): a SCRAM-SHA-512 user
# for each KAFKA_JAAS_* setting (the same JAAS line the principal's client uses), the topics, the ACLs. Idempotent.
set -euo pipefail
BIN=${KAFKA_BIN:-/opt/kafka/bin}
CONF=${EID_KAFKA_CONF:-/etc/kafka/eid}
ADMIN=(--bootstrap-server "${KAFKA_BOOTSTRAP:-kafka:9092}" --command-config "$CONF/admin.properties")

declare -A users=()
for var in $(compgen -e | grep '^KAFKA_JAAS_' || true); do
  jaas=${!var}
  user=$(sed -n 's/.*username="\([^"]*\)".*/\1/p' <<<"$jaas")
  pass=$(sed -n 's/.*password="\([^"]*\)".*/\1/p' <<<"$jaas")
  if [[ -z "$user" || -z "$pass" || "$pass" =~ [],=[] ]]; then
    echo "$var: needs username=\"...\" and password=\"...\" (no , = [ ] in the password)" >&2
    exit 1
  fi
  "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=4096,password=$pass]" >/dev/null
  users[$user]=1
  echo "user $user"
done

while read -r kind principal operation resource name pattern; do
  case "$kind" in
    '' | \#*) ;;
    topic)
      "$BIN/kafka-topics.sh" "${ADMIN[@]}" --create --if-not-exists --topic "$principal" \
        --partitions "${EID_TOPIC_PARTITIONS:-3}" --replication-factor 1 >/dev/null
      echo "topic $principal" ;;
    allow)
      if [[ -z "${users[$principal]:-}" ]]; then
        echo "access.conf names $principal, but no KAFKA_JAAS_* setting gives its password" >&2
        exit 1
      fi
      case "$resource" in
        Topic) target=(--topic "$name") ;;
        Group) target=(--group "$name") ;;
        TransactionalId) target=(--transactional-id "$name") ;;
        Cluster) target=(--cluster) ;;
        *) echo "access.conf: unknown resource $resource" >&2; exit 1 ;;
      esac
      if [[ "${pattern:-}" == prefixed ]]; then
        target+=(--resource-pattern-type prefixed)
      fi
      "$BIN/kafka-acls.sh" "${ADMIN[@]}" --add --allow-principal "User:$principal" --operation "$operation" \
        "${target[@]}" >/dev/null
      echo "allow $principal $operation $resource $name ${pattern:-}" ;;
    *) echo "access.conf: unknown line: $kind" >&2; exit 1 ;;
  esac
done < "$CONF/access.conf"
echo "broker access applied"
