package health.ferry.records;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which categories a person imports (all by default) and whether they want email notices. */
@ApplicationScoped
public class RecordSettings implements PanacheRepositoryBase<SettingsRow, UUID> {
    @Inject
    Clock clock;

    /** The person's settings; defaults when never saved. Callers have checked ownership. */
    @Transactional
    public SettingsView view(UUID personId) {
        SettingsRow row = findByIdOptional(personId).orElseGet(() -> new SettingsRow(personId));
        Set<RecordCategory> off = row.disabled();
        Map<String, Boolean> categories = new LinkedHashMap<>();
        for (RecordCategory c : RecordCategory.values()) {
            categories.put(c.code(), !off.contains(c));
        }
        return new SettingsView(categories, row.emailNotifications);
    }

    /** Whether records of this category are imported for the person. */
    @Transactional
    public boolean allows(UUID personId, RecordCategory category) {
        return !disabled(personId).contains(category);
    }

    /** The categories the person does not import ({@link RecordCategory#OFF_BY_DEFAULT} until they choose). */
    @Transactional
    public Set<RecordCategory> disabled(UUID personId) {
        return findByIdOptional(personId).map(SettingsRow::disabled).orElse(RecordCategory.OFF_BY_DEFAULT);
    }

    /**
     * When the person last switched a category back on, if ever: a sync of a connection that last succeeded before
     * then reads everything again, since an incremental read would never bring that category's older records.
     */
    @Transactional
    public Optional<Instant> categoriesEnabledAt(UUID personId) {
        return findByIdOptional(personId).map(r -> r.categoriesEnabledAt);
    }

    /** Saves settings: categories left out keep their value; unknown category codes are a validation failure. */
    @Transactional
    public SettingsView update(UUID personId, SettingsView change) {
        SettingsRow row = findByIdOptional(personId).orElseGet(() -> {
            SettingsRow r = new SettingsRow(personId);
            persist(r);
            return r;
        });
        Set<RecordCategory> off = row.disabled().isEmpty() ? EnumSet.noneOf(RecordCategory.class)
                : EnumSet.copyOf(row.disabled());
        if (change.categories() != null) {
            change.categories().forEach((code, on) -> {
                RecordCategory c = RecordCategory.fromCode(code).orElseThrow(
                        () -> health.ferry.outcome.OutcomeException.invalid("categories", "unknown category " + code));
                if (Boolean.FALSE.equals(on)) {
                    off.add(c);
                } else {
                    off.remove(c);
                }
            });
        }
        row.change(off, change.emailNotifications() == null ? row.emailNotifications : change.emailNotifications(),
                clock.instant());
        return view(personId);
    }
}
