package health.ferry.sandbox;

import health.ferry.sandbox.SandboxAccounts.Profile;
import health.ferry.sandbox.Vocabulary.Allergy;
import health.ferry.sandbox.Vocabulary.Code;
import health.ferry.sandbox.Vocabulary.Episode;
import health.ferry.sandbox.Vocabulary.Story;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;

/**
 * Writes a synthetic patient's five years of care from a Random seeded by the patient id, so every run gives the
 * same records: yearly check-ups with vital signs, labs and notes, short illnesses, long-term conditions with their
 * medicines and care plans, allergies, vaccines and procedures. A child gets a child's history.
 */
final class RecordGenerator {
    private final Chart chart;
    private final ChartEntries entries;
    private final ChartResults results;
    private final Random random;
    private final boolean child;
    private final Map<Story, Condition> problems = new LinkedHashMap<>();
    /** Check-ups and other visits a plan pays for, and the care plans' goals: written last (insurance, goals). */
    private final List<Encounter> billed = new ArrayList<>();
    private final List<Object[]> goals = new ArrayList<>();

    private RecordGenerator(Profile profile, String fhirBase) {
        this.random = new Random(profile.id().hashCode() * 7919L);
        this.chart = new Chart(profile, random);
        this.entries = new ChartEntries(chart);
        this.results = new ChartResults(chart, fhirBase);
        this.child = Period.between(profile.birthDate(), Chart.FIRST_DAY).getYears() < 18;
    }

    static PatientRecords generate(Profile profile, String fhirBase) {
        RecordGenerator generator = new RecordGenerator(profile, fhirBase);
        if (profile.hasRecords()) {
            generator.write();
        }
        return generator.chart.records(ChartEntries.patient(profile, 100_000 + generator.random.nextInt(900_000)));
    }

    private void write() {
        List<Story> stories = chooseStories();
        for (int year = Chart.FIRST_DAY.getYear(); year <= Chart.LAST_DAY.getYear(); year++) {
            checkUp(year, stories);
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                illness(day(year, 1 + random.nextInt(11)));
            }
            if (!child && problems.keySet().stream().anyMatch(s -> !s.monitoring().isEmpty() || !s.child())) {
                followUp(day(year, 8 + random.nextInt(3)));
            }
            vaccines(year);
        }
        // Written after the rest so the chart's other records are the same as before these were added.
        goals.forEach(g -> entries.goal((String) g[0], (Condition) g[1], (Instant) g[2]));
        var coverage = entries.coverage(Chart.FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC));
        for (Encounter visit : billed) {
            int billedCents = 12_000 + (visit.getIdPart().hashCode() & 0x3fff);
            entries.claim(visit, coverage, billedCents, billedCents * 4 / 5);
        }
    }

    private List<Story> chooseStories() {
        List<Story> pool = new ArrayList<>(Vocabulary.STORIES.subList(1, Vocabulary.STORIES.size()));
        pool.removeIf(s -> child && !s.child());
        Collections.shuffle(pool, random);
        List<Story> chosen = new ArrayList<>(List.of(Vocabulary.STORIES.get(0)));
        chosen.addAll(pool.subList(0, child ? 1 : 2));
        return chosen;
    }

    private void firstYear(List<Story> stories, Encounter checkUp) {
        Instant visit = start(checkUp);
        for (Story story : stories) {
            Instant onset = visit.minus(Duration.ofDays(200 + random.nextInt(1500)));
            Condition problem = entries.condition(story.condition(), true, onset, null, checkUp);
            problems.put(story, problem);
            if (story.carePlan() != null) {
                entries.carePlan(story.carePlan(), story.activities(), problem, visit);
                goals.add(new Object[] {"Keep " + story.condition().display().toLowerCase(java.util.Locale.ROOT)
                        + " under control", problem, visit});
            }
        }
        List<Allergy> allergies = new ArrayList<>(Vocabulary.ALLERGIES);
        Collections.shuffle(allergies, random);
        allergies.stream().limit(1 + random.nextInt(2)).forEach(a -> entries.allergy(a, visit));
        Vocabulary.SELF_REPORTED.stream().skip(random.nextInt(2)).limit(2)
                .forEach(m -> entries.selfReported(m, visit.minus(Duration.ofDays(90)), visit, random.nextBoolean()));
        if (problems.keySet().stream().anyMatch(s -> s.condition().code().equals("195967001"))) {
            entries.procedure(Vocabulary.SPIROMETRY, checkUp);
        }
    }

    private void checkUp(int year, List<Story> stories) {
        Instant at = day(year, 1 + random.nextInt(5));
        Encounter visit = entries.visit(child ? Vocabulary.WELL_CHILD : Vocabulary.CHECK_UP, false, at,
                Duration.ofMinutes(30));
        billed.add(visit);
        vitalSigns(visit, year, false);
        results.panel(Vocabulary.BLOOD_COUNT, visit);
        if (!child) {
            results.panel(Vocabulary.BASIC_METABOLIC, visit);
            results.panel(Vocabulary.LIPIDS, visit);
            results.panel(Vocabulary.A1C, visit);
            entries.procedure(Vocabulary.MEDICATION_RECONCILIATION, visit);
            entries.procedure(Vocabulary.DEPRESSION_SCREENING, visit);
        }
        if (year == Chart.FIRST_DAY.getYear()) {
            firstYear(stories, visit);
        }
        boolean latest = year == Chart.LAST_DAY.getYear();
        problems.forEach((story, problem) -> story.medicines()
                .forEach(m -> entries.prescription(m, latest, visit, problem)));
        results.note(Vocabulary.PROGRESS_NOTE, visit, NoteText.checkUp(chart.profile(), visit, stories));
    }

    private void illness(Instant at) {
        List<Episode> possible = Vocabulary.EPISODES.stream()
                .filter(e -> child || !e.condition().code().equals("65363002")).toList();
        Episode episode = possible.get(random.nextInt(possible.size()));
        Encounter visit = entries.visit(Vocabulary.SYMPTOM_VISIT, false, at, Duration.ofMinutes(20));
        vitalSigns(visit, LocalDate.ofInstant(at, ZoneOffset.UTC).getYear(), true);
        Condition condition = entries.condition(episode.condition(), false, at.minus(Duration.ofDays(2)),
                at.plus(Duration.ofDays(7 + random.nextInt(10))), visit);
        if (episode.medicine() != null) {
            entries.prescription(episode.medicine(), false, visit, condition);
        }
        if (episode.condition().code().equals("43878008")) {
            entries.procedure(Vocabulary.THROAT_CULTURE, visit);
        }
        results.note(Vocabulary.PROGRESS_NOTE, visit, NoteText.illness(chart.profile(), visit, episode.condition()));
    }

    private void followUp(Instant at) {
        Encounter visit = entries.visit(Vocabulary.FOLLOW_UP, false, at, Duration.ofMinutes(15));
        results.bloodPressure(systolic(), diastolic(), visit);
        results.measured(Vocabulary.HEART_RATE, false, visit);
        if (problems.keySet().stream().anyMatch(s -> s.monitoring().contains(Vocabulary.HBA1C))) {
            results.panel(Vocabulary.A1C, visit);
        }
        results.note(Vocabulary.SUMMARY_NOTE, visit, NoteText.followUp(chart.profile(), visit, problems.keySet()));
    }

    private void vaccines(int year) {
        entries.vaccine(Vocabulary.FLU_VACCINE, day(year, 10));
        int age = year - chart.profile().birthDate().getYear();
        if (!child && year == 2021) {
            entries.vaccine(Vocabulary.COVID_VACCINE, day(year, 4));
            entries.vaccine(Vocabulary.COVID_VACCINE, day(year, 5));
        }
        if ((!child && year == 2023) || age == 11) {
            entries.vaccine(Vocabulary.TDAP, day(year, 6));
        }
        if (age == 11) {
            List<Code> teen = List.of(Vocabulary.HPV, Vocabulary.MENINGOCOCCAL);
            teen.forEach(v -> entries.vaccine(v, day(year, 6)));
        }
    }

    private void vitalSigns(Encounter visit, int year, boolean unwell) {
        int age = Math.max(1, year - chart.profile().birthDate().getYear());
        double height = child ? 80 + 6.2 * age : 158 + (chart.profile().id().length() % 5) * 5.5;
        double weight = child ? 10 + 2.6 * age + random.nextDouble() * 2 : 62 + random.nextDouble() * 6
                + chart.profile().given().length() * 2.5;
        results.bloodPressure(systolic(), diastolic(), visit);
        results.measured(Vocabulary.HEART_RATE, false, visit);
        results.measured(Vocabulary.RESPIRATORY_RATE, false, visit);
        results.observation(Vocabulary.TEMPERATURE.code(), unwell ? 37.6 + random.nextDouble() * 1.2
                : 36.4 + random.nextDouble() * 0.8, "Cel", 1, false, visit);
        results.measured(Vocabulary.OXYGEN, false, visit);
        results.observation(Vocabulary.HEIGHT, height, "cm", 1, false, visit);
        results.observation(Vocabulary.WEIGHT, weight, "kg", 1, false, visit);
        results.observation(Vocabulary.BMI, weight / Math.pow(height / 100, 2), "kg/m2", 1, false, visit);
    }

    private int systolic() {
        boolean high = problems.keySet().stream().anyMatch(s -> s.condition().code().equals("59621000"));
        return (child ? 98 : high ? 128 : 110) + random.nextInt(16);
    }

    private int diastolic() {
        return (child ? 60 : 70) + random.nextInt(14);
    }

    /** A weekday morning in the given month of the year. */
    private Instant day(int year, int month) {
        LocalDate date = LocalDate.of(year, month, 1 + random.nextInt(27));
        while (date.getDayOfWeek().getValue() > 5) {
            date = date.plusDays(1);
        }
        return date.atTime(8 + random.nextInt(9), random.nextInt(4) * 15).toInstant(ZoneOffset.UTC);
    }

    private static Instant start(Encounter visit) {
        return visit.getPeriod().getStart().toInstant();
    }
}
