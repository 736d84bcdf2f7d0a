package io.kgrec.loader.source.completejourney;

import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.source.DatasetFolder;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.RowHandler;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.MarketingData;
import io.kgrec.loader.stage.MarketingData.Campaign;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Complete Journey's marketing files, each optional: {@code campaign_descriptions} (campaign type and dates),
 * {@code campaigns} (which households a campaign targeted), {@code coupons} (which products a campaign's coupon
 * applies to) and {@code coupon_redemptions}. They become {@code :Campaign} and {@code :Coupon} nodes linked by
 * {@code TARGETED_BY}, {@code OFFERED_IN}, {@code APPLIES_TO} and {@code REDEEMED}. A row naming a campaign missing
 * from the descriptions, a product missing from the catalogue or a coupon missing from the coupon file is quarantined;
 * a household is created on first mention, as everywhere (there is no household master list).
 */
final class CompleteJourneyMarketing {
    private final DatasetFolder files;
    private final Fields newYorkTime;

    CompleteJourneyMarketing(DatasetFolder files, Fields newYorkTime) {
        this.files = files;
        this.newYorkTime = newYorkTime;
    }

    void read(GraphData data, LoadContext context) {
        MarketingData marketing = data.marketing();
        files.optional("campaign_descriptions.csv").ifPresent(file -> RowHandler.readAll(TabularFile.of(file),
                List.of("campaign_id", "campaign_type", "start_date", "end_date"), context,
                row -> description(marketing, row)));
        files.optional("campaigns.csv").ifPresent(file -> RowHandler.readAll(TabularFile.of(file),
                List.of("campaign_id", "household_id"), context, row -> targeting(data, row)));
        files.optional("coupons.csv").ifPresent(file -> RowHandler.readAll(TabularFile.of(file),
                List.of("coupon_upc", "product_id", "campaign_id"), context, row -> coupon(data, row)));
        files.optional("coupon_redemptions.csv").ifPresent(file -> RowHandler.readAll(TabularFile.of(file),
                List.of("household_id", "coupon_upc", "campaign_id", "redemption_date"), context,
                row -> redemption(data, row)));
    }

    private boolean description(MarketingData marketing, Row row) throws RowRejected {
        String id = Fields.key(row, "campaign_id");
        LocalDate start = newYorkTime.date(row, "start_date");
        LocalDate end = newYorkTime.date(row, "end_date");
        if (end.isBefore(start)) {
            throw new RowRejected(RejectReason.BAD_DATE_RANGE, "end_date " + end + " is before start_date " + start);
        }
        return marketing.putCampaign(new Campaign(id, row.get("campaign_type"), start, end));
    }

    private boolean targeting(GraphData data, Row row) throws RowRejected {
        String campaign = knownCampaign(data.marketing(), row);
        String customer = Fields.customerId(row, "household_id");
        data.putCustomer(customer, Map.of());
        return data.marketing().target(customer, campaign);
    }

    private boolean coupon(GraphData data, Row row) throws RowRejected {
        String upc = Fields.key(row, "coupon_upc");
        String item = Fields.itemId(row, "product_id");
        String campaign = knownCampaign(data.marketing(), row);
        if (!data.hasItem(item)) {
            throw new RowRejected(RejectReason.UNKNOWN_ITEM, "product_id '" + item + "' is not in products");
        }
        return data.marketing().offer(upc, campaign, item);
    }

    private boolean redemption(GraphData data, Row row) throws RowRejected {
        String customer = Fields.customerId(row, "household_id");
        String upc = Fields.key(row, "coupon_upc");
        knownCampaign(data.marketing(), row);
        long when = newYorkTime.requiredTimestamp(row, "redemption_date");
        if (!data.marketing().hasCoupon(upc)) {
            throw new RowRejected(RejectReason.UNKNOWN_COUPON, "coupon_upc '" + upc + "' is not in coupons");
        }
        data.putCustomer(customer, Map.of());
        return data.marketing().redeem(customer, upc, when);
    }

    private static String knownCampaign(MarketingData marketing, Row row) throws RowRejected {
        String id = Fields.key(row, "campaign_id");
        if (!marketing.hasCampaign(id)) {
            throw new RowRejected(RejectReason.UNKNOWN_CAMPAIGN, "campaign_id '" + id
                    + "' is not in campaign_descriptions");
        }
        return id;
    }
}
