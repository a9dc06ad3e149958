package vn.gov.eid.notification.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads only the JSON literals {@code true} and {@code false} (null stays null). Jackson would also take {@code 1},
 * {@code "true"} or {@code "TRUE"}; a confirmation that the citizen may get an SMS twice has to be said plainly.
 * Anything else is Jackson's mismatch, which the platform answers with 400 naming the field.
 */
public class StrictBoolean extends StdDeserializer<Boolean> {

    public StrictBoolean() {
        super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
        };
    }
}
