package health.ferry.uploads.classification;

/** One XDM submission set: its id, submission time as written (HL7 DTM) and the number of documents it holds. */
public record XdmSubmissionSet(String metadata, String id, String submissionTime, int documents) {
}
