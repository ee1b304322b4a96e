package health.ferry.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameIndexTest {
    /** Portal ordinals are name order, as in the snapshot. */
    private static final List<String> NAMES = List.of(
            "Bronson Healthcare Group",
            "Cleveland Head & Neck",
            "Family Health Center (Michigan)",
            "Kaiser Permanente – Georgia",
            "Kaiser Permanente – Oregon – SW Washington",
            "Kalamazoo College Student Health Center",
            "Kalamazoo Foot Surgery",
            "Sandbox General Hospital",
            "Sandbox Health System",
            "St. Mary's Medical Centre",
            "UCSF Benioff Children's Hospital",
            "UCSF Health");

    private final NameIndex index = build();

    private static NameIndex build() {
        NameIndex.Builder b = new NameIndex.Builder(NAMES.size());
        for (int i = 0; i < NAMES.size(); i++) {
            b.add(NAMES.get(i), i);
        }
        return b.build();
    }

    private List<String> search(String q) {
        RankedPortals r = index.search(q);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            names.add(NAMES.get(r.ordinal(i)));
        }
        return names;
    }

    private String top(String q) {
        List<String> hits = search(q);
        return hits.isEmpty() ? null : hits.get(0);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Sandbox General Hospital|Sandbox General Hospital",
        "sandbox general|Sandbox General Hospital",
        "general sandbox|Sandbox General Hospital",
        "hospital general sandbox|Sandbox General Hospital",
        "Sandbx Generl Hospitl|Sandbox General Hospital",
        "sandbox genral|Sandbox General Hospital",
        "SANDBOX   general!!|Sandbox General Hospital",
        "kaiser georgia|Kaiser Permanente – Georgia",
        "permanente oregon|Kaiser Permanente – Oregon – SW Washington",
        "kaiser permanete oregn|Kaiser Permanente – Oregon – SW Washington",
        "Saint Marys Medical Center|St. Mary's Medical Centre",
        "st mary's|St. Mary's Medical Centre",
        "childrens hospital ucsf|UCSF Benioff Children's Hospital",
        "benioff|UCSF Benioff Children's Hospital",
        "ucsf heatlh|UCSF Health",
        "kalamazoo foot|Kalamazoo Foot Surgery",
        "kalam|Kalamazoo Foot Surgery",
        "foot surgery kalamazo|Kalamazoo Foot Surgery",
        "cleveland head and neck|Cleveland Head & Neck",
        "bronson|Bronson Healthcare Group",
        "Brosnon|Bronson Healthcare Group",
    })
    void findsDespiteTyposAndWordOrder(String query, String expected) {
        assertEquals(expected, top(query), () -> query + " -> " + search(query));
    }

    @Test
    void rarerWordsDecide() {
        List<String> hits = search("sandbox health");
        assertEquals("Sandbox Health System", hits.get(0));
        assertTrue(hits.contains("Sandbox General Hospital"), hits::toString);
    }

    @Test
    void equalScoresFallInNameOrder() {
        List<String> hits = search("kaiser permanente");
        assertEquals(List.of("Kaiser Permanente – Georgia", "Kaiser Permanente – Oregon – SW Washington"),
                hits.subList(0, 2));
    }

    @Test
    void unrelatedOrEmptyQueriesFindNothing() {
        assertTrue(search("zebra").isEmpty());
        assertTrue(search("").isEmpty());
        assertTrue(search("   ").isEmpty());
        assertTrue(search(null).isEmpty());
        assertTrue(search("%%%").isEmpty());
        assertTrue(search("x".repeat(10_000)).isEmpty());
    }

    @Test
    void aWordThatMatchesNothingWeighsAgainst() {
        // "zebra" is unknown: Kalamazoo still shows, but "kalamazoo foot" scores higher than "kalamazoo zebra".
        float withUnknown = index.search("kalamazoo zebra").size() == 0 ? 0 : index.search("kalamazoo zebra").score(0);
        float known = index.search("kalamazoo foot").score(0);
        assertTrue(withUnknown < known, withUnknown + " < " + known);
    }

    @Test
    void doctorTitlesAreNoise() {
        NameIndex doctors = new NameIndex.Builder(2).add("Dr. Ana Rivera", 0).add("Dr. Ann Rivers, MD", 1).build();
        assertEquals(0, doctors.search("rivera ana").ordinal(0));
        assertEquals(0, doctors.search("Ana Riviera").ordinal(0));
        assertEquals(0, doctors.search("doctor ana rivera md").ordinal(0));
        assertEquals(1, doctors.search("ann rivers").ordinal(0));
    }

    @Test
    void tokensAndKeys() {
        assertEquals(List.of("st", "marys", "medical", "center"), NameTokens.tokens("St. Mary’s Medical Centre"));
        assertEquals("st marys medical center", NameTokens.key("Saint Mary's Medical Center, Inc."));
        assertEquals(List.of("the"), NameTokens.tokens("The"));
        assertEquals(List.of("jose", "muller"), NameTokens.tokens("José Müller"));
    }

    @Test
    void distanceCountsSwapsAsOneEdit() {
        assertEquals(1, NameTokens.distance("hosptial", "hospital", 2));
        assertEquals(1, NameTokens.distance("genral", "general", 2));
        assertEquals(1, NameTokens.distance("permanete", "permanente", 2));
        assertEquals(3, NameTokens.distance("abc", "xyzabc", 2));
    }
}
