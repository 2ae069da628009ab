package dev.portallinks.test;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Seeds a {@link PaddleSimulator} from JSON ({@link PaddleSimulator#seed(String)} describes the document) through its
 * fluent API, so a seed gives what the same calls give; a wrong seed is refused naming the field.
 */
final class JsonSeed {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonSeed() {
    }

    /**
     * Seeds the simulator.
     *
     * @param simulator the simulator
     * @param json the document
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static void apply(PaddleSimulator simulator, String json) {
        JsonObject document;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            document = reader.readObject();
        } catch (JsonException | IllegalStateException notJson) {
            throw new IllegalArgumentException("the seed is not a JSON object: " + notJson.getMessage(), notJson);
        }
        JsonArray list = field(document, "customers", JsonArray.class, "");
        for (int c = 0; c < list.size(); c++) {
            String at = "customers[" + c + "]";
            JsonObject customer = element(list, c, at);
            String customerId = field(customer, "id", JsonString.class, at).getString();
            seeded(at + ".id", () -> simulator.customer(customerId));
            JsonArray owned = customer.containsKey("subscriptions") ? field(customer, "subscriptions", JsonArray.class, at) : JsonValue.EMPTY_JSON_ARRAY;
            for (int i = 0; i < owned.size(); i++) {
                String path = at + ".subscriptions[" + i + "]";
                JsonObject entry = element(owned, i, path);
                SimulatedSubscription subscription = seeded(path + ".id",
                        () -> simulator.subscription(customerId, field(entry, "id", JsonString.class, path).getString()));
                if (entry.containsKey("status")) {
                    seeded(path + ".status", () -> subscription.status(field(entry, "status", JsonString.class, path).getString()));
                }
                if (entry.containsKey("product")) {
                    subscription.product(field(entry, "product", JsonString.class, path).getString());
                }
                if (entry.containsKey("price")) {
                    JsonObject price = field(entry, "price", JsonObject.class, path);
                    subscription.price(field(price, "name", JsonString.class, path + ".price").getString(),
                            field(price, "unit_price_cents", JsonNumber.class, path + ".price").longValueExact(),
                            field(price, "currency", JsonString.class, path + ".price").getString());
                }
                if (entry.containsKey("quantity")) {
                    seeded(path + ".quantity", () -> subscription.quantity(field(entry, "quantity", JsonNumber.class, path).intValueExact()));
                }
                if (entry.containsKey("next_billed_at")) {
                    subscription.nextBilledAt(entry.isNull("next_billed_at") ? null
                            : seeded(path + ".next_billed_at", () -> Instant.parse(field(entry, "next_billed_at", JsonString.class, path).getString())));
                }
                if (entry.containsKey("scheduled_change") && !entry.isNull("scheduled_change")) {
                    JsonObject change = field(entry, "scheduled_change", JsonObject.class, path);
                    String changeAt = path + ".scheduled_change";
                    seeded(changeAt, () -> subscription.scheduledChange(field(change, "action", JsonString.class, changeAt).getString(),
                            Instant.parse(field(change, "effective_at", JsonString.class, changeAt).getString())));
                }
            }
        }
    }

    private static <T extends JsonValue> T field(JsonObject object, String name, Class<T> type, String at) {
        JsonValue value = object.get(name);
        String path = at.isEmpty() ? name : at + "." + name;
        if (value == null) {
            throw new IllegalArgumentException("the seed has no " + path);
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("the seed's " + path + " is " + value.getValueType() + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private static JsonObject element(JsonArray array, int index, String path) {
        if (!(array.get(index) instanceof JsonObject object)) {
            throw new IllegalArgumentException("the seed's " + path + " is not an object");
        }
        return object;
    }

    private static <T> T seeded(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | DateTimeParseException wrong) {
            throw new IllegalArgumentException("the seed's " + path + ": " + wrong.getMessage(), wrong);
        }
    }
}
