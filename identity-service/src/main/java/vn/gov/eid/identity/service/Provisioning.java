package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.domain.ServiceClient;
import vn.gov.eid.identity.domain.StaffUser;

/**
 * Creates the staff users and service clients listed in configuration (IDENTITY_BOOTSTRAP_USERS,
 * IDENTITY_BOOTSTRAP_CLIENTS) when they are absent; existing ones are left as they are.
 */
@ApplicationScoped
public class Provisioning {

    /** Roles a staff user or a service client may hold. */
    public static final Set<String> STAFF_ROLES = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.OPERATOR, Role.PARTNER);

    @Inject
    IdentityConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    /** Advisory lock key of provisioning at start: "provisio" in ASCII. */
    private static final long PROVISIONING_LOCK = 0x70726f766973696fL;

    @Inject
    EntityManager em;

    /** Shortest client secret accepted: a machine's secret is long and random, not a password a person types. */
    static final int MIN_CLIENT_SECRET_LENGTH = 16;

    /** One name:role:secret entry; toString never shows the secret. */
    record Entry(String name, String role, String secret) {
        @Override
        public String toString() {
            return name + ":" + role;
        }
    }

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        // Replicas starting together: the second waits here for the first's commit, then finds the entries present
        // instead of failing its start on their primary keys.
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
                .setParameter(1, PROVISIONING_LOCK)
                .getSingleResult();
        Instant now = Instant.now();
        for (Entry e : parse(config.bootstrap().users().orElse(""), "IDENTITY_BOOTSTRAP_USERS")) {
            refuseWeak(e, policy.problems(e.secret()), "IDENTITY_BOOTSTRAP_USERS");
            if (StaffUser.findById(e.name()) == null) {
                StaffUser u = new StaffUser();
                u.username = e.name();
                u.role = e.role();
                u.passwordHash = hasher.hash(e.secret());
                u.createdAt = now;
                u.persist();
                Log.infof("staff user %s (%s) provisioned", e.name(), e.role());
            }
        }
        for (Entry e : parse(config.bootstrap().clients().orElse(""), "IDENTITY_BOOTSTRAP_CLIENTS")) {
            refuseWeak(e, clientSecretProblems(e.secret()), "IDENTITY_BOOTSTRAP_CLIENTS");
            if (ServiceClient.findById(e.name()) == null) {
                ServiceClient c = new ServiceClient();
                c.clientId = e.name();
                c.role = e.role();
                c.secretHash = hasher.hash(e.secret());
                c.createdAt = now;
                c.persist();
                Log.infof("service client %s (%s) provisioned", e.name(), e.role());
            }
        }
    }

    /** A staff password must meet the citizens' rules; the service does not start with a weak one. */
    static void refuseWeak(Entry e, List<String> problems, String setting) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    setting + ": the secret of " + e.name() + " is too weak: " + String.join(", ", problems));
        }
    }

    /** What is wrong with a client secret: too short or too long. */
    static List<String> clientSecretProblems(String secret) {
        if (secret.length() < MIN_CLIENT_SECRET_LENGTH || secret.length() > AuthService.MAX_SECRET_LENGTH) {
            return List.of("must be " + MIN_CLIENT_SECRET_LENGTH + " to " + AuthService.MAX_SECRET_LENGTH
                    + " characters long");
        }
        return List.of();
    }

    /**
     * Parses comma-separated name:role:secret entries. The secret is everything after the second colon, so it
     * may contain colons (not commas). Errors name the entry by position only, never echo a secret.
     */
    static List<Entry> parse(String list, String setting) {
        List<Entry> entries = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return entries;
        }
        String[] items = list.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split(":", 3);
            if (parts.length != 3
                    || parts[0].isBlank()
                    || parts[2].isEmpty()
                    || parts[0].trim().length() > 64) {
                throw new IllegalStateException(setting + ": entry " + (i + 1) + " is not name:role:secret");
            }
            String role = parts[1].trim();
            if (!STAFF_ROLES.contains(role)) {
                throw new IllegalStateException(setting + ": entry " + (i + 1) + " (" + parts[0].trim() + ") has role '"
                        + role + "'; allowed: " + STAFF_ROLES);
            }
            entries.add(new Entry(parts[0].trim(), role, parts[2]));
        }
        return entries;
    }
}
