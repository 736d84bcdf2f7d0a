package io.kgrec.api.audit;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The audit as JSON: the report's records as they are, field names as in the GraphQL schema. */
public final class AuditJson {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AuditJson() {
    }

    public static String of(AuditReport report) {
        return JSON.writeValueAsString(report);
    }
}
