package health.ferry.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's one FHIR R4 context: thread-safe and slow to create (its first parse takes over a second), so
 * it is made once and warmed at start. Other features inject {@link FhirContext} from here.
 */
@ApplicationScoped
public class FhirContexts {
    private static final FhirContext R4 = FhirContext.forR4();

    @Produces
    @Singleton
    FhirContext r4() {
        return R4;
    }

    /** The shared context outside CDI (plain tests, the benchmark). */
    static FhirContext shared() {
        return R4;
    }

    /** A JSON parser that reads what it can: unknown elements, bad values and odd extensions are not errors. */
    static IParser lenientJsonParser(FhirContext fhir) {
        return fhir.newJsonParser().setParserErrorHandler(
                new LenientErrorHandler(false).setErrorOnInvalidValue(false).setErrorOnInvalidExtension(false));
    }
}
