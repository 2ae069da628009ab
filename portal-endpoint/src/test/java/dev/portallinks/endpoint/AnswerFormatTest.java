package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

// A redirect for browsers' navigations and plain fetch(), JSON for a front end that asks for it.
class AnswerFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json;charset=utf-8", "application/json, */*;q=0.8",
        "text/html;q=0.5, application/json", "text/html, application/json", "application/json;q=0.1"})
    void aClientThatAsksForJsonGetsJson(String accept) {
        assertThat(AnswerFormat.negotiate(accept)).isEqualTo(AnswerFormat.JSON);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/*",
        "application/json;q=0", "text/html, application/json;q=0.9", "application/json;q=nonsense", "application/json;q=2",
        "application/problem+json", "application/jsonx"})
    void everyoneElseGetsTheRedirect(String accept) {
        assertThat(AnswerFormat.negotiate(accept)).isEqualTo(AnswerFormat.REDIRECT);
    }
}
