package health.ferry.review;

import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.FreeText;
import health.ferry.outcome.OutcomeException;
import health.ferry.records.AcceptedRecords;
import health.ferry.records.Shared;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.review.CoordinatorViews.Funnel;
import health.ferry.review.CoordinatorViews.Participant;
import health.ferry.uploads.SupportingDocuments;
import health.ferry.uploads.api.StudyUpload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A study at a glance for its coordinators: the funnel, connections by status, failures by code, uploads by status,
 * records shared with the study arriving per week, and the participants who need help (a connection failing for
 * over a week, or an upload
 * rejected and not sent again), whom a coordinator can send a message.
 */
@ApplicationScoped
public class StudyDashboard {
    static final Duration FAILING_FOR = Duration.ofDays(7);
    static final int WEEKS = 8;
    static final int MAX_MESSAGE = 300;

    @Inject
    CurrentAccount current;
    @Inject
    CoordinatedStudies studies;
    @Inject
    ReviewQueue desk;
    @Inject
    StudyConnections connections;
    @Inject
    SupportingDocuments uploads;
    @Inject
    AcceptedRecords records;
    @Inject
    Enrolments enrolments;
    @Inject
    Clock clock;
    @Inject
    Event<ParticipantMessaged> messaged;
    @Inject
    Event<CoordinatorAction> actions;

    /**
     * One bar: a label (a code, translated by the page), its number, and the participants behind it (never shown
     * as ids: the drill-down page names them by pseudonym).
     */
    public record Bar(String label, long value, java.util.Set<UUID> people) {
        /** For the records chart, whose labels are the Mondays its weeks start on: "7 Dec". */
        public String weekStart() {
            try {
                return java.time.LocalDate.parse(label).format(java.time.format.DateTimeFormatter.ofPattern("d MMM",
                        java.util.Locale.ENGLISH));
            } catch (java.time.format.DateTimeParseException e) {
                return label;
            }
        }

    }

    /** A chart's bars in order; the page draws it with static/charts.js from its table. */
    public record Chart(String id, List<Bar> bars) {
    }

    /**
     * Someone who needs help: why ({@code connection_failing}, {@code upload_rejected} in review or
     * {@code upload_refused} before review) and since when.
     */
    public record NeedsHelp(Participant participant, String reason, Instant since) {
    }

    /** {@code uploads}: whether the study takes Supporting Documents (else no upload chart, queue or export). */
    public record Dashboard(Study study, Funnel funnel, List<Chart> charts, List<NeedsHelp> needHelp) {
        public boolean uploads() {
            return study.supportingDocuments() != null && study.supportingDocuments().enabled();
        }

        /** The bar {@code label} of chart {@code chart}; a chart or bar this dashboard lacks is not found. */
        public Bar bar(String chart, String label) {
            return charts.stream().filter(c -> c.id().equals(chart)).flatMap(c -> c.bars().stream())
                    .filter(b -> b.label().equals(label)).findFirst().orElseThrow(OutcomeException::notFound);
        }
    }

    /** The participants behind one bar of one of the study's charts, by pseudonym. */
    public record Behind(Study study, String chart, Bar bar, List<Participant> participants) {
    }

    @Transactional
    public Dashboard of(String studyId) {
        Study study = studies.require(studyId);
        Funnel funnel = desk.funnel(study.id());
        Map<UUID, Participant> people = desk.participants(study);
        StudyConnections.Counts counts = connections.count(people.keySet());
        StudyConnections.Behind behind = connections.behind(people.keySet());
        List<StudyUpload> list = uploads.forStudy(study.id()).stream().filter(u -> people.containsKey(u.personId()))
                .toList();

        boolean takesUploads = study.supportingDocuments() != null && study.supportingDocuments().enabled();
        List<Chart> charts = new ArrayList<>();
        List<Bar> steps = new ArrayList<>(List.of(new Bar("enrolled", funnel.enrolled(), people.keySet()),
                new Bar("searched", funnel.searched(), behind.searched()), new Bar("attempted", funnel.attempted(),
                        behind.attempted()), new Bar("connected", funnel.connected(), behind.connected())));
        if (takesUploads) {
            steps.add(new Bar("uploads", funnel.uploads(), uploaders(list, null)));
            steps.add(new Bar("accepted", funnel.accepted(), uploaders(list, StudyUpload.ACCEPTED)));
        }
        charts.add(new Chart("funnel", steps));
        charts.add(new Chart("connections", bars(counts.byStatus(), behind.byStatus())));
        charts.add(new Chart("failures", bars(counts.failuresByCode(), behind.byFailure())));
        if (takesUploads) {
            charts.add(new Chart("uploads", uploads.statuses().stream().map(s -> new Bar(s,
                    list.stream().filter(u -> s.equals(u.status())).count(), uploaders(list, s))).toList()));
        }
        List<Bar> weeks = new ArrayList<>();
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY);
        Instant first = monday.minusWeeks(WEEKS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<UUID, List<Instant>> received = records.receivedSince(shared(study.id(), people.keySet()), first);
        for (int i = WEEKS - 1; i >= 0; i--) {
            Instant from = monday.minusWeeks(i).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = monday.minusWeeks(i - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            java.util.function.Predicate<Instant> inWeek = at -> !at.isBefore(from) && at.isBefore(to);
            java.util.Set<UUID> whose = new java.util.HashSet<>();
            received.forEach((person, ats) -> {
                if (ats.stream().anyMatch(inWeek)) {
                    whose.add(person);
                }
            });
            weeks.add(new Bar(monday.minusWeeks(i).toString(), received.values().stream().flatMap(List::stream)
                    .filter(inWeek).count(), whose));
        }
        charts.add(new Chart("records", weeks));

        List<NeedsHelp> help = new ArrayList<>();
        Instant weekAgo = clock.instant().minus(FAILING_FOR);
        java.util.Set<UUID> listed = new java.util.HashSet<>();
        counts.failingSince().forEach((person, since) -> {
            if (since.isBefore(weekAgo) && people.containsKey(person)) {
                listed.add(person);
                help.add(new NeedsHelp(people.get(person), "connection_failing", since.truncatedTo(
                        ChronoUnit.SECONDS)));
            }
        });
        // Locked out of the portal, or its access ended: that needs help now, not after a week.
        needNow(help, listed, people, counts.lockedOut(), "locked_out");
        needNow(help, listed, people, counts.reconnectNeeded(), "reconnect_needed");
        // Connected a week ago or more, yet the study has nothing from them: records waiting for their review,
        // or a portal that holds nothing the study asks for.
        counts.connectedSince().forEach((person, since) -> {
            Shared sharing = since.isBefore(weekAgo) && !listed.contains(person) && people.containsKey(person)
                    ? shared(study.id(), java.util.Set.of(person)).get(person) : null;
            if (sharing != null && records.countByCategory(person, sharing).isEmpty()) {
                help.add(new NeedsHelp(people.get(person), "no_data", since.truncatedTo(ChronoUnit.SECONDS)));
            }
        });
        if (takesUploads) {
            Map<UUID, StudyUpload> latest = new LinkedHashMap<>();
            list.forEach(u -> latest.put(u.personId(), u));
            // Rejected in review, or refused as a whole before review (an encrypted or malformed archive): either
            // way the participant has nothing accepted until they send something again.
            latest.values().stream().filter(u -> StudyUpload.REJECTED.equals(u.status()))
                    .forEach(u -> help.add(new NeedsHelp(people.get(u.personId()), u.inReview() ? "upload_rejected"
                            : "upload_refused", u.receivedAt().truncatedTo(ChronoUnit.SECONDS))));
        }
        return new Dashboard(study, funnel, charts, help);
    }

    /**
     * The participants behind bar {@code bar} of chart {@code chart} (for the dashboard's drill-down), ordered by
     * pseudonym; only the study's coordinators may ask, and a chart or bar the study's dashboard lacks is not found.
     */
    @Transactional
    public Behind behind(String studyId, String chart, String bar) {
        Study study = studies.require(studyId);
        Bar found = of(study.id()).bar(String.valueOf(chart), String.valueOf(bar));
        Map<UUID, Participant> people = desk.participants(study);
        return new Behind(study, chart, found, found.people().stream().filter(people::containsKey).map(people::get)
                .sorted(java.util.Comparator.comparing(Participant::pseudonym)).toList());
    }

    /** Sends a participant of the study (by pseudonym) a short message that appears in their notices. */
    @Transactional
    public void message(String studyId, String pseudonym, String text) {
        Study study = studies.require(studyId);
        String message = text == null ? "" : text.strip();
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            throw OutcomeException.invalid("message", "Write a message of at most " + MAX_MESSAGE + " characters.");
        }
        FreeText.requireText("message", message);
        UUID person = desk.participants(study).entrySet().stream()
                .filter(e -> e.getValue().pseudonym().equals(pseudonym)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> current.denied("participant", String.valueOf(pseudonym), study.id()));
        messaged.fire(new ParticipantMessaged(person, study.id(), message));
        actions.fire(new CoordinatorAction(current.actor(), "message", "notice", study.id(), person, study.id(),
                null));
    }

    /** What each active participant shares with the study, with the uploads they made for it. */
    private Map<UUID, Shared> shared(String studyId, java.util.Set<UUID> active) {
        Map<UUID, java.util.Set<UUID>> made = uploads.uploadIdsByPerson(studyId);
        Map<UUID, Shared> shared = new LinkedHashMap<>();
        enrolments.participants(studyId).stream().filter(p -> active.contains(p.personId())).forEach(p -> shared
                .put(p.personId(), p.shared().withUploads(made.getOrDefault(p.personId(), java.util.Set.of()))));
        return shared;
    }

    /** Lists each of these people (once, and only if in the study) as needing help for {@code reason}. */
    private static void needNow(List<NeedsHelp> help, java.util.Set<UUID> listed, Map<UUID, Participant> people,
            Map<UUID, Instant> since, String reason) {
        since.forEach((person, at) -> {
            if (people.containsKey(person) && listed.add(person)) {
                help.add(new NeedsHelp(people.get(person), reason, at.truncatedTo(ChronoUnit.SECONDS)));
            }
        });
    }

    private static List<Bar> bars(Map<String, Long> counts, Map<String, java.util.Set<UUID>> people) {
        return counts.entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue(), people.getOrDefault(e.getKey(),
                java.util.Set.of()))).toList();
    }

    /** The people with an upload in this status (any status for null). */
    private static java.util.Set<UUID> uploaders(List<StudyUpload> uploads, String status) {
        return uploads.stream().filter(u -> status == null || status.equals(u.status())).map(StudyUpload::personId)
                .collect(java.util.stream.Collectors.toSet());
    }
}
