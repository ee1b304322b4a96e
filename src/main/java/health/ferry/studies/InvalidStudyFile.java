package health.ferry.studies;

/** A study file that cannot be used; the message names the file and the field. Stops start-up. */
public class InvalidStudyFile extends RuntimeException {
    public InvalidStudyFile(String file, String field, String problem) {
        super("Study file " + file + (field == null ? "" : ": field '" + field + "'") + ": " + problem, null, false,
                false);
    }
}
