package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Seeding from JSON gives what the fluent API gives, over the wire; a wrong seed names the field that is wrong.
class SeedingTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    @RegisterExtension
    final PaddleSimulatorExtension paddle = new PaddleSimulatorExtension();

    private static JsonObject listing(PaddleSimulator simulator) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/subscriptions?customer_id=" + CUSTOMER))
                .header("Authorization", "Bearer " + simulator.apiKey()).build(), HttpResponse.BodyHandlers.ofString()).body();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    @Test
    void aJsonSeedIsServedAsPaddleWouldListIt(PaddleSimulator simulator) throws Exception {
        simulator.seed("""
                {"customers": [{"id": "ctm_01gysfvfy7vqhpzkq8rjmrq7an", "subscriptions": [
                    {"id": "sub_01h04vsc0qhwtsbsxh3422wjs4", "status": "past_due", "product": "AeroEdit Pro",
                     "price": {"name": "Monthly (per seat)", "unit_price_cents": 3000, "currency": "EUR"},
                     "next_billed_at": "2030-01-01T00:00:00Z",
                     "scheduled_change": {"action": "cancel", "effective_at": "2030-01-31T00:00:00Z"}},
                    {"id": "sub_01h7zcgmdc6tmwtjehp3sh7azf", "next_billed_at": null}]}]}
                """);

        JsonObject first = listing(simulator).getJsonArray("data").getJsonObject(0);
        JsonObject second = listing(simulator).getJsonArray("data").getJsonObject(1);

        assertThat(first.getString("status")).isEqualTo("past_due");
        assertThat(first.getString("currency_code")).isEqualTo("EUR");
        assertThat(first.getJsonArray("items").getJsonObject(0).getJsonObject("product").getString("name")).isEqualTo("AeroEdit Pro");
        assertThat(first.getJsonArray("items").getJsonObject(0).getJsonObject("price").getJsonObject("unit_price").getString("amount")).isEqualTo("3000");
        assertThat(first.getJsonObject("scheduled_change").getString("effective_at")).isEqualTo("2030-01-31T00:00:00Z");
        assertThat(second.getString("status")).isEqualTo("active");
        assertThat(second.isNull("next_billed_at")).isTrue();
    }

    @Test
    void aWrongSeedNamesTheField(PaddleSimulator simulator) {
        assertThatThrownBy(() -> simulator.seed("{\"customers\": [{\"id\": \"" + CUSTOMER + "\", \"subscriptions\": [{\"id\": \"sub_01h04vsc0qhwtsbsxh3422wjs4\"},"
                + " {\"id\": \"sub_01h7zcgmdc6tmwtjehp3sh7azf\", \"status\": \"gone\"}]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the seed's customers[0].subscriptions[1].status:");
        assertThatThrownBy(() -> simulator.seed("{\"customers\": [{\"subscriptions\": []}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the seed has no customers[0].id");
        assertThatThrownBy(() -> simulator.seed("{\"customers\": [{\"id\": \"cus_1\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the seed's customers[0].id:");
        assertThatThrownBy(() -> simulator.seed("[not json")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the seed is not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void theSimulatorRemembersABoundedNumberOfLinks(int remembered) throws Exception {
        try (PaddleSimulator simulator = PaddleSimulator.builder().rememberedLinks(remembered).start()) {
            simulator.customer(CUSTOMER);
            HttpClient http = HttpClient.newHttpClient();
            List<String> overviews = new ArrayList<>();
            // Each session issues one overview link: the first stays openable until `remembered` newer links exist.
            for (int i = 0; i <= remembered; i++) {
                String body = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                        .header("Authorization", "Bearer " + simulator.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                try (JsonReader reader = Json.createReader(new StringReader(body))) {
                    overviews.add(reader.readObject().getJsonObject("data").getJsonObject("urls").getJsonObject("general").getString("overview"));
                }
            }

            assertThat(open(http, overviews.get(0))).as("the oldest link, after %d newer ones", remembered).isEqualTo(403);
            assertThat(open(http, overviews.get(1))).as("the oldest link still remembered").isEqualTo(200);
        }
    }

    private static int open(HttpClient http, String link) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
