package health.ferry.directory;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What sort of place an organisation is. Published lists rarely say, so it is guessed from the FHIR
 * organisation type and the name's words; a wrong guess only changes a label, never a match.
 */
enum OrganisationKind implements Coded {
    HOSPITAL("hospital"),
    CLINIC("clinic"),
    OFFICE("office"),
    OTHER("other");

    private static final Set<String> HOSPITAL_WORDS = Set.of("hospital", "hospitals", "medical center",
            "health system", "healthcare system", "infirmary");
    private static final Set<String> CLINIC_WORDS = Set.of("clinic", "clinics", "health center", "urgent care",
            "community health", "center");
    private static final Set<String> OFFICE_WORDS = Set.of("md", "do", "dds", "practice", "office", "associates",
            "physicians", "family medicine", "pediatrics", "dermatology", "surgery", "pc", "pllc");
    private static final Set<String> NOT_CARE = Set.of("ins", "pay", "govt", "edu", "reli", "crs", "cg", "bus",
            "laboratory");

    private final String code;

    OrganisationKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** A guess from the FHIR organisation type code (may be null) and the name. */
    static OrganisationKind guess(String typeCode, String name) {
        if (typeCode != null && NOT_CARE.contains(typeCode)) {
            return OTHER;
        }
        String words = " " + (name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ")) + " ";
        for (var kind : List.of(HOSPITAL, CLINIC, OFFICE)) {
            Set<String> cues = kind == HOSPITAL ? HOSPITAL_WORDS : kind == CLINIC ? CLINIC_WORDS : OFFICE_WORDS;
            if (cues.stream().anyMatch(cue -> words.contains(" " + cue + " "))) {
                return kind;
            }
        }
        return OTHER;
    }

    /** Stores the code. */
    @jakarta.persistence.Converter
    static class Jpa extends Coded.Converter<OrganisationKind> {
        Jpa() {
            super(OrganisationKind.class);
        }
    }
}
