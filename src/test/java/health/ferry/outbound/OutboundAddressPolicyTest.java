package health.ferry.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.outbound.AddressRules.Refusal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 22, item 4: the one outbound-address rule. Every form of an internal address is refused (IPv4, IPv6, IPv4
 * inside IPv6, decimal, octal and hex literals, 0.0.0.0, [::1], metadata services, internal names), public
 * addresses pass, and only the hosts the allowance names are exempt. No DNS is needed for any case here.
 */
class OutboundAddressPolicyTest {
    private static final OutboundPolicy PROD = OutboundPolicy.allowing();

    private static Optional<Refusal> classify(String literal) throws UnknownHostException {
        return AddressRules.refusal(InetAddress.getByName(literal)); // literals only: parsed, never looked up
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
        "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE",
        "192.168.0.1, PRIVATE", "100.64.0.1, SHARED", "100.127.255.254, SHARED", "169.254.0.1, LINK_LOCAL",
        "169.254.169.254, METADATA", "169.254.170.2, METADATA", "100.100.100.200, METADATA", "192.0.0.192, METADATA",
        "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "255.255.255.255, BROADCAST", "240.0.0.1, RESERVED",
        "192.0.2.1, RESERVED", "198.51.100.7, RESERVED", "203.0.113.9, RESERVED", "198.18.0.1, RESERVED",
        "192.0.0.8, RESERVED",
    })
    void ipv4RangesAreRefused(String address, Refusal expected) throws UnknownHostException {
        assertEquals(Optional.of(expected), classify(address));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "::1, LOOPBACK", "::, UNSPECIFIED", "fe80::1, LINK_LOCAL", "febf:ffff::1, LINK_LOCAL", "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE", "fec0::1, PRIVATE", "ff02::1, MULTICAST", "ff0e::1, MULTICAST",
        "fd00:ec2::254, METADATA", "2001:db8::1, RESERVED", "2001:0:4136:e378::1, RESERVED", "100::1, RESERVED",
        "::ffff:127.0.0.1, LOOPBACK", "::ffff:7f00:1, LOOPBACK", "::ffff:169.254.169.254, METADATA",
        "::ffff:10.1.2.3, PRIVATE", "::127.0.0.1, LOOPBACK", "::8.8.8.8, RESERVED", "64:ff9b::7f00:1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, METADATA", "64:ff9b:1::1, PRIVATE", "2002:7f00:1::1, LOOPBACK",
        "2002:c0a8:101::1, PRIVATE", "2002:808:808::1, RESERVED",
    })
    void ipv6RangesAndIpv4InsideIpv6AreRefused(String address, Refusal expected) throws UnknownHostException {
        assertEquals(Optional.of(expected), classify(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
        "100.128.0.1", "11.0.0.1", "192.169.0.1", "169.255.0.1", "223.255.255.255", "2606:4700:4700::1111",
        "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertEquals(Optional.empty(), classify(address));
    }

    @ParameterizedTest(name = "{0} denotes {1}")
    @CsvSource({
        "2130706433, 127.0.0.1", "0x7f000001, 127.0.0.1", "017700000001, 127.0.0.1", "0177.0.0.1, 127.0.0.1",
        "0x7f.0.0.1, 127.0.0.1", "127.1, 127.0.0.1", "127.0.1, 127.0.0.1", "0x7f.1, 127.0.0.1",
        "2852039166, 169.254.169.254", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254", "0251.0376.0251.0376, 169.254.169.254",
        "0, 0.0.0.0", "0x0, 0.0.0.0", "167772161, 10.0.0.1", "127.0.0.1., 127.0.0.1",
    })
    void numericLiteralsAreReadAsResolversReadThem(String host, String address) throws UnknownHostException {
        AddressRules.Literal literal = AddressRules.literal(host).orElseThrow();
        assertEquals(InetAddress.getByName(address), literal.address());
        assertTrue(AddressRules.hostRefusal(host).isPresent(), host + " is refused");
    }

    @Test
    void aPublicAddressInANonStandardFormIsRefusedAsAmbiguous() {
        assertEquals(Optional.of(Refusal.AMBIGUOUS_LITERAL), AddressRules.hostRefusal("134744072")); // 8.8.8.8
        assertEquals(Optional.of(Refusal.AMBIGUOUS_LITERAL), AddressRules.hostRefusal("010.010.010.010"));
        assertEquals(Optional.empty(), AddressRules.hostRefusal("8.8.8.8"));
        assertEquals(Optional.empty(), AddressRules.hostRefusal("[2606:4700:4700::1111]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fhir.example.org", "1.2.3.4.5", "256.1.1.1", "0x.example", "08.1.1.1",
        "999999999999999", "a.b.c.d"})
    void namesAndNonAddressesAreNotLiterals(String host) {
        assertEquals(Optional.empty(), AddressRules.literal(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "api.localhost", "metadata.google.internal", "printer.local",
        "router.home.arpa", "intranet", "metadata", "db.localdomain", "localhost."})
    void internalNamesAreRefusedWithoutDns(String host) {
        assertEquals(Optional.of(Refusal.INTERNAL_NAME), AddressRules.hostRefusal(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/fhir/", "http://169.254.169.254/latest/", "https://127.0.0.1:9443/token",
        "http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/", "http://127.1/", "http://0.0.0.0/", "http://0/",
        "http://[::1]/fhir", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]:80/",
        "http://[fd00:ec2::254]/latest/", "http://[fe80::1]/", "http://10.0.0.5/fhir", "http://192.168.1.1/",
        "http://172.20.0.2:5432/", "http://100.64.1.1/", "http://user:pw@127.0.0.1/", "http://localhost:8080/fhir",
        "http://metadata.google.internal/computeMetadata/v1/", "http://intranet/", "ftp://files.example.org/",
        "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "http:///nohost", "jar:http://example.org!/x"})
    void internalOrNonHttpTargetsAreRefusedInProduction(String url) {
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> PROD.check(URI.create(url)));
        assertNotNull(refused.refusal());
        assertTrue(refused.reason().startsWith("The address "), refused.reason());
    }

    @Test
    void theAllowanceExemptsTheNamedHostsOnly() {
        OutboundPolicy dev = OutboundPolicy.allowing("localhost");
        URI sandbox = URI.create("http://localhost:18351/sandbox/fhir/metadata");
        assertEquals(sandbox, dev.check(sandbox));
        URI upper = URI.create("http://LOCALHOST:18351/sandbox/fhir/metadata");
        assertEquals(upper, dev.check(upper));
        assertThrows(OutboundRefused.class, () -> PROD.check(sandbox), "no allowance in production");
        // The allowance names a host, not the addresses behind it: the same machine by number stays refused.
        for (String other : new String[] {"http://127.0.0.1:18351/", "http://[::1]:18351/", "http://2130706433/",
            "http://169.254.169.254/latest/", "http://api.localhost/"}) {
            OutboundRefused refused = assertThrows(OutboundRefused.class, () -> dev.check(URI.create(other)), other);
            assertNotNull(refused.refusal());
        }
    }

    @Test
    void publicLiteralsPassWithoutLookingAnythingUp() {
        URI uri = URI.create("https://93.184.216.34/fhir/r4");
        assertEquals(uri, PROD.check(uri));
        assertEquals(URI.create("https://[2606:4700:4700::1111]/r4"),
                PROD.check(URI.create("https://[2606:4700:4700::1111]/r4")));
    }

    @Test
    void listingsAreJudgedWithoutDnsAndSayWhy() {
        assertNull(PROD.listingProblem("https://fhir.lakeside-health.example/api/FHIR/R4/"));
        assertEquals("The address 127.0.0.1 is a loopback address (this machine), which Ferry does not contact.",
                PROD.listingProblem("http://127.0.0.1:8080/fhir/"));
        assertTrue(PROD.listingProblem("http://169.254.169.254/latest/").contains("cloud metadata service"));
        assertTrue(PROD.listingProblem("http://[::1]/fhir").contains("loopback"));
        assertTrue(PROD.listingProblem("http://localhost/fhir").contains("internal host name"));
        assertNotNull(PROD.listingProblem("ftp://files.example.org/fhir"));
        assertNull(OutboundPolicy.allowing("localhost").listingProblem("http://localhost:8080/sandbox/fhir"));
    }
}
