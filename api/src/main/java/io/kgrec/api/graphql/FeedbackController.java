package io.kgrec.api.graphql;

import io.kgrec.api.auditlog.ServedListOwners;
import io.kgrec.api.error.ApiException;
import io.kgrec.api.error.ErrorCode;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.InProcessWrites;
import io.kgrec.api.safety.QueryLimits;
import io.kgrec.api.security.Access;
import io.kgrec.loader.write.FeedbackWriter;
import io.kgrec.model.schema.InteractionType;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code recordInteraction} and {@code recordImpression}. */
@Controller
public class FeedbackController {
    private static final int MAX_ITEMS = 100;
    private static final int MAX_ID = 200;

    private final FeedbackWriter writer;
    private final Access access;
    private final ServedListOwners lists;

    public FeedbackController(GraphConnection graph, Access access, ServedListOwners lists) {
        this.writer = new FeedbackWriter(InProcessWrites.of(graph, QueryLimits.WRITE_TIMEOUT));
        this.access = access;
        this.lists = lists;
    }

    @MutationMapping
    public Views.InteractionRecorded recordInteraction(@Argument String customerId, @Argument String itemId,
            @Argument String type, @Argument String recommendationId, @Argument Double value,
            @Argument String eventId) {
        access.requireForCustomer(Access.WRITE_FEEDBACK, customerId);
        checkId("customerId", customerId);
        checkId("itemId", itemId);
        checkOptionalId("recommendationId", recommendationId);
        checkOptionalId("eventId", eventId);
        checkOwnList(customerId, recommendationId);
        double amount = value == null ? 1.0 : value;
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw ApiException.badRequest("value must be a positive number, got " + value);
        }
        InteractionType kind = InteractionType.valueOf(type);
        FeedbackWriter.Recorded recorded = writer.interaction(customerId, itemId, kind, amount, recommendationId,
                eventId);
        if (recorded == null) {
            throw ApiException.notFound("item '" + itemId + "' does not exist");
        }
        return new Views.InteractionRecorded(customerId, itemId, type, recorded.count(), recorded.raw(),
                recorded.repeated());
    }

    @MutationMapping
    public Views.ImpressionRecorded recordImpression(@Argument String customerId, @Argument List<String> itemIds,
            @Argument String recommendationId, @Argument String eventId) {
        access.requireForCustomer(Access.WRITE_FEEDBACK, customerId);
        checkId("customerId", customerId);
        if (itemIds.isEmpty() || itemIds.size() > MAX_ITEMS) {
            throw ApiException.badRequest("itemIds must name 1 to " + MAX_ITEMS + " items, got " + itemIds.size());
        }
        itemIds.forEach(id -> checkId("itemIds", id));
        checkOptionalId("recommendationId", recommendationId);
        checkOptionalId("eventId", eventId);
        checkOwnList(customerId, recommendationId);
        FeedbackWriter.Shown shown = writer.impressions(customerId, itemIds, recommendationId, eventId);
        return new Views.ImpressionRecorded(customerId, shown.shown(), shown.repeated());
    }

    /**
     * An event is attributed only to a list served to the same customer: a credential scoped to one customer may not
     * touch another's list (FORBIDDEN), and no caller may attribute one customer's event to another's (BAD_REQUEST).
     */
    private void checkOwnList(String customerId, String recommendationId) {
        if (recommendationId == null) {
            return;
        }
        lists.customerOf(recommendationId).filter(owner -> !owner.equals(customerId)).ifPresent(other -> {
            if (access.caller().customerScope().isPresent()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "recommendationId '" + recommendationId
                        + "' was served to another customer");
            }
            throw ApiException.badRequest("recommendationId '" + recommendationId + "' was served to customer '"
                    + other + "', not to '" + customerId + "'");
        });
    }

    private static void checkOptionalId(String argument, String id) {
        if (id != null) {
            checkId(argument, id);
        }
    }

    private static void checkId(String argument, String id) {
        if (id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(argument + " must be 1 to " + MAX_ID + " printable characters");
        }
    }
}
