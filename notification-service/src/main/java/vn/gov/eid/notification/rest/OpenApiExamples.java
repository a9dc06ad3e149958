package vn.gov.eid.notification.rest;

/** Example bodies shown in the OpenAPI document (docs/openapi/notification-service.yaml) for each endpoint. */
final class OpenApiExamples {
    static final String MESSAGES = """
            [{"id":"c8250d7c-b692-4765-9e2f-e56338af648d","requestId":"89badbbd-9407-4237-a08b-ff981750363f",
              "personalIdNumber":"001203012345","purpose":"INITIAL_CREDENTIAL","state":"DELIVERED",
              "phoneMasked":"+84******678","smscMessageId":"6b0b629f00000001","attempts":1,"uncertainAttempts":0,
              "possibleDuplicate":false,"validUntil":"2026-12-05T23:25:29Z","segments":1,"encoding":"GSM7",
              "createdAt":"2026-11-28T23:25:29.271421Z","updatedAt":"2026-11-28T23:25:29.440676Z",
              "submittedAt":"2026-11-28T23:25:29.426780Z","finalAt":"2026-11-28T23:25:29.440676Z"}]
            """;

    static final String RETRY = """
            {"reason":"the carrier fixed its routing (ticket 4713)","confirmDuplicateRisk":false}
            """;

    static final String RETRIED = """
            {"retryId":"0b7d3a52-6c1e-4f0a-9d2b-5e8f7a6c4b3d","messageId":"c8250d7c-b692-4765-9e2f-e56338af648d",
             "state":"QUEUED","attempts":3,"previousError":"SMSC refused: 0x0000000B invalid destination",
             "operator":"operator1","reason":"the carrier fixed its routing (ticket 4713)",
             "duplicateRiskConfirmed":false,"retriedAt":"2026-11-29T10:00:00Z"}
            """;

    static final String ATTEMPTS = """
            [{"attempt":1,"instance":"notification-service-7f9c","startedAt":"2026-11-28T23:25:29.401Z",
              "endedAt":"2026-11-28T23:25:29.426Z","outcome":"SUBMITTED","smscMessageId":"6b0b629f00000001"}]
            """;

    static final String COUNTS = """
            {"QUEUED":0,"SENDING":1,"SUBMITTED":3,"DELIVERED":1520,"FAILED":2,"EXPIRED":0}
            """;

    private OpenApiExamples() {}
}
