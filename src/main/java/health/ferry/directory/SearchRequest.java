package health.ferry.directory;

import health.ferry.outcome.OutcomeException;
import java.util.Locale;

/** A search's parameters, checked: the mode, the query (a website read from what was pasted), page and size. */
record SearchRequest(Mode mode, String query, WebsiteAddress website, int page, int size) {

    enum Mode { ORGANIZATION, DOCTOR, WEBSITE }

    static SearchRequest of(String by, String query, Integer page, Integer size, DirectoryConfig config) {
        Mode mode = mode(by);
        if (page != null && page < 0) {
            throw OutcomeException.invalid("page", "Pages count from 0.");
        }
        if (size != null && size < 1) {
            throw OutcomeException.invalid("size", "Ask for at least one result per page.");
        }
        int pageSize = Math.min(size == null ? config.defaultPageSize() : size, config.maxPageSize());
        int pageNumber = page == null ? 0 : page;
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new SearchRequest(mode, "", null, pageNumber, pageSize);
        }
        if (mode == Mode.WEBSITE) {
            WebsiteAddress.Parsed parsed = WebsiteAddress.parse(q);
            if (!parsed.ok()) {
                throw OutcomeException.invalid("q", parsed.problem());
            }
            return new SearchRequest(mode, q, parsed.address(), pageNumber, pageSize);
        }
        if (q.length() > NameTokens.MAX_QUERY) {
            throw OutcomeException.invalid("q", "Search with at most " + NameTokens.MAX_QUERY + " characters.");
        }
        return new SearchRequest(mode, q, null, pageNumber, pageSize);
    }

    boolean isEmpty() {
        return query.isEmpty();
    }

    private static Mode mode(String by) {
        String b = by == null ? "" : by.strip().toLowerCase(Locale.ROOT);
        return switch (b) {
            case "organization", "organisation" -> Mode.ORGANIZATION;
            case "doctor" -> Mode.DOCTOR;
            case "website" -> Mode.WEBSITE;
            default -> throw OutcomeException.invalid("by", "Search by organization, doctor or website.");
        };
    }
}
