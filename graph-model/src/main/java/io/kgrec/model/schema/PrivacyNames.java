package io.kgrec.model.schema;

/**
 * Names of the privacy state kgrec keeps on a customer. Consent is opt-out: a customer without the property has
 * consented to profiling, because the loaded sources (loyalty programmes, ratings sites) were collected under it.
 */
public final class PrivacyNames {
    /**
     * On {@code :Customer}: {@code true} once the customer has opted out of profiling. Such a customer gets
     * non-personalised recommendations, appears in no audience, and their history trains no model.
     */
    public static final String PROFILING_OPT_OUT = "profilingOptOut";
    /** On {@code :Customer}: when the opt-out (or opt-back-in) was recorded, a {@code datetime}. */
    public static final String CONSENT_CHANGED_AT = "consentChangedAt";

    private PrivacyNames() {
    }
}
