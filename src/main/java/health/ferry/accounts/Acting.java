package health.ferry.accounts;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the signed-in owner is acting for in the pages: self or one of their wards. Remembered in a cookie that
 * holds only a person id; ownership is checked again on every request, so a stale or forged cookie falls back
 * to self (and a forged one leaves an audit event).
 */
@RequestScoped
public class Acting {
    static final String COOKIE = "ferry_acting";

    @Inject
    CurrentAccount current;
    @Inject
    RoutingContext request;
    @Inject
    Event<ActingSwitched> switched;
    @ConfigProperty(name = "ferry.web.secure-cookies")
    boolean secureCookies;

    private PersonView person;

    /** The person the owner is acting for now. */
    public PersonView person() {
        if (person == null) {
            Cookie cookie = request.request().getCookie(COOKIE);
            UUID id = cookie == null ? null : CurrentAccount.parse(cookie.getValue());
            person = id == null ? current.self()
                    : current.people().stream().filter(p -> p.id().equals(id)).findFirst().orElseGet(() -> {
                        // A removed ward's id, or a forged one: act for self, and leave a trace.
                        current.denied("person", id.toString(), null);
                        return current.self();
                    });
        }
        return person;
    }

    /** Switches to acting for the given person: 404 and an audit event if this account does not own them. */
    public PersonView switchTo(String personId) {
        PersonView target = current.person(personId);
        request.response().addCookie(Cookie.cookie(COOKIE, target.id().toString()).setPath("/").setHttpOnly(true)
                .setSecure(secureCookies).setSameSite(CookieSameSite.LAX));
        switched.fire(new ActingSwitched(current.actor(), target.id()));
        person = target;
        return target;
    }
}
