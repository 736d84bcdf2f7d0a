package io.kgrec.loader.stage;

import io.kgrec.model.schema.InteractionType;

/** Rows with the same customer, item and interaction type are one interaction. */
public record InteractionKey(String customerId, String itemId, InteractionType type) {
}
