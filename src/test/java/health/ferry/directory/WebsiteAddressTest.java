package health.ferry.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsiteAddressTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "https://mychart.sandbox-general.example",
        "mychart.sandbox-general.example",
        "https://mychart.sandbox-general.example/",
        "http://mychart.sandbox-general.example",
        "HTTPS://MyChart.Sandbox-General.EXAMPLE",
        "www.mychart.sandbox-general.example",
        "https://www.mychart.sandbox-general.example/",
        "  https://mychart.sandbox-general.example  ",
        "\thttps://mychart.sandbox-general.example\n",
        "\u00A0mychart.sandbox-general.example\u200B",
        "https://mychart.sandbox-general.example:443",
        "http://mychart.sandbox-general.example:8080/",
        "https://patient:secret@mychart.sandbox-general.example/",
        "https://mychart.sandbox-general.example.",
        "<https://mychart.sandbox-general.example>",
        "\"mychart.sandbox-general.example\"",
        "(mychart.sandbox-general.example).",
        "mychart.sandbox-general.example,",
        "//mychart.sandbox-general.example",
        "https:/mychart.sandbox-general.example",
        "https:///mychart.sandbox-general.example",
        "https//mychart.sandbox-general.example",
        "https://mychart.sandbox-general.example?next=/home",
        "https://mychart.sandbox-general.example#/login",
        "Sign in at https://mychart.sandbox-general.example today",
        "WWW2.MYCHART.SANDBOX-GENERAL.EXAMPLE",
    })
    void everyPasteFormReachesTheSameHost(String pasted) {
        WebsiteAddress.Parsed parsed = WebsiteAddress.parse(pasted);
        assertTrue(parsed.ok(), () -> pasted + " -> " + parsed.problem());
        assertEquals("mychart.sandbox-general.example", parsed.address().host());
        assertEquals("", parsed.address().path());
        assertEquals("sandbox-general.example", parsed.address().registrableDomain());
    }

    @Test
    void fullLoginUrlKeepsThePathWithoutQueryOrFragment() {
        WebsiteAddress a = WebsiteAddress.parse(
                "https://MyChart.Example.org/MyChart/Authentication/Login?mode=stdfile&option=x#top").address();
        assertEquals("mychart.example.org", a.host());
        assertEquals("/mychart/authentication/login", a.path());
        assertEquals("https://mychart.example.org/MyChart/Authentication/Login", a.url());
        assertEquals("mychart.example.org/mychart/authentication/login", a.key());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}{2}")
    @CsvSource(delimiter = '|', value = {
        "https://example.org//portal//login/|example.org|/portal/login",
        "https://example.org/portal;jsessionid=ABC123/|example.org|/portal",
        "https://example.org\\portal\\login|example.org|/portal/login",
        "https://example.org/./portal/|example.org|/portal",
        "example.org/Portal/?x=1|example.org|/portal",
    })
    void pathsAreTidied(String pasted, String host, String path) {
        WebsiteAddress a = WebsiteAddress.parse(pasted).address();
        assertEquals(host, a.host());
        assertEquals(path, a.path());
    }

    @Test
    void displayUrlKeepsSchemeWwwAndUnusualPort() {
        assertEquals("http://www.example.org:8080/a", WebsiteAddress.parse("HTTP://WWW.Example.org:8080/a/").address()
                .url());
        assertEquals("https://example.org", WebsiteAddress.parse("example.org:443").address().url());
        assertEquals("https://www.example.org", WebsiteAddress.parse("www.example.org").address().url());
        assertEquals("example.org", WebsiteAddress.parse("www.example.org").address().host());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"https://bücher.example/", "bücher.example", "BÜCHER.EXAMPLE", "xn--bcher-kva.example",
        "https://XN--BCHER-KVA.EXAMPLE/", "www.bücher.example"})
    void internationalNamesBecomePunycode(String pasted) {
        assertEquals("xn--bcher-kva.example", WebsiteAddress.parse(pasted).address().host());
    }

    @Test
    void fullWidthDotsAreDots() {
        assertEquals("mychart.example.org", WebsiteAddress.parse("mychart。example。org").address().host());
    }

    @Test
    void wwwAloneIsKeptWhenItIsTheWholeName() {
        assertEquals("www.org", WebsiteAddress.parse("www.org").address().host());
    }

    @Test
    void ipv4AddressesAreHostsWithoutADomain() {
        WebsiteAddress a = WebsiteAddress.parse("http://192.168.10.5:8080/portal").address();
        assertEquals("192.168.10.5", a.host());
        assertNull(a.registrableDomain());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u200B", "not a url", "mychart", "http://", "https://", "https://-bad-.com",
        "a..b.com", ".example.org", "example.123", "javascript:alert(1)", "mailto:help@example.org",
        "ftp://example.org", "file:///etc/passwd", "data:text/html,hi", "http://[::1]/", "example.org:abc",
        "example.org:123456", "%%%", "https://exa mple", "<>", "\"\"", "...", "@", "http://@/", "😀",
        "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        "xn--.com", "under_score.example.org"})
    void garbageIsAProblemNotAnException(String pasted) {
        WebsiteAddress.Parsed parsed = WebsiteAddress.parse(pasted);
        assertFalse(parsed.ok(), () -> pasted + " was accepted as " + parsed.address());
        assertNotNull(parsed.problem());
        assertTrue(parsed.problem().contains("mychart.example.org"), parsed.problem());
    }

    @Test
    void hugeInputIsRefusedQuickly() {
        WebsiteAddress.Parsed parsed = WebsiteAddress.parse("https://example.org/" + "x".repeat(100_000));
        assertFalse(parsed.ok());
        assertTrue(parsed.problem().startsWith("That address is too long"));
    }

    @Test
    void longPathsAreCut() {
        WebsiteAddress a = WebsiteAddress.parse("https://example.org/" + "p".repeat(1500)).address();
        assertEquals(WebsiteAddress.MAX_PATH, a.path().length());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "mychart.example.org,example.org",
        "example.org,example.org",
        "a.b.c.example.health,example.health",
        "www.bbc.co.uk,bbc.co.uk",
        "portal.leedsth.nhs.uk,leedsth.nhs.uk",
        "mychart.example.com.au,example.com.au",
        "clinic.example.co.nz,example.co.nz",
        "co.uk,null",
        "uk,null",
        "myclinic.github.io,myclinic.github.io",
        "portal.town.ma.us,town.ma.us",
        "12345.portal.athenahealth.com,12345.portal.athenahealth.com",
        "portal.athenahealth.com,null",
        "smithclinic.followmyhealth.com,smithclinic.followmyhealth.com",
        "10.0.0.1,null",
        "epicproxy.et0434.epichosted.com,et0434.epichosted.com",
        "epichosted.com,null",
        "haiku.wacofhc.org,wacofhc.org",
        "fhir-myrecord.cerner.com,cerner.com",
        "mychart.clinic.example,clinic.example",
        "myclinic.herokuapp.com,myclinic.herokuapp.com",
        "localhost,null",
    })
    void registrableDomains(String host, String expected) {
        assertEquals(expected, PublicSuffixes.registrableDomain(host));
    }
}
