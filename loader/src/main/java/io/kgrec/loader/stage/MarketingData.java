package io.kgrec.loader.stage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns, coupons and how customers and items relate to them, staged like the rest of a load. Each link is kept
 * once however many rows repeat it; redemptions of the same coupon by the same customer are counted.
 */
public final class MarketingData {
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    private final Set<String> coupons = new LinkedHashSet<>();
    private final Set<Link> targeted = new LinkedHashSet<>();
    private final Set<Link> offeredIn = new LinkedHashSet<>();
    private final Set<Link> appliesTo = new LinkedHashSet<>();
    private final Map<Link, Redemptions> redemptions = new LinkedHashMap<>();

    /** A campaign as described: its type ("Type A") and its first and last day. */
    public record Campaign(String id, String type, LocalDate start, LocalDate end) {
    }

    /** A relationship between two keys, e.g. customer id → campaign id. */
    public record Link(String from, String to) {
    }

    /** The redemptions of one coupon by one customer: how many, and the epoch second of the latest. */
    public static final class Redemptions {
        private long count;
        private long latest = Long.MIN_VALUE;

        void add(long epochSeconds) {
            count++;
            latest = Math.max(latest, epochSeconds);
        }

        public long count() {
            return count;
        }

        public long latest() {
            return latest;
        }
    }

    /** @return {@code true} if the campaign is new */
    public boolean putCampaign(Campaign campaign) {
        return campaigns.put(campaign.id(), campaign) == null;
    }

    public boolean hasCampaign(String id) {
        return campaigns.containsKey(id);
    }

    public boolean hasCoupon(String upc) {
        return coupons.contains(upc);
    }

    /** @return {@code true} if the customer–campaign link is new */
    public boolean target(String customerId, String campaignId) {
        return targeted.add(new Link(customerId, campaignId));
    }

    /**
     * One row of the coupon file: the coupon, offered in a campaign, applying to an item.
     *
     * @return {@code true} if the row added a link that was not there yet
     */
    public boolean offer(String upc, String campaignId, String itemId) {
        coupons.add(upc);
        boolean newCampaignLink = offeredIn.add(new Link(upc, campaignId));
        boolean newItemLink = appliesTo.add(new Link(upc, itemId));
        return newCampaignLink || newItemLink;
    }

    /** @return {@code true} if this is the customer's first redemption of the coupon */
    public boolean redeem(String customerId, String upc, long epochSeconds) {
        Redemptions r = redemptions.computeIfAbsent(new Link(customerId, upc), k -> new Redemptions());
        r.add(epochSeconds);
        return r.count() == 1;
    }

    public Map<String, Campaign> campaigns() {
        return campaigns;
    }

    public Set<String> coupons() {
        return coupons;
    }

    public Set<Link> targeted() {
        return targeted;
    }

    public Set<Link> offeredIn() {
        return offeredIn;
    }

    public Set<Link> appliesTo() {
        return appliesTo;
    }

    public Map<Link, Redemptions> redemptions() {
        return redemptions;
    }

    public boolean isEmpty() {
        return campaigns.isEmpty() && coupons.isEmpty() && targeted.isEmpty() && redemptions.isEmpty();
    }
}
