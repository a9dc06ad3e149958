package vn.gov.eid.dossier.rest;

/** Example bodies shown in the OpenAPI document (Swagger UI) for each endpoint. */
final class OpenApiExamples {
    static final String SUBMIT = """
            {"type":"ISSUE",
             "applicant":{"personalIdNumber":"001203012345","fullName":"Nguyen Van An","dateOfBirth":"2003-05-14",
                          "sex":"MALE","placeOfBirthRegistration":"Phuong Hang Bac, Ha Noi","nativePlace":"Nam Dinh",
                          "ethnicity":"Kinh","religion":"None","nationality":"Viet Nam","maritalStatus":"SINGLE",
                          "permanentAddress":"12 Hang Bac, Hoan Kiem, Ha Noi","currentAddress":"12 Hang Bac, Hoan Kiem, Ha Noi",
                          "occupation":"Student",
                          "father":{"fullName":"Nguyen Van Binh","personalIdNumber":"001075004321","nationality":"Viet Nam"},
                          "mother":{"fullName":"Tran Thi Cuc","nationality":"Viet Nam"},
                          "householder":{"fullName":"Nguyen Van Binh","personalIdNumber":"001075004321","relationship":"FATHER"}},
             "eidRegistration":{"phoneNumber":"0912345678","email":"an@example.vn",
                                "dependents":[],
                                "integratedDocuments":[{"type":"HEALTH_INSURANCE","number":"DN4010123456789",
                                                        "issueDate":"2025-01-01","expiryDate":"2026-12-31",
                                                        "originalVerified":true}]}}
            """;

    static final String EXCHANGE = """
            {"type":"EXCHANGE","exchangeReason":"AGE_MILESTONE","currentCardNumber":"001099001234",
             "applicant":{"personalIdNumber":"001099001234","fullName":"Le Thi Hoa","dateOfBirth":"1999-03-02","sex":"FEMALE"}}
            """;

    static final String DOSSIER = """
            {"id":"7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f","type":"ISSUE","status":"SUBMITTED","version":0,
             "applicant":{"personalIdNumber":"001203012345","fullName":"Nguyen Van An","dateOfBirth":"2003-05-14","sex":"MALE"},
             "eidRegistered":true,
             "eidRegistration":{"phoneMasked":"+84******678","email":"an@example.vn","dependents":[],"integratedDocuments":[]},
             "biometricsCaptured":false,"createdBy":"officer1",
             "createdAt":"2026-11-28T10:00:00Z","updatedAt":"2026-11-28T10:00:00Z"}
            """;

    static final String TRANSITION = """
            {"action":"START_REVIEW","note":"originals compared"}
            """;

    static final String REJECT = """
            {"action":"REJECT","note":"the portrait does not match the applicant"}
            """;

    static final String BIOMETRICS = """
            {"portrait":"/9j/4AAQSkZJRgABAQAAAQABAAD...(base64 JPEG, at least 240x320)",
             "fingerprints":[{"finger":"RIGHT_INDEX","quality":82,"template":"UklHSFRfSU5ERVg="},
                             {"finger":"LEFT_INDEX","quality":77,"template":"TEVGVF9JTkRFWA=="}]}
            """;

    static final String BIOMETRICS_SUMMARY = """
            {"dossierId":"7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f","portraitBytes":3120,"portraitWidth":240,
             "portraitHeight":320,"fingerprints":[{"finger":"RIGHT_INDEX","quality":82},{"finger":"LEFT_INDEX","quality":77}],
             "capturedBy":"officer1","capturedAt":"2026-11-28T10:05:00Z"}
            """;

    static final String BIOMETRICS_PURGED_PROBLEM = """
            {"type":"urn:vn-eid:problem:biometrics-purged","title":"Biometrics deleted","status":404,
             "detail":"The biometrics of this closed dossier were deleted at the end of their retention period",
             "instance":"/api/v1/dossiers/7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f/biometrics",
             "purgedAt":"2026-12-28T10:00:00Z"}
            """;

    static final String HISTORY = """
            [{"actor":"officer1","at":"2026-11-28T10:00:00Z","action":"SUBMIT","to":"SUBMITTED"},
             {"actor":"officer1","at":"2026-11-28T10:04:00Z","action":"START_REVIEW","from":"SUBMITTED","to":"IN_REVIEW",
              "note":"originals compared"}]
            """;

    static final String PAGE = """
            {"items":[{"id":"7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f","type":"ISSUE","status":"IN_REVIEW","version":1,
                       "applicant":{"personalIdNumber":"001203012345","fullName":"Nguyen Van An","dateOfBirth":"2003-05-14","sex":"MALE"},
                       "eidRegistered":true,"createdAt":"2026-11-28T10:00:00Z","updatedAt":"2026-11-28T10:04:00Z"}],
             "page":0,"size":20,"total":1}
            """;

    static final String LOOKUP = """
            {"items":[{"id":"7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f","type":"ISSUE","status":"COMPLETED","version":4,
                       "applicant":{"personalIdNumber":"001203012345","fullName":"Nguyen Van An","dateOfBirth":"2003-05-14",
                                    "sex":"MALE","nationality":"Viet Nam"},
                       "eidRegistered":true,"createdAt":"2026-11-28T10:00:00Z","updatedAt":"2026-12-02T09:30:00Z"}]}
            """;

    static final String PURPOSE_PROBLEM = """
            {"type":"urn:vn-eid:problem:validation","title":"Invalid request","status":400,"detail":"1 field(s) are invalid",
             "instance":"/api/v1/dossiers/by-personal-id/001203012345",
             "violations":[{"field":"X-Purpose",
                            "message":"is required: why the person is looked up, 1 to 200 printable ASCII characters"}]}
            """;

    static final String QUOTA_PROBLEM = """
            {"type":"urn:vn-eid:problem:lookup-quota-exceeded","title":"Lookup quota used up","status":429,
             "detail":"at most 60 lookups per 60 s per client; retry after 17 s",
             "instance":"/api/v1/dossiers/by-personal-id/001203012345"}
            """;

    static final String VALIDATION_PROBLEM = """
            {"type":"urn:vn-eid:problem:validation","title":"Invalid request","status":400,"detail":"1 field(s) are invalid",
             "instance":"/api/v1/dossiers",
             "violations":[{"field":"applicant.personalIdNumber",
                            "message":"rule CENTURY_SEX_DIGIT: the 4th digit is 3 but a MALE born in 2003 has 2"}]}
            """;

    static final String OPEN_DOSSIER_PROBLEM = """
            {"type":"urn:vn-eid:problem:open-dossier-exists","title":"This person already has an open dossier","status":409,
             "detail":"Finish or reject the open dossier before submitting a new one","instance":"/api/v1/dossiers",
             "openDossierId":"7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f"}
            """;

    static final String TRANSITION_PROBLEM = """
            {"type":"urn:vn-eid:problem:transition-not-allowed","title":"Action not allowed in the current state",
             "status":409,"detail":"APPROVE is not allowed when the dossier is SUBMITTED",
             "instance":"/api/v1/dossiers/7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f/transitions",
             "dossierStatus":"SUBMITTED","allowedActions":["START_REVIEW","REJECT"]}
            """;

    static final String STALE_PROBLEM = """
            {"type":"urn:vn-eid:problem:stale-dossier","title":"Dossier changed meanwhile","status":412,
             "detail":"The dossier was modified since you read it; reload it and try again",
             "instance":"/api/v1/dossiers/7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f/transitions","currentVersion":2}
            """;

    private OpenApiExamples() {}
}
