package health.ferry.directory;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 23, item 8: with the vendors' published lists imported (Epic's FHIR Bundle, and ONC Lantern's Epic and
 * Oracle Health lists), what a participant pastes finds their portal among the first three: a portal's login page or
 * the organisation's homepage (any address on its registrable domain) or the FHIR base itself. The same portal listed
 * by two lists is one card. Own database: the lists add ~3,800 portals that other tests' searches need not see.
 */
@QuarkusTest
@TestProfile(PastedAddressesTest.OwnDirectory.class)
class PastedAddressesTest {
    public static class OwnDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return health.ferry.OwnDatabase.with("ferry-pasted-addresses", Map.of());
        }
    }

    private static final String EPIC_BUNDLE = "endpointmanager/resources/EpicEndpointSourcesR4.json";
    private static final String EPIC_LANTERN = "resources/prod_resources/Epic_Systems_Corporation_1_EndpointSources.json";
    private static final String CERNER_LANTERN = "resources/prod_resources/Cerner_Corporation_EndpointSources.json";
    private static boolean imported;

    @Inject
    DirectoryImport imports;
    @Inject
    DirectoryIndex index;

    @BeforeEach
    void importTheLists() throws IOException {
        if (imported) {
            return;
        }
        for (String[] list : new String[][] {{EPIC_BUNDLE, "epic"}, {EPIC_LANTERN, null}, {CERNER_LANTERN, null}}) {
            Path file = DirectoryCorpus.corpusFile(list[0]);
            try (InputStream in = Files.newInputStream(file)) {
                ImportReport report = imports.importList(file.getFileName().toString(), in, list[1]);
                assertNull(report.error(), report::toString);
            }
        }
        index.rebuild();
        imported = true;
    }

    private static List<String> firstThree(String by, String q) {
        List<String> names = as("alice").queryParam("by", by).queryParam("q", q).get("/api/v1/portals").then()
                .statusCode(200).extract().path("items.name");
        return names.subList(0, Math.min(3, names.size())).stream().map(Collapse::fold).toList();
    }

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(delimiter = '|', value = {
        // FHIR bases as the lists give them, with a resource path, a query, no scheme, upper case
        "Northwestern Medicine|https://nmepicproxy.nm.org/FHIR-PRD/api/FHIR/R4/metadata",
        "Denver Health|https://webservices.dhha.org/PRD-FHIR/api/FHIR/R4/",
        "Kaiser Permanente - California - Southern|https://fhir.kp.org/service/ptnt_care/EpicEdiFhirRoutingSvc/v2014/esb-envlbl/212/api/FHIR/R4/Patient",
        "Nemours|iconnect.nemours.org/fhir/api/FHIR/R4",
        "UCSF Benioff Children's Hospital|https://unified-api.ucsf.edu/clinical/apex/api/FHIR/R4/",
        "Oscar Matthews, MD|https://fhir-myrecord.cerner.com/r4/-KzIoYV6gk-ILcHOWbsH2m9KsSdDgi12/",
        "Cleveland Head & Neck|https://fhir-myrecord.cerner.com/r4/-OZ6w8MCeQFycM1MwlWQ0yaxWv8UTkHm/metadata?_format=json",
        "The University of Vermont Health Network|HTTPS://EPICPROXY.UVMHEALTH.ORG/FHIR-ARR/api/FHIR/R4/",
        "University Hospital (New Jersey)|https://epicproxy.et0434.epichosted.com/APIProxyPRD/api/FHIR/R4/",
        "Mass General Brigham|https://ws-interconnect-fhir.partners.org/Interconnect-FHIR-MU-PRD/api/FHIR/R4/",
        // portal login pages on the organisation's own domain
        "Northwestern Medicine|https://mychart.nm.org/mychart/Authentication/Login?",
        "The University of Vermont Health Network|https://mychart.uvmhealth.org/MyChart/Authentication/Login",
        "Nemours|https://mychart.nemours.org/mychart/",
        "WellStar|https://mychart.wellstar.org/MyChart/Authentication/Login?mode=stdfile&option=faq",
        "ProMedica Health System|mychart.promedica.org/MyChart/",
        "University of Kansas Health System|https://mychart.kansashealthsystem.com/mychart/Authentication/Login",
        "Reliant Medical Group|https://mychart.reliantmedicalgroup.org/mychart/",
        "Summit Health|https://mychart.bmctotalcare.com/MyChart/",
        "TidalHealth|https://mychart.peninsula.org/MyChart/",
        "Singing River Health System|https://mychart.mysrhs.com/MyChart/",
        "Mohawk Valley Health System|https://mychart.mvhealthsystem.org/MyChart/Authentication/Login",
        "Golden Valley Health Centers|https://mychart.gvhc.org/MyChart/",
        // organisations' homepages and other pages on their sites
        "University of Arkansas for Medical Sciences|https://www.uams.edu/",
        "Nemours|nemours.org",
        "South Shore Health System|https://www.southshorehealth.org/",
        "Northwestern Medicine|https://www.nm.org/locations",
        "City of Hope|https://www.coh.org/",
        "Reliant Medical Group|https://reliantmedicalgroup.org/contact-us/",
        "Mohawk Valley Health System|http://www.mvhealthsystem.org",
        "ProMedica Health System|https://www.promedica.org/find-a-doctor?zip=43604",
        "Pediatric Physicians Organization at Children's|https://www.chppoc.org/",
        "Denver Health|https://www.dhha.org/",
        "Mass General Brigham|www.partners.org",
        "WellStar|<https://www.wellstar.org/locations>",
    })
    void aPastedAddressFindsThePortalInTheFirstThree(String portal, String pasted) {
        List<String> found = firstThree("website", pasted);
        assertTrue(found.contains(Collapse.fold(portal)), () -> pasted + " gave " + found);
    }

    @Test
    void thePortalListedByTwoListsIsOneCard() {
        List<String> names = as("alice").queryParam("by", "organization").queryParam("q", "Denver Health")
                .get("/api/v1/portals").then().statusCode(200).extract().path("items.name");
        assertEquals(1, names.stream().filter(n -> Collapse.fold(n).equals(Collapse.fold("Denver Health"))).count(),
                names::toString);
    }

    @Test
    void aVendorsSharedHostAloneFindsNoPortalInParticular() {
        // 3,305 Oracle Health practices share one FHIR host: its bare address names none of them.
        as("alice").queryParam("by", "website").queryParam("q", "https://fhir-myrecord.cerner.com/")
                .get("/api/v1/portals").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aCardSaysWhoMakesThePortalsSystemAndNamesItOnce() {
        String page = as("alice").queryParam("by", "website").queryParam("q", "https://mychart.nm.org/mychart/")
                .get("/connections/new").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Uses Epic"), page);
        assertFalse(page.contains(">1 portals found<"), "one portal is 'portal'");
        String one = as("alice").queryParam("by", "website").queryParam("q", "https://mychart.wellstar.org/MyChart/")
                .get("/connections/new").then().statusCode(200).extract().asString();
        assertTrue(one.contains(">1 portal found<"), one);
        int first = page.indexOf("Northwestern Medicine");
        assertTrue(first > 0, page);
        // What the card shows (its text, not the button's label for screen readers) names the portal once.
        String card = page.substring(first, page.indexOf("</li>", first)).replaceAll("<[^>]*>", " ");
        assertEquals(-1, card.indexOf("Northwestern Medicine", "Northwestern Medicine".length()), card);
    }
}
