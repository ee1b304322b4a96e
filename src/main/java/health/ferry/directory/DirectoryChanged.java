package health.ferry.directory;

import java.util.UUID;

/**
 * Something in the directory changed and committed: one portal's support status (shown at once), or anything
 * else (the index is rebuilt in the background).
 */
record DirectoryChanged(UUID portalId, SupportStatus newStatus) {
    static DirectoryChanged portal(UUID portalId) {
        return new DirectoryChanged(portalId, null);
    }
}
