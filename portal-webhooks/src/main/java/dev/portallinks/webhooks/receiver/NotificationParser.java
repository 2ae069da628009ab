package dev.portallinks.webhooks.receiver;

import dev.portallinks.api.Amount;
import dev.portallinks.api.CustomerId;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionItem;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.webhooks.CustomerEvent;
import dev.portallinks.webhooks.PaddleNotification;
import dev.portallinks.webhooks.SubscriptionEvent;
import dev.portallinks.webhooks.TransactionEvent;
import dev.portallinks.webhooks.UnknownPaddleEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a verified notification body into its typed event. The body is read as a JSON tree, so fields Paddle adds are
 * ignored and optional fields it leaves out are null; only what an event cannot be without is required: the envelope's
 * {@code event_id}, {@code event_type} and {@code occurred_at}, and for a typed event the entity's ID (and a subscription's
 * customer, status and currency). Any {@code event_type} outside the {@code subscription.}, {@code customer.} and
 * {@code transaction.} families becomes an {@link UnknownPaddleEvent}. Stateless, thread-safe.
 */
final class NotificationParser {

    /** The body is not a notification this parser can read; the message names the field, never a value. */
    static final class MalformedNotification extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedNotification(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A notification read from a body, with what ordering needs.
     *
     * @param notification the event, not stale
     * @param entityId the {@code data.id} the event is about, null when it has none
     */
    record Parsed(PaddleNotification notification, String entityId) {
    }

    /**
     * Reads a body.
     *
     * @param body the buffer
     * @param length the body's length in it
     * @return the event and its entity
     * @throws MalformedNotification when the body is not JSON, or a required field is missing or wrong
     */
    Parsed parse(byte[] body, int length) throws MalformedNotification {
        JsonObject envelope;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body, 0, length))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedNotification("the body is not a JSON object");
            }
            envelope = value.asJsonObject();
        } catch (JsonException | IllegalStateException notJson) {
            throw new MalformedNotification("the body is not JSON");
        }
        Fields fields = new Fields(envelope, "");
        String eventId = fields.required("event_id");
        String eventType = fields.required("event_type");
        Instant occurredAt = fields.instant(fields.required("occurred_at"), "occurred_at");
        String notificationId = fields.optional("notification_id");
        JsonValue data = envelope.getOrDefault("data", JsonValue.NULL);
        JsonObject entity = data.getValueType() == JsonValue.ValueType.OBJECT ? data.asJsonObject() : null;
        String entityId = entity == null ? null : new Fields(entity, "data.").optional("id");
        try {
            return new Parsed(typed(eventId, eventType, occurredAt, notificationId, data, entity), entityId);
        } catch (MalformedNotification missing) {
            throw new MalformedNotification(eventType + ": " + missing.getMessage());
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException invalidValue) {
            // A value the API's types refuse (an ID of the wrong form, say); their messages name the field.
            throw new MalformedNotification(eventType + ": " + invalidValue.getMessage());
        }
    }

    private static PaddleNotification typed(String eventId, String eventType, Instant occurredAt, String notificationId, JsonValue data,
            JsonObject entity) throws MalformedNotification {
        String family = eventType.contains(".") ? eventType.substring(0, eventType.indexOf('.')) : eventType;
        if (entity == null || !(family.equals("subscription") || family.equals("customer") || family.equals("transaction"))) {
            return new UnknownPaddleEvent(eventId, eventType, occurredAt, notificationId, false, data.toString());
        }
        Fields fields = new Fields(entity, "data.");
        return switch (family) {
            case "subscription" -> new SubscriptionEvent(eventId, eventType, SubscriptionEvent.Kind.fromEventType(eventType), occurredAt,
                    notificationId, false, subscription(fields), fields.optionalInstant("updated_at"));
            case "customer" -> new CustomerEvent(eventId, eventType, occurredAt, notificationId, false, CustomerId.of(fields.required("id")),
                    fields.optional("email"), fields.optional("name"), fields.optional("status"), fields.optionalInstant("updated_at"));
            default -> new TransactionEvent(eventId, eventType, occurredAt, notificationId, false, fields.required("id"),
                    fields.optionalId("customer_id", CustomerId::of), fields.optionalId("subscription_id", SubscriptionId::of),
                    fields.optional("status"), fields.optionalInstant("billed_at"), fields.optionalInstant("updated_at"));
        };
    }

    /** The subscription as a listing gives it (the same fields portal-impl's mapper reads). */
    private static SubscriptionSummary subscription(Fields data) throws MalformedNotification {
        SubscriptionId id = SubscriptionId.of(data.required("id"));
        CustomerId customer = CustomerId.of(data.required("customer_id"));
        SubscriptionStatus status = SubscriptionStatus.fromPaddleName(data.required("status"));
        String currency = data.required("currency_code");
        List<SubscriptionItem> items = new ArrayList<>();
        List<Fields> wireItems = data.objects("items");
        for (Fields item : wireItems) {
            items.add(item(item));
        }
        ScheduledChange change = null;
        Fields scheduled = data.object("scheduled_change");
        if (scheduled != null) {
            change = new ScheduledChange(ScheduledChange.Action.fromPaddleName(scheduled.required("action")),
                    scheduled.instant(scheduled.required("effective_at"), "effective_at"));
        }
        return new SubscriptionSummary(id, customer, status, data.optionalInstant("next_billed_at"), currency, items, change);
    }

    private static SubscriptionItem item(Fields item) throws MalformedNotification {
        Fields product = item.object("product");
        Fields price = item.object("price");
        // Paddle's older payloads can carry "product": null: the product's ID from the price names it then.
        String productName = product != null && product.optional("name") != null ? product.optional("name")
                : price != null && price.optional("product_id") != null ? price.optional("product_id") : "";
        String priceName = price == null ? null : price.optional("name") != null ? price.optional("name") : price.optional("description");
        Amount unitPrice = null;
        Fields money = price == null ? null : price.object("unit_price");
        if (money != null) {
            String amount = money.required("amount");
            try {
                unitPrice = new Amount(Long.parseLong(amount), money.required("currency_code"));
            } catch (NumberFormatException notAnInteger) {
                throw new MalformedNotification(money.path + "amount is not an integer");
            }
        }
        JsonValue quantity = item.object.get("quantity");
        JsonValue recurring = item.object.get("recurring");
        return new SubscriptionItem(productName, priceName,
                quantity instanceof JsonNumber number ? number.intValueExact() : 1, recurring != JsonValue.FALSE, unitPrice);
    }

    /** Field access on one JSON object, with the path for messages. */
    private static final class Fields {

        private final JsonObject object;
        private final String path;

        Fields(JsonObject object, String path) {
            this.object = object;
            this.path = path;
        }

        String optional(String name) {
            JsonValue value = object.get(name);
            return value instanceof JsonString text ? text.getString() : null;
        }

        String required(String name) throws MalformedNotification {
            String value = optional(name);
            if (value == null || value.isBlank()) {
                throw new MalformedNotification(path + name + " is missing or not a string");
            }
            return value;
        }

        <T> T optionalId(String name, Function<String, T> type) {
            String value = optional(name);
            return value == null ? null : type.apply(value);
        }

        Instant optionalInstant(String name) throws MalformedNotification {
            String value = optional(name);
            return value == null ? null : instant(value, name);
        }

        /** RFC 3339 as Paddle writes it, with 0 to 9 fraction digits. */
        Instant instant(String value, String name) throws MalformedNotification {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notRfc3339) {
                throw new MalformedNotification(path + name + " is not an RFC 3339 date-time");
            }
        }

        Fields object(String name) {
            JsonValue value = object.get(name);
            return value instanceof JsonObject child ? new Fields(child, path + name + ".") : null;
        }

        List<Fields> objects(String name) {
            JsonValue value = object.get(name);
            if (!(value instanceof JsonArray array)) {
                return List.of();
            }
            List<Fields> children = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof JsonObject child) {
                    children.add(new Fields(child, path + name + "[" + i + "]."));
                }
            }
            return children;
        }
    }
}
