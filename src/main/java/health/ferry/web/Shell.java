package health.ferry.web;

import health.ferry.accounts.Acting;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** What the layout shows on every page: who is signed in, who they act for, and the navigation. */
@Named("shell")
@RequestScoped
public class Shell {
    @Inject
    CurrentAccount current;
    @Inject
    Acting acting;
    @Inject
    RoutingContext request;

    public boolean signedIn() {
        return current.isSignedIn();
    }

    public String accountName() {
        return current.account().displayName();
    }

    public boolean participant() {
        return current.account().hasRole("participant");
    }

    public boolean coordinator() {
        return current.account().hasRole("coordinator");
    }

    public boolean admin() {
        return current.account().hasRole("admin");
    }

    public PersonView person() {
        return acting.person();
    }

    public List<PersonView> people() {
        return current.people();
    }

    /** The current path, so a switch of person returns to the same page. */
    public String path() {
        return request.request().path();
    }

    /** "page" when the navigation item leads to the page being shown, for aria-current. */
    public String current(String prefix) {
        String path = path();
        boolean match = "/home".equals(prefix) ? "/home".equals(path) : path.startsWith(prefix);
        return match ? "page" : "false";
    }
}
