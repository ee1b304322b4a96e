package health.ferry.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's one FHIR R4 context: thread-safe and slow to warm (its first parse scans the model: about a
 * second and some 30 MB), so it is made once, on first use, never at start: only syncs, uploads of FHIR files and
 * directory imports parse FHIR, and start-up does not wait for them (docs/benchmarks.md §7). Other features inject
 * {@link FhirContext} from here.
 */
@ApplicationScoped
public class FhirContexts {
    /** Initialization-on-demand: the context (and HAPI's classes) load when first asked for, once. */
    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    @Produces
    @Singleton
    FhirContext r4() {
        return Holder.R4;
    }

    /** The shared context outside CDI (plain tests, the benchmark). */
    static FhirContext shared() {
        return Holder.R4;
    }

    /** A JSON parser that reads what it can: unknown elements, bad values and odd extensions are not errors. */
    static IParser lenientJsonParser(FhirContext fhir) {
        return fhir.newJsonParser().setParserErrorHandler(
                new LenientErrorHandler(false).setErrorOnInvalidValue(false).setErrorOnInvalidExtension(false));
    }
}
