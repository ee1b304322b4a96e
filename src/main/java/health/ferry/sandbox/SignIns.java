package health.ferry.sandbox;

import health.ferry.sandbox.SandboxAccounts.Account;
import health.ferry.sandbox.SandboxAccounts.Behaviour;
import health.ferry.sandbox.SandboxAccounts.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signing in to a sandbox account, step by step (password, second factor, terms, profile), shared by the credential
 * API and the SMART login page so that both show the same behaviours. State is in memory; {@link #reset()} clears it.
 */
@ApplicationScoped
class SignIns {
    static final String SECOND_FACTOR_CODE = "123456";
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    static final Duration TERMS_TICKET_LIFETIME = Duration.ofDays(1);

    /** Where an attempt comes from: the flaky account fails every odd attempt per surface, never on the page. */
    enum Surface { SESSIONS, LOGIN_PAGE, TOKEN }

    enum Kind {
        SIGNED_IN, INVALID_CREDENTIALS, ACCOUNT_LOCKED, PASSWORD_CHANGE_REQUIRED, UNAVAILABLE, TWO_FACTOR_REQUIRED,
        WRONG_CODE, TERMS_ACCEPTANCE_REQUIRED, MULTIPLE_PROFILES, INVALID_CHALLENGE, INVALID_PROFILE
    }

    /** Where an attempt stands: signed in to a profile, failed, or waiting for the next step (challenge or ticket). */
    record Step(Kind kind, Account account, Profile profile, String challengeId, String ticket) {
        static Step of(Kind kind, Account account) {
            return new Step(kind, account, null, null, null);
        }
    }

    private record Challenge(String username, boolean profileChoice) {
    }

    private record TermsTicket(String username, boolean secondFactorDone) {
    }

    private final Expiring<Challenge> challenges;
    private final Expiring<TermsTicket> termsTickets;
    private final Set<String> termsAccepted = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    SignIns(SandboxClock clock) {
        this.challenges = new Expiring<>(clock, CHALLENGE_LIFETIME);
        this.termsTickets = new Expiring<>(clock, TERMS_TICKET_LIFETIME);
    }

    /** The first step; {@code profileId} (optional) picks a profile up front on an account with several. */
    Step signIn(String username, String password, String profileId, Surface surface) {
        Optional<Account> found = SandboxAccounts.find(username);
        if (found.isPresent() && unavailable(found.get(), surface)) {
            return Step.of(Kind.UNAVAILABLE, found.get());
        }
        if (found.isEmpty() || !SandboxAccounts.PASSWORD.equals(password)) {
            return Step.of(Kind.INVALID_CREDENTIALS, null);
        }
        Account account = found.get();
        return switch (account.behaviour()) {
            case LOCKED -> Step.of(Kind.ACCOUNT_LOCKED, account);
            case PASSWORD_EXPIRED -> Step.of(Kind.PASSWORD_CHANGE_REQUIRED, account);
            default -> afterPassword(account, false, profileId);
        };
    }

    /** The flaky account's portal is down on every odd-numbered attempt (1st, 3rd, ...) per surface. */
    boolean unavailable(Account account, Surface surface) {
        if (account.behaviour() != Behaviour.FLAKY || surface == Surface.LOGIN_PAGE) {
            return false;
        }
        String key = surface + ":" + account.username();
        return attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() % 2 == 1;
    }

    Step secondFactor(String challengeId, String code) {
        Optional<Challenge> challenge = challenges.take(challengeId).filter(c -> !c.profileChoice());
        if (challenge.isEmpty()) {
            return Step.of(Kind.INVALID_CHALLENGE, null);
        }
        Account account = SandboxAccounts.find(challenge.get().username()).orElseThrow();
        if (!SECOND_FACTOR_CODE.equals(code)) {
            return challenge(Kind.WRONG_CODE, account, false);
        }
        return afterPassword(account, true, null);
    }

    Step chooseProfile(String challengeId, String profileId) {
        Optional<Challenge> challenge = challenges.get(challengeId).filter(Challenge::profileChoice);
        if (challenge.isEmpty()) {
            return Step.of(Kind.INVALID_CHALLENGE, null);
        }
        Account account = SandboxAccounts.find(challenge.get().username()).orElseThrow();
        Optional<Profile> profile = account.profile(profileId);
        if (profile.isEmpty()) {
            return new Step(Kind.INVALID_PROFILE, account, null, challengeId, null);
        }
        challenges.remove(challengeId);
        return new Step(Kind.SIGNED_IN, account, profile.get(), null, null);
    }

    /** Whether a terms link is still good (the page shows it before the person accepts). */
    boolean termsTicketValid(String ticket) {
        return termsTickets.get(ticket).isPresent();
    }

    /** Accepts the terms for the ticket's account and answers the step that follows, for a sign-in in progress. */
    Step acceptTerms(String ticket) {
        Optional<TermsTicket> found = termsTickets.take(ticket);
        if (found.isEmpty()) {
            return Step.of(Kind.INVALID_CHALLENGE, null);
        }
        termsAccepted.add(found.get().username());
        Account account = SandboxAccounts.find(found.get().username()).orElseThrow();
        return afterPassword(account, found.get().secondFactorDone(), null);
    }

    void reset() {
        challenges.clear();
        termsTickets.clear();
        termsAccepted.clear();
        attempts.clear();
    }

    private Step afterPassword(Account account, boolean secondFactorDone, String profileId) {
        if (account.behaviour() == Behaviour.TWO_FACTOR && !secondFactorDone) {
            return challenge(Kind.TWO_FACTOR_REQUIRED, account, false);
        }
        if (account.behaviour() == Behaviour.TERMS && !termsAccepted.contains(account.username())) {
            String ticket = termsTickets.put(new TermsTicket(account.username(), secondFactorDone));
            return new Step(Kind.TERMS_ACCEPTANCE_REQUIRED, account, null, null, ticket);
        }
        if (account.profiles().size() > 1) {
            Optional<Profile> chosen = account.profile(profileId);
            return chosen.map(p -> new Step(Kind.SIGNED_IN, account, p, null, null))
                    .orElseGet(() -> challenge(Kind.MULTIPLE_PROFILES, account, true));
        }
        return new Step(Kind.SIGNED_IN, account, account.profiles().get(0), null, null);
    }

    private Step challenge(Kind kind, Account account, boolean profileChoice) {
        String id = challenges.put(new Challenge(account.username(), profileChoice));
        return new Step(kind, account, null, id, null);
    }
}
