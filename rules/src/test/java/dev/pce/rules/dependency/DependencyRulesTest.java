package dev.pce.rules.dependency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyRulesTest {

    @Test
    void theRulesAreBuiltOnceAndShared() {
        DependencyRules rules = DependencyRules.shared();
        rules.prepareInBackground();
        rules.prepareInBackground(); // a second call starts nothing new
        assertThat(rules.kieBase()).isSameAs(rules.kieBase());
        assertThat(rules.isReady()).isTrue();
        assertThat(rules.kieBase().getKiePackage("dev.pce.rules.dependency").getRules())
                .extracting(rule -> rule.getName())
                .contains("declared-untyped-is-hard", "declared-soft", "review-feedback", "same-path-written-twice");
    }
}
