package health.ferry.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hl7.fhir.r4.model.Patient;

/**
 * The sandbox's one {@code FhirContext.forR4()} (thread-safe, slow to create and to parse with the first time), made
 * and warmed at start when the sandbox is on. When Ferry gets an app-wide FHIR context, this should use that one.
 */
@ApplicationScoped
class SandboxFhirContext {
    private FhirContext context;

    /** Not a field initializer: that would also run for the bean's client proxy and make a second context. */
    @PostConstruct
    void create() {
        context = FhirContext.forR4();
    }

    /** Static, so that with the sandbox off the context is never even created. */
    static void warm(@Observes StartupEvent start, SandboxConfig config, SandboxFhirContext fhir) {
        if (config.enabled()) {
            IParser parser = fhir.json();
            parser.parseResource(Patient.class, parser.encodeResourceToString(new Patient().setActive(true)));
        }
    }

    /** A new JSON parser (parsers are cheap and not thread-safe; the context is). */
    IParser json() {
        return context.newJsonParser();
    }
}
