package dev.portallinks.faces.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Crafts form posts the way an attacker (or a stale tab) would: loads the page like a browser (keeping the
 * session cookie), keeps the form's hidden fields (view state included), and posts whatever button value it
 * likes. Does not follow redirects, so the test sees the 303 itself.
 */
final class FormPost {

    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI page;
    private final Map<String, String> hiddenFields = new LinkedHashMap<>();

    FormPost(URI page) {
        this.page = page;
    }

    /**
     * Signs a customer in to this client's HTTP session (the test application's stand-in for a login).
     *
     * @param customer the customer's Paddle ID
     * @return this
     */
    FormPost signedInAs(String customer) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(page.resolve("api/state/sign-in?customer=" + customer))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (answer.statusCode() != 204) {
            throw new AssertionError("sign-in answered " + answer.statusCode());
        }
        return this;
    }

    /**
     * GETs the page and keeps its hidden form fields.
     *
     * @return this
     */
    FormPost load() {
        keepHiddenFields(send(HttpRequest.newBuilder(page).GET().build()).body());
        return this;
    }

    /**
     * Posts the form like {@link #post(Map, String...)}, then, when the answer is the page again (a message instead of
     * a redirect), keeps its new hidden fields, as a browser showing that page would: a script replaying a click this
     * way never meets an expired view.
     *
     * @param fields the extra fields, name then value
     * @return the response
     */
    HttpResponse<String> postAgain(String... fields) {
        HttpResponse<String> response = post(Map.of(), fields);
        if (response.statusCode() == 200 && response.body().contains("jakarta.faces.ViewState")) {
            keepHiddenFields(response.body());
        }
        return response;
    }

    private void keepHiddenFields(String html) {
        Matcher inputs = HIDDEN_INPUT.matcher(html);
        while (inputs.find()) {
            Matcher name = NAME.matcher(inputs.group());
            Matcher value = VALUE.matcher(inputs.group());
            if (name.find()) {
                hiddenFields.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
            }
        }
        if (!hiddenFields.containsKey("jakarta.faces.ViewState")) {
            throw new AssertionError("no view state in " + page);
        }
    }

    /**
     * Removes a hidden field before posting (e.g. the view state).
     *
     * @param name the field
     * @return this
     */
    FormPost without(String name) {
        hiddenFields.remove(name);
        return this;
    }

    /**
     * Replaces a hidden field before posting (e.g. a view state from another session, or a forged one).
     *
     * @param name the field
     * @param value its new value
     * @return this
     */
    FormPost with(String name, String value) {
        hiddenFields.put(name, value);
        return this;
    }

    /** @return the view state the page was rendered with */
    String viewState() {
        return hiddenFields.get("jakarta.faces.ViewState");
    }

    /**
     * Sends the form's fields with a GET instead of a POST, as a link or an image on another site would.
     *
     * @param fields the extra fields, name then value
     * @return the response
     */
    HttpResponse<String> get(String... fields) {
        return send(HttpRequest.newBuilder(URI.create(page + "?" + encoded(fields))).GET().build());
    }

    /**
     * Posts the form with extra fields.
     *
     * @param headers extra request headers, name then value
     * @param fields the extra fields, name then value
     * @return the response
     */
    HttpResponse<String> post(Map<String, String> headers, String... fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(fields)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The hidden fields and the extra ones, form-encoded. */
    private String encoded(String... fields) {
        Map<String, String> form = new LinkedHashMap<>(hiddenFields);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
