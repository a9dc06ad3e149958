package vn.gov.eid.dossier.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.HistoryEntry;
import vn.gov.eid.dossier.domain.validation.PersonalIdNumbers;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Reads dossiers: one by id, its audit trail, or a search by status, person, type and creation time, paged. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DossierQuery {
    @Inject
    DossierConfig config;

    @Inject
    SealedBiometrics sealedBiometrics;

    /** Raw filters as they come from the query string; all optional. */
    public record Filter(
            String status,
            String personalIdNumber,
            String type,
            String createdFrom,
            String createdTo,
            String page,
            String size) {}

    /** One page of results, newest first. */
    public record Result(List<Dossier> items, int page, int size, long total) {}

    /** The dossier, or a not-found failure. */
    public Dossier find(UUID id) {
        Dossier d = Dossier.findById(id);
        if (d == null) {
            throw DomainException.notFound("dossier-not-found", "Dossier not found", "No dossier with id " + id);
        }
        return d;
    }

    /**
     * What the dossier's biometrics capture put on file (the portrait and templates are opened to describe them, and
     * never leave this method). Not found when nothing was captured, or when the retention purge deleted them.
     */
    public BiometricsOnFile biometrics(UUID id) {
        Dossier d = find(id);
        if (d.biometricsAndContactPurgedAt != null) {
            throw DomainException.notFound(
                            "biometrics-purged",
                            "Biometrics deleted",
                            "The biometrics of this closed dossier were deleted at the end of their retention period")
                    .with("purgedAt", d.biometricsAndContactPurgedAt.toString());
        }
        Biometrics b = Biometrics.findById(id);
        if (b == null) {
            throw DomainException.notFound(
                    "biometrics-not-captured", "No biometrics", "No biometrics were captured for dossier " + id);
        }
        return BiometricsOnFile.of(b, sealedBiometrics.open(b));
    }

    /** The dossier's audit trail, oldest first. */
    public List<HistoryEntry> history(UUID id) {
        find(id);
        return HistoryEntry.of(id);
    }

    /** One page of the dossiers that match every filter given; invalid filters fail with one violation each. */
    public Result search(Filter f) {
        List<Violation> violations = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.status() != null) {
            DossierStatus s = parseEnum(DossierStatus.class, f.status(), "status", violations);
            if (s != null) {
                where.append(" and status = :status");
                params.and("status", s);
            }
        }
        if (f.type() != null) {
            DossierType t = parseEnum(DossierType.class, f.type(), "type", violations);
            if (t != null) {
                where.append(" and type = :type");
                params.and("type", t);
            }
        }
        if (f.personalIdNumber() != null) {
            if (!PersonalIdNumbers.wellFormed(f.personalIdNumber())) {
                violations.add(new Violation("personalIdNumber", PersonalIdNumbers.FORMAT_MESSAGE));
            } else {
                where.append(" and personalIdNumber = :pid");
                params.and("pid", f.personalIdNumber());
            }
        }
        Instant from = parseInstant(f.createdFrom(), "createdFrom", violations);
        if (from != null) {
            where.append(" and createdAt >= :from");
            params.and("from", from);
        }
        Instant to = parseInstant(f.createdTo(), "createdTo", violations);
        if (to != null) {
            where.append(" and createdAt < :to");
            params.and("to", to);
        }
        // Both bounded, so that the row offset page x size cannot overflow.
        int page = parseBounded(f.page(), 0, 0, config.paging().maxPage(), "page", violations);
        int size = parseBounded(
                f.size(), config.paging().defaultSize(), 1, config.paging().maxSize(), "size", violations);
        if (!violations.isEmpty()) {
            throw DomainException.violations(violations);
        }
        PanacheQuery<Dossier> q =
                Dossier.find(where.toString(), Sort.descending("createdAt").and("id"), params);
        return new Result(q.page(Page.of(page, size)).list(), page, size, q.count());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String field, List<Violation> out) {
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            out.add(new Violation(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static int parseBounded(String raw, int fallback, int min, int max, String field, List<Violation> out) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // too long for an int, or not a number at all: the same answer as out of bounds
        }
        out.add(new Violation(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parseInstant(String raw, String field, List<Violation> out) {
        if (raw == null) {
            return null;
        }
        try {
            Instant at = Instant.parse(raw.trim());
            // what PostgreSQL's timestamptz can compare, and any date a dossier could have
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                out.add(new Violation(field, "must lie between " + EARLIEST + " and " + LATEST));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            out.add(new Violation(field, "must be an RFC 3339 instant such as 2026-11-28T00:00:00Z"));
            return null;
        }
    }
}
