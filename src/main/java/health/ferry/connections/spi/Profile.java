package health.ferry.connections.spi;

import java.time.LocalDate;

/** One person's profile inside a family (multi-profile) portal account. */
public record Profile(String id, String name, LocalDate birthDate) {
}
