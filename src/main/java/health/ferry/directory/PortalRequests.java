package health.ferry.directory;

import health.ferry.accounts.CurrentAccount;
import health.ferry.directory.PortalDirectory.PortalRequest;
import health.ferry.directory.PortalDirectory.PortalStatus;
import health.ferry.directory.PortalDirectory.Requested;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.outcome.OutcomeException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Changes participants and admins make to the directory: "my portal isn't listed" requests (answered with the
 * listed portal when the website or name is known) and support decisions. A new request is its requester's alone
 * until an admin decides (search shows it to nobody else); one that copies a listed portal's name or website host is
 * refused ({@code portal_already_listed}), and an account may ask for a few new portals a day ({@code rate_limited}).
 */
@ApplicationScoped
class PortalRequests {
    private static final Logger LOG = Logger.getLogger(PortalRequests.class);
    static final int MAX_NAME = 200;

    @Inject
    PortalRepository portals;
    @Inject
    CurrentAccount current;
    @Inject
    Event<DirectoryChanged> changed;
    @Inject
    Event<PortalSupportDecided> decided;
    @Inject
    Clock clock;
    @Inject
    DirectoryConfig config;

    @Transactional
    Requested request(PortalRequest request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        String site = request == null || request.website() == null ? "" : request.website().strip();
        if (name.isEmpty() && site.isEmpty()) {
            throw new OutcomeException(Outcome.VALIDATION_FAILED, "Say which portal you mean.",
                    List.of(new FieldError("website", "Enter the portal's website address or its name.")));
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw OutcomeException.invalid("name", "Use at most " + MAX_NAME + " ordinary characters for the name.");
        }
        // the one text rule for free text (no direction overrides or isolates, no lone surrogates): a portal's name
        // is shown to others once an admin lists it, so it must not be able to spoof what it says
        health.ferry.outcome.FreeText.requireLine("name", name);
        health.ferry.outcome.FreeText.requireLine("website", site);
        WebsiteAddress website = null;
        if (!site.isEmpty()) {
            WebsiteAddress.Parsed parsed = WebsiteAddress.parse(site);
            if (!parsed.ok()) {
                throw OutcomeException.invalid("website", parsed.problem());
            }
            website = parsed.address();
        }
        UUID requester = current.account().id();
        Optional<Portal> listed = website != null ? listedAt(website, requester) : listedAs(name, requester);
        if (listed.isPresent()) {
            return new Requested(status(listed.get()), false);
        }
        Optional<Portal> copied = website == null ? Optional.empty() : listedOnHost(website.host());
        if (copied.isEmpty() && !name.isEmpty()) {
            copied = listedAs(name, null);
        }
        if (copied.isPresent()) {
            // Another card with a listed portal's name or website host could only mislead: choose the listed one.
            throw new OutcomeException(Outcome.PORTAL_ALREADY_LISTED, "A portal with this name or website is already "
                    + "in the directory. Search for it and connect it, or ask your study team for help.")
                    .with("portalId", copied.get().id.toString());
        }
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        if (portals.countRequestedSince(requester, dayAgo) >= config.maxRequestsPerDay()) {
            Instant again = portals.firstRequestedSince(requester, dayAgo).orElse(dayAgo).plus(Duration.ofDays(1));
            throw new OutcomeException(Outcome.RATE_LIMITED, "You can ask for at most " + config.maxRequestsPerDay()
                    + " new portals a day. The portals you asked for are being reviewed; you can ask for another after "
                    + again.truncatedTo(ChronoUnit.MINUTES) + ".")
                    .with("retryAfter", again.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        Portal portal = Portal.requested(name.isEmpty() ? website.host() : name, website, requester, now);
        portals.persist(portal);
        changed.fire(DirectoryChanged.portal(portal.id));
        LOG.infof("Portal %s requested (pending)", portal.id);
        return new Requested(status(portal), true);
    }

    @Transactional
    PortalStatus decide(String portalId, String supportStatus) {
        UUID id = uuid(portalId);
        Portal portal = id == null ? null : portals.findById(id);
        if (portal == null) {
            throw OutcomeException.notFound();
        }
        SupportStatus status = Coded.fromCode(SupportStatus.class, supportStatus == null ? "" : supportStatus.strip());
        if (status == null || status == SupportStatus.PENDING) {
            throw OutcomeException.invalid("supportStatus", "Choose supported or not_supported.");
        }
        portal.decideSupport(status, clock.instant());
        changed.fire(new DirectoryChanged(portal.id, status));
        decided.fire(new PortalSupportDecided(portal.id, portal.name, status.code()));
        LOG.infof("Portal %s marked %s", portal.id, status.code());
        return status(portal);
    }

    /**
     * The listed portal for a website: one with this very page, else one whose page it is under, else one for the
     * whole site when no page was given or the portal is the whole site.
     */
    private Optional<Portal> listedAt(WebsiteAddress website, UUID viewer) {
        List<Portal> onHost = portals.findByWebsiteHost(website.host()).stream().filter(p -> p.visibleTo(viewer))
                .toList();
        Comparator<Portal> closest = Comparator.comparingInt(p -> p.websites.stream()
                .filter(w -> w.host.equals(website.host())).mapToInt(w -> closeness(w, website)).max().orElse(0));
        return onHost.stream().filter(p -> p.websites.stream().anyMatch(w -> w.host.equals(website.host())
                && closeness(w, website) > 0)).max(closest.thenComparing(p -> p.createdAt, Comparator.reverseOrder()));
    }

    private static int closeness(PortalWebsite listed, WebsiteAddress asked) {
        if (listed.path.equals(asked.path())) {
            return 3;
        }
        if (!listed.path.isEmpty() && asked.path().startsWith(listed.path + "/")) {
            return 2;
        }
        return listed.path.isEmpty() || asked.path().isEmpty() ? 1 : 0;
    }

    /** The portal listed under this name that {@code viewer} may find (null: a listed one, for everyone). */
    private Optional<Portal> listedAs(String name, UUID viewer) {
        String key = NameTokens.key(name);
        return key.isEmpty() ? Optional.empty()
                : portals.findByNameKey(key).stream().filter(p -> p.visibleTo(viewer)).findFirst();
    }

    /** A portal listed for everyone with a website on this host. */
    private Optional<Portal> listedOnHost(String host) {
        return portals.findByWebsiteHost(host).stream().filter(p -> !p.isPrivateRequest()).findFirst();
    }

    private static PortalStatus status(Portal portal) {
        return new PortalStatus(portal.id, portal.supportStatus.code());
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
