package health.ferry.directory;

import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The admins' notices of portals whose connection is not set up correctly (issue 23): the portal refused Ferry's
 * registration ({@code invalid_client}, {@code unauthorized_client}, {@code invalid_scope}) or published unusable
 * SMART discovery. The portal's own {@code error_description} is kept sanitised (no control or invisible
 * characters, spaces collapsed) and capped at {@link #DESCRIPTION_MAX} characters; it is shown to admins only.
 */
@ApplicationScoped
public class PortalSetupProblems {
    static final int DESCRIPTION_MAX = 300;
    static final int SHOWN = 100;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** One open problem as admins see it. */
    public record Problem(UUID id, UUID portalId, String portalName, String errorCode, String description,
            int occurrences, Instant firstSeenAt, Instant lastSeenAt) {
    }

    /**
     * Notes a problem: a new open notice, or the open one for this portal and error counted again (latest
     * description kept). Its own transaction, so the notice stays when the caller's work is rolled back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID portalId, String errorCode, String description) {
        if (portalId == null) {
            return;
        }
        String code = code(errorCode);
        String text = sanitise(description);
        Instant now = clock.instant();
        em.createQuery("from PortalSetupProblem where portalId = ?1 and errorCode = ?2 and resolvedAt is null",
                PortalSetupProblem.class).setParameter(1, portalId).setParameter(2, code).setMaxResults(1)
                .getResultStream().findFirst()
                .ifPresentOrElse(open -> open.seenAgain(text, now),
                        () -> em.persist(new PortalSetupProblem(portalId, code, text, now)));
    }

    /** Open problems, the most recently seen first. */
    public List<Problem> open() {
        return em.createQuery("select pr, p.name from PortalSetupProblem pr, Portal p where p.id = pr.portalId"
                + " and pr.resolvedAt is null order by pr.lastSeenAt desc, pr.id", Object[].class)
                .setMaxResults(SHOWN).getResultStream().map(row -> {
                    PortalSetupProblem pr = (PortalSetupProblem) row[0];
                    return new Problem(pr.id, pr.portalId, (String) row[1], pr.errorCode, pr.description,
                            pr.occurrences, pr.firstSeenAt, pr.lastSeenAt);
                }).toList();
    }

    /** An admin marks a problem fixed; the next occurrence opens a new notice. Unknown ids are 404. */
    @Transactional
    public void resolve(String problemId) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(problemId));
        } catch (IllegalArgumentException e) {
            throw OutcomeException.notFound();
        }
        PortalSetupProblem pr = em.find(PortalSetupProblem.class, id);
        if (pr == null || pr.resolvedAt != null) {
            throw OutcomeException.notFound();
        }
        pr.resolvedAt = clock.instant();
    }

    /** The portal's error code as a safe token (OAuth codes are ASCII words); anything else is "other". */
    static String code(String errorCode) {
        String c = errorCode == null ? "" : errorCode.strip().toLowerCase(Locale.ROOT);
        return c.matches("[a-z0-9_.-]{1,64}") ? c : "other";
    }

    /**
     * A portal's free text made safe to store and show to an admin: control, format (zero-width, bidi) and
     * unassigned characters removed, runs of white space made one space, at most {@link #DESCRIPTION_MAX}
     * characters (cut on a character, with an ellipsis); null when nothing is left.
     */
    static String sanitise(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(4 * DESCRIPTION_MAX).forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE) {
                out.appendCodePoint(cp);
            }
        });
        String clean = out.toString().strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.codePointCount(0, clean.length()) > DESCRIPTION_MAX) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, DESCRIPTION_MAX - 1)) + "…";
        }
        return clean;
    }
}
