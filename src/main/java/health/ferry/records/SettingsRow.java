package health.ferry.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person's import settings: the categories switched off (stored as codes) and email notices. */
@Entity
@Table(name = "record_settings")
class SettingsRow {
    @Id
    @Column(name = "person_id")
    UUID personId;
    @Column(name = "disabled_categories", nullable = false)
    String disabledCategories;
    @Column(name = "email_notifications", nullable = false)
    boolean emailNotifications;
    /** When a category was last switched back on (null: never). */
    @Column(name = "categories_enabled_at")
    Instant categoriesEnabledAt;

    protected SettingsRow() {
    }

    SettingsRow(UUID personId) {
        this.personId = personId;
        this.disabledCategories = RecordCategory.OFF_BY_DEFAULT.stream().map(RecordCategory::code).sorted()
                .collect(Collectors.joining(","));
        this.emailNotifications = true;
    }

    Set<RecordCategory> disabled() {
        Set<RecordCategory> off = EnumSet.noneOf(RecordCategory.class);
        Arrays.stream(disabledCategories.split(",")).map(RecordCategory::fromCode)
                .forEach(c -> c.ifPresent(off::add));
        return off;
    }

    void change(Set<RecordCategory> off, boolean email, Instant now) {
        if (!off.containsAll(disabled())) {
            this.categoriesEnabledAt = now;
        }
        this.disabledCategories = off.stream().map(RecordCategory::code).sorted().collect(Collectors.joining(","));
        this.emailNotifications = email;
    }
}
