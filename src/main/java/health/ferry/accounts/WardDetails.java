package health.ferry.accounts;

import java.time.LocalDate;

/** Validated details of a child or ward, as the owner entered them. */
record WardDetails(String displayName, LocalDate birthDate, Relationship relationship) {
}
