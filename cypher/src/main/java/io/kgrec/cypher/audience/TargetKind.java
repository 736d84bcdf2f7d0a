package io.kgrec.cypher.audience;

import java.util.Locale;

/** What an audience is for: one item, a coupon (through the items it applies to) or a campaign (through its coupons). */
public enum TargetKind {
    ITEM,
    COUPON,
    CAMPAIGN;

    /** @throws IllegalArgumentException naming the valid kinds */
    public static TargetKind parse(String text) {
        if (text != null) {
            for (TargetKind k : values()) {
                if (k.name().equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("targetKind must be one of item, coupon, campaign, got '" + text + "'");
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
