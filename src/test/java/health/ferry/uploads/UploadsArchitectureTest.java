package health.ferry.uploads;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code paths the security plan forbids (section 6, CI gate) stay out of the Supporting Documents engine, and
 * its three layers depend one way only: classification may read detection's outcome, nothing else crosses.
 */
class UploadsArchitectureTest {
    private static JavaClasses uploads;

    @BeforeAll
    static void importClasses() {
        uploads = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("health.ferry.uploads");
        assertTrue(uploads.size() > 50, "the engine's classes were imported: " + uploads.size());
    }

    @Test
    void onlyZipFileOpensArchivesAndNothingAutoDetectsFormats() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                "org.apache.commons.compress.archivers.ArchiveStreamFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.apache.commons.compress.compressors.CompressorStreamFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.apache.commons.compress.archivers.zip.ZipArchiveInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.zip.ZipInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.zip.ZipFile")
                .check(uploads);
    }

    @Test
    void symlinkTargetsAreNeverRead() {
        noClasses().should().callMethod("org.apache.commons.compress.archivers.zip.ZipFile", "getUnixSymlink",
                "org.apache.commons.compress.archivers.zip.ZipArchiveEntry").check(uploads);
    }

    @Test
    void tikaRunsOnlyInTheWorkerAndXmlOnlyThroughSafeXml() {
        noClasses().that().resideOutsideOfPackage("health.ferry.uploads.detection").should()
                .dependOnClassesThat().resideInAPackage("org.apache.tika..").check(uploads);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.apache.tika.Tika").check(uploads);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("javax.xml.transform.TransformerFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.xml.parsers.DocumentBuilderFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.xml.parsers.SAXParserFactory")
                .check(uploads);
        noClasses().that().doNotHaveSimpleName("SafeXml").should()
                .dependOnClassesThat().haveFullyQualifiedName("javax.xml.stream.XMLInputFactory").check(uploads);
    }

    @Test
    void layersDependOneWay() {
        noClasses().that().resideInAPackage("..uploads.archive..").should().dependOnClassesThat()
                .resideInAnyPackage("..uploads.detection..", "..uploads.classification..").check(uploads);
        noClasses().that().resideInAPackage("..uploads.detection..").should().dependOnClassesThat()
                .resideInAnyPackage("..uploads.archive..", "..uploads.classification..").check(uploads);
        noClasses().that().resideInAPackage("..uploads.classification..").should().dependOnClassesThat()
                .resideInAnyPackage("..uploads.archive..", "..uploads.structured..").check(uploads);
        noClasses().that().resideInAPackage("..uploads.structured..").should().dependOnClassesThat()
                .resideInAnyPackage("..uploads.archive..", "..uploads.detection..").check(uploads);
    }
}
