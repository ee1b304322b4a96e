package health.ferry.records;

import java.util.Map;

/** A person's import settings as the API shows them: every category with on/off, and email notices. */
public record SettingsView(Map<String, Boolean> categories, Boolean emailNotifications) {
}
