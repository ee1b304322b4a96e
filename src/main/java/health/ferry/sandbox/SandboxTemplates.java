package health.ferry.sandbox;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The sandbox portal's pages (templates/sandbox/) and the view records they are given. */
@CheckedTemplate(basePath = "sandbox")
class SandboxTemplates {
    record LoginView(String requestId, String app, List<String> access, String error, boolean passwordLink) {
    }

    record SecondFactorView(String requestId, String challengeId, String error) {
    }

    record ProfileView(String requestId, String challengeId, List<Choice> choices, String error) {
    }

    record Choice(String id, String label) {
    }

    record TermsView(String action, String requestId, String ticket) {
    }

    record NoticeView(String title, String text) {
    }

    record AccountRow(String username, String outcome) {
    }

    record HomeView(String fhirBase, List<AccountRow> accounts) {
    }

    static native TemplateInstance login(LoginView view);

    static native TemplateInstance secondFactor(SecondFactorView view);

    static native TemplateInstance profile(ProfileView view);

    static native TemplateInstance terms(TermsView view);

    static native TemplateInstance notice(NoticeView view);

    static native TemplateInstance home(HomeView view);
}
