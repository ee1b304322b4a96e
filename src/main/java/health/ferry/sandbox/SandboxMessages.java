package health.ferry.sandbox;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the sandbox portal's own pages (namespace {@code sandbox}). */
@MessageBundle("sandbox")
interface SandboxMessages {
    @Message("Sandbox Health System")
    String portal_name();

    @Message("A simulated patient portal for Ferry's development, demos and tests. It holds no real health data.")
    String portal_banner();

    @Message("Sandbox Health System is part of Ferry's test set-up. Every person and record here is made up.")
    String footer();

    @Message("Sign in to Sandbox Health System")
    String login_title();

    @Message("{app} wants to connect to your health records. It asks to:")
    String login_app(String app);

    @Message("read all your health records")
    String access_all();

    @Message("read your records of type {type}")
    String access_type(String type);

    @Message("keep reading them while you are away, until you disconnect")
    String access_offline();

    @Message("Username")
    String username();

    @Message("Password")
    String password();

    @Message("Sign in and allow")
    String sign_in();

    @Message("Deny")
    String deny();

    @Message("Sandbox accounts: demo, twofactor, family, terms, expired, locked, empty, flaky, shortlived, strict. "
            + "The password is demo.")
    String login_hint();

    @Message("That username or password is not right.")
    String error_invalid_credentials();

    @Message("This account is locked. Please contact the practice to unlock it.")
    String error_locked();

    @Message("Your password has expired. Change it before you connect an app.")
    String error_password_expired();

    @Message("Change your password")
    String change_password();

    @Message("The portal is briefly unavailable. Please try again.")
    String error_unavailable();

    @Message("Enter your verification code")
    String second_factor_title();

    @Message("We sent a six-digit code to your phone. In the sandbox, the code is 123456.")
    String second_factor_text();

    @Message("Verification code")
    String code_label();

    @Message("Verify")
    String verify();

    @Message("That code is not right. We sent you a new one.")
    String error_wrong_code();

    @Message("Whose records?")
    String profile_title();

    @Message("You can see more than one person's records. Choose whose records to share.")
    String profile_text();

    @Message("{name} (born {birthDate})")
    String profile_choice(String name, String birthDate);

    @Message("Continue")
    String continue_button();

    @Message("Choose one of the people listed.")
    String error_choose_profile();

    @Message("Terms of use")
    String terms_title();

    @Message("Sandbox Health System has updated its terms of use. You need to accept them before you can sign in or "
            + "connect an app.\n\nThese terms are a simulation: the sandbox is a test portal, its records are made up, "
            + "and accepting changes nothing but this sandbox account's state.")
    String terms_text();

    @Message("I accept the terms of use")
    String accept_terms();

    @Message("Terms accepted")
    String terms_accepted_title();

    @Message("Thank you. You can go back to the app that sent you here and try again.")
    String terms_accepted_text();

    @Message("This link has expired")
    String link_expired_title();

    @Message("Go back to the app that sent you here and start again.")
    String link_expired_text();

    @Message("Change your password")
    String password_title();

    @Message("Sandbox accounts cannot change their password: the expired account always asks for a new one, so that "
            + "apps can show what happens then. Use another sandbox account to connect.")
    String password_text();

    @Message("This app cannot connect")
    String bad_request_title();

    @Message("The app sent an authorization request the sandbox cannot accept: {detail}")
    String bad_request_text(String detail);

    @Message("Sandbox accounts")
    String accounts_title();

    @Message("Every account's password is demo. The SMART login page and the credential API behave the same.")
    String accounts_text();

    @Message("FHIR base URL")
    String fhir_base();
}
