package health.ferry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import health.ferry.uploads.SupportingDocuments;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the house layout (docs/architecture.md): feature packages depend only in the directions allowed below,
 * there are no cycles, and there are no catch-all util/common/helpers/service/dto packages.
 */
class ArchitectureTest {
    /** Which features each feature may use. audit and notifications only observe; web may use everything. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("outcome", Set.of()),
            Map.entry("outbound", Set.of()),
            // The simulated portal is a world of its own: it uses nothing of Ferry's, and nothing uses it.
            Map.entry("sandbox", Set.of()),
            Map.entry("jobs", Set.of("outcome")),
            Map.entry("accounts", Set.of("outcome")),
            Map.entry("records", Set.of("outcome", "accounts")),
            Map.entry("studies", Set.of("outcome", "accounts", "records")),
            Map.entry("directory", Set.of("outcome", "jobs", "accounts", "outbound")),
            Map.entry("connections", Set.of("outcome", "jobs", "accounts", "studies", "directory", "records",
                    "outbound")),
            Map.entry("uploads", Set.of("outcome", "jobs", "accounts", "studies", "records")),
            Map.entry("review", Set.of("outcome", "accounts", "studies", "records", "uploads")),
            Map.entry("sync", Set.of("outcome", "jobs", "accounts", "connections", "records", "directory",
                    "outbound")),
            Map.entry("notifications", Set.of("outcome", "jobs", "accounts", "studies", "records", "directory",
                    "connections", "review", "uploads", "sync", "outbound")),
            Map.entry("audit", Set.of("outcome", "jobs", "accounts", "studies", "records", "directory", "connections",
                    "review", "uploads", "sync", "outbound")));
    static final List<String> FEATURES = Stream.concat(ALLOWED.keySet().stream(), Stream.of("web")).toList();

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("health.ferry");
    }

    @Test
    void featuresDependOnlyInTheAllowedDirections() {
        ALLOWED.forEach((feature, allowed) -> {
            String[] forbidden = FEATURES.stream().filter(f -> !f.equals(feature) && !allowed.contains(f))
                    .map(f -> "health.ferry." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("health.ferry." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because(feature + " may use only " + allowed + " (docs/architecture.md)")
                    .allowEmptyShould(true).check(classes);
        });
    }

    /**
     * Supporting Documents has one public face: outside uploads, only {@code uploads.SupportingDocuments} and the small
     * records and seam of {@code uploads.api} may be used (docs/architecture.md).
     */
    @Test
    void outsideUploadsOnlyItsPublicFaceIsUsed() {
        DescribedPredicate<JavaClass> internals = JavaClass.Predicates.resideInAPackage("health.ferry.uploads..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("health.ferry.uploads.api..")))
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(SupportingDocuments.class)))
                .as("uploads' internals");
        noClasses().that().resideOutsideOfPackage("health.ferry.uploads..")
                .should().dependOnClassesThat(internals)
                .because("uploads exposes SupportingDocuments and uploads.api only").check(classes);
    }

    @Test
    void uploadsUsesNothingOfReview() {
        noClasses().that().resideInAPackage("health.ferry.uploads..")
                .should().dependOnClassesThat().resideInAPackage("health.ferry.review..")
                .because("the decisions uploads' pages show come through its own seam, uploads.api.DocumentDecisions")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("health.ferry.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * A connection method is a {@code connections.spi.PortalConnector}, never an {@code if (isSmart())}: only the
     * registry that picks a portal's connector may ask which method a portal uses.
     */
    @Test
    void noConnectionMethodIsBranchedOnOutsideTheConnectorRegistry() {
        noClasses().that().doNotHaveFullyQualifiedName("health.ferry.connections.ConnectorRegistry")
                .should().callMethodWhere(DescribedPredicate.describe("a method named isSmart",
                        (JavaMethodCall call) -> call.getName().equals("isSmart")))
                .because("a connection method is a PortalConnector (docs/connectors.md)").check(classes);
        methods().that().haveName("isSmart").should().beDeclaredIn("health.ferry.connections.ConnectorRegistry")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void thereAreNoCatchAllPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..helper..",
                "..service..", "..services..", "..dto..", "..misc..").check(classes);
    }

    @Test
    void everyClassLivesInAFeaturePackageOrIsTheApplicationRoot() {
        noClasses().that().resideOutsideOfPackages(FEATURES.stream().map(f -> "health.ferry." + f + "..")
                .toArray(String[]::new))
                .and().resideOutsideOfPackage("health.ferry")
                .should().resideInAPackage("health.ferry..")
                .because("new top-level packages must be added to the allowed-dependency table")
                .allowEmptyShould(true).check(classes);
    }
}
