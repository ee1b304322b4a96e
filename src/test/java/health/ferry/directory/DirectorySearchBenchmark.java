package health.ferry.directory;

import health.ferry.BenchResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 4: search latency over a synthetic directory of 100,000 portals (the name keeps it out of the normal
 * test run; {@code ./mvnw -Pbench verify} runs it). Builds the in-memory snapshot as the app does, then times whole
 * searches (parse, rank, page of 20) per mode. Run: see docs/benchmarks.md, section "Directory search".
 */
public final class DirectorySearchBenchmark {
    private static final int PORTALS = Integer.getInteger("portals", 100_000);
    private static final int WARMUP = 3_000;
    private static final int MEASURED = 5_000;
    private static final String[] FIRST = {"ash", "bel", "brook", "cedar", "clear", "dale", "elm", "fair", "glen",
        "green", "hill", "lake", "maple", "mill", "oak", "pine", "river", "rock", "spring", "stone", "sun", "west",
        "north", "east", "south", "wood", "ridge", "haven", "port", "field", "bright", "cole", "fox", "king"};
    private static final String[] SECOND = {"ton", "ville", "wood", "field", "ford", "dale", "view", "burg", "port",
        "crest", "mont", "side", "land", "bury", "wick", "haven", "worth", "ley", "stead", "more"};
    private static final String[] SPECIALTIES = {"Medical Center", "Hospital", "Family Medicine", "Pediatrics",
        "Health", "Clinic", "Orthopedics", "Cardiology", "Women's Health", "Urgent Care", "Dermatology",
        "Eye Institute", "Cancer Center", "Physicians Group", "Internal Medicine", "Community Health Center",
        "Behavioral Health", "Surgical Associates", "Regional Medical Center", "Children's Hospital", "Health System",
        "Primary Care", "Neurology", "Rheumatology", "Sports Medicine", "Gastroenterology", "Oncology Associates",
        "Rehabilitation Hospital"};
    private static final String[] PATRONS = {"St. Mary's", "St. Joseph", "Good Samaritan", "Mercy", "Providence",
        "Baptist", "Methodist", "Presbyterian", "Adventist", "Memorial", "University", "St. Luke's", "Sacred Heart"};
    private static final String[] GIVEN = {"Ana", "James", "Maria", "Robert", "Linda", "Michael", "Priya", "David",
        "Sarah", "Wei", "Fatima", "John", "Elena", "Omar", "Grace", "Kenji", "Laura", "Carlos", "Aisha", "Thomas",
        "Olga", "Daniel", "Mei", "Samuel", "Nora", "Ivan", "Zoe", "Rahul", "Emma", "Luis"};

    private final Random random = new Random(42);
    private final List<String> orgNames = new ArrayList<>();
    private final List<String> doctorNames = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();

    public static void main(String[] args) {
        new DirectorySearchBenchmark().run();
    }

    @Test
    void searchP95Under50ms() {
        List<String> rows = new DirectorySearchBenchmark().run();
        BenchResults.record("4-directory", rows, List.of("no baseline: an absolute target; " + MEASURED
                + " searches per mode after " + WARMUP + " warm-up searches, " + PORTALS + " portals."));
    }

    private List<String> run() {
        long start = System.nanoTime();
        IndexSource source = generate();
        long generated = System.nanoTime();
        DirectorySnapshot snapshot = DirectorySnapshot.build(source);
        long built = System.nanoTime();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Directory: %s (%d organisations, %d doctors)%n", snapshot.describe(),
                source.organisations().size(), source.doctors().size());
        System.out.printf(Locale.ROOT, "Generated in %d ms; index built in %d ms; heap used after GC %d MiB%n",
                (generated - start) / 1_000_000, (built - generated) / 1_000_000,
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        System.out.println("| mode | queries | hits (avg) | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<String> rows = new ArrayList<>();
        for (String by : List.of("organization", "doctor", "website")) {
            double[] p = measure(snapshot, by, switch (by) {
                case "organization" -> this::organisationQuery;
                case "doctor" -> this::doctorQuery;
                default -> this::websiteQuery;
            });
            rows.add(String.format(Locale.ROOT, "| 4 | Directory search by %s, %d portals | p95 %.2f ms (p50 %.2f, "
                    + "p99 %.2f, max %.2f) | — | — | p95 < 50 ms | %s |", by, PORTALS, p[1], p[0], p[2], p[3],
                    p[1] < 50 ? "yes" : "**no**"));
        }
        return rows;
    }

    private double[] measure(DirectorySnapshot snapshot, String by, Supplier<String> queries) {
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += search(snapshot, by, queries.get()).total();
        }
        long[] nanos = new long[MEASURED];
        long hits = 0;
        for (int i = 0; i < MEASURED; i++) {
            String q = queries.get();
            long t0 = System.nanoTime();
            PortalDirectory.PortalPage page = search(snapshot, by, q);
            nanos[i] = System.nanoTime() - t0;
            hits += page.total();
            sink += page.items().size();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", by, MEASURED,
                hits / (double) MEASURED, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[MEASURED - 1] / 1e6);
        if (sink == 42) {
            System.out.println();
        }
        return new double[] {ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[MEASURED - 1] / 1e6};
    }

    private static PortalDirectory.PortalPage search(DirectorySnapshot snapshot, String by, String q) {
        try {
            return PortalDirectory.page(snapshot, SearchRequest.of(by, q, 0, 20, CONFIG));
        } catch (RuntimeException invalid) {
            return new PortalDirectory.PortalPage(List.of(), 0);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    // ---- the synthetic directory

    private IndexSource generate() {
        List<IndexSource.PortalRow> portals = new ArrayList<>(PORTALS);
        List<IndexSource.WebsiteRow> websites = new ArrayList<>();
        List<IndexSource.Link> links = new ArrayList<>();
        List<IndexSource.Named> organisations = new ArrayList<>();
        List<IndexSource.Named> aliases = new ArrayList<>();
        List<IndexSource.Named> doctors = new ArrayList<>();
        for (int p = 0; p < PORTALS; p++) {
            UUID portalId = new UUID(1, p);
            int orgCount = 1 + random.nextInt(3);
            String portalName = null;
            for (int o = 0; o < orgCount; o++) {
                UUID orgId = new UUID(2, (long) p * 4 + o);
                String name = organisationName();
                portalName = portalName == null ? name : portalName;
                organisations.add(new IndexSource.Named(orgId, name));
                orgNames.add(name);
                links.add(new IndexSource.Link(portalId, orgId));
                if (random.nextInt(10) == 0) {
                    aliases.add(new IndexSource.Named(orgId, town() + " " + pick(SPECIALTIES)));
                }
                for (int d = random.nextInt(3) == 0 ? random.nextInt(4) : 0; d > 0; d--) {
                    String doctor = "Dr. " + pick(GIVEN) + " " + surname();
                    doctors.add(new IndexSource.Named(orgId, doctor));
                    doctorNames.add(doctor);
                }
            }
            portals.add(new IndexSource.PortalRow(portalId, portalName, SupportStatus.SUPPORTED,
                    random.nextBoolean() ? ConnectionMethod.SMART : ConnectionMethod.CREDENTIALS));
            WebsiteAddress site = WebsiteAddress.parse(website(portalName, p)).address();
            websites.add(new IndexSource.WebsiteRow(portalId, site.url(), site.host(), site.path()));
            hosts.add(site.url());
        }
        return new IndexSource(portals, websites, links, organisations, aliases, doctors);
    }

    private String organisationName() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(PATRONS) + " " + pick(SPECIALTIES) + " of " + town();
            case 1 -> town() + " " + pick(PATRONS) + " " + pick(SPECIALTIES);
            case 2 -> surname() + " " + pick(SPECIALTIES);
            default -> town() + " " + pick(SPECIALTIES);
        };
    }

    private String website(String name, int p) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "").substring(0, Math.min(12,
                name.replaceAll("[^A-Za-z]+", "").length())) + p;
        return switch (random.nextInt(6)) {
            case 0 -> "https://" + p + ".portal.athenahealth.com";
            case 1 -> "https://mycw" + (p % 200) + ".eclinicalweb.com/portal" + p;
            case 2 -> "https://" + slug + ".com/patient-portal";
            default -> "https://mychart." + slug + ".org/MyChart";
        };
    }

    private String organisationQuery() {
        String name = orgNames.get(random.nextInt(orgNames.size()));
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        return switch (random.nextInt(5)) {
            case 0 -> name;
            case 1 -> {
                Collections.shuffle(words, random);
                yield String.join(" ", words).toLowerCase(Locale.ROOT);
            }
            case 2 -> typo(name);
            case 3 -> words.size() > 2 ? words.get(0) + " " + words.get(1) + " " + words.get(2).substring(0,
                    Math.min(3, words.get(2).length())) : words.get(0);
            default -> random.nextInt(3) == 0 ? "zzqx unknownword" : words.get(random.nextInt(words.size()));
        };
    }

    private String doctorQuery() {
        String name = doctorNames.get(random.nextInt(doctorNames.size()));
        String[] w = name.split(" ");
        return switch (random.nextInt(3)) {
            case 0 -> name;
            case 1 -> w[2] + " " + w[1];
            default -> typo(w[1] + " " + w[2]);
        };
    }

    private String websiteQuery() {
        String url = hosts.get(random.nextInt(hosts.size()));
        String bare = url.replaceFirst("^https://", "");
        return switch (random.nextInt(5)) {
            case 0 -> url + "/Authentication/Login?mode=stdfile#top";
            case 1 -> "  www." + bare.toUpperCase(Locale.ROOT) + "/ ";
            case 2 -> "http://" + bare + ":443";
            case 3 -> "portal." + bare.replaceFirst("^mychart\\.", "").replaceFirst("/.*", "");
            default -> bare;
        };
    }

    private String typo(String text) {
        char[] c = text.toCharArray();
        int i = 1 + random.nextInt(Math.max(1, c.length - 3));
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    private String town() {
        String t = pick(FIRST) + pick(SECOND);
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private String surname() {
        String s = pick(SECOND) + pick(FIRST) + pick(SECOND);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static final DirectoryConfig CONFIG = new DirectoryConfig() {
        @Override
        public Optional<Path> importDir() {
            return Optional.empty();
        }

        @Override
        public Optional<String> importVendor() {
            return Optional.empty();
        }

        @Override
        public int defaultPageSize() {
            return 20;
        }

        @Override
        public int maxPageSize() {
            return 50;
        }

        @Override
        public String indexCheckEvery() {
            return "off";
        }

        @Override
        public int maxRequestsPerDay() {
            return 5;
        }
    };
}
