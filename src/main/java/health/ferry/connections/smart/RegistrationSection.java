package health.ferry.connections.smart;

import health.ferry.connections.smart.RegistrationChanges.RegistrationView;
import health.ferry.connections.smart.SigningKeys.SigningKeyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the admin's directory page shows of Ferry's client registrations ({@code inject:clientRegistrations} in
 * {@code smart/section.html}, included by {@code directory/admin.html}): the directory does not depend on
 * connections, the page reads this bean by name.
 */
@ApplicationScoped
@Named("clientRegistrations")
public class RegistrationSection {
    @Inject
    RegistrationChanges changes;
    @Inject
    SigningKeys keys;

    /** The form as entered (the secret never), with one message per field. */
    public record FormView(String scope, String portalId, String brand, String clientId, String authMethod,
            String keyId, Map<String, String> errors, List<String> currentKeys) {
    }

    public List<RegistrationView> rows() {
        return changes.list();
    }

    /** Ferry's named keys, each as "kid (algorithm)", retired ones marked, for the line under the form. */
    public String keysLine() {
        String retired = RegistrationChanges.messages().key_retired();
        return keys.list().stream().map(k -> k.kid() + " (" + k.algorithm() + (k.retired() ? ", " + retired : "")
                + ")").collect(Collectors.joining(", "));
    }

    public FormView blank() {
        return form("portal", "", "", "", "public", "", Map.of());
    }

    FormView form(String scope, String portalId, String brand, String clientId, String authMethod, String keyId,
            Map<String, String> errors) {
        List<String> current = keys.list().stream().filter(k -> !k.retired()).map(SigningKeyView::kid).toList();
        return new FormView(scope, portalId, brand, clientId, authMethod, keyId, Map.copyOf(errors), current);
    }
}
