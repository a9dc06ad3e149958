package vn.gov.eid.platform.signing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a CloudEvent that its signature covers (CloudEvents verifiability extension, DSSE v0.1): the context
 * attributes, the data as sent, and the signed extension attributes in signing order. A missing attribute is null.
 */
public record SignedFields(
        String id,
        String source,
        String specversion,
        String type,
        String datacontenttype,
        String dataschema,
        String subject,
        String time,
        byte[] data,
        Map<String, String> extensions) {

    public SignedFields {
        extensions =
                extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        data = data == null ? new byte[0] : data;
    }
}
