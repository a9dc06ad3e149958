package vn.gov.eid.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The body of POST /api/faults read into fault modes, without a server. */
class SimulatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyBodyMeansNoFaults() throws Exception {
        FaultModes modes = SimulatorHttp.faultModes(json("{}"));
        assertEquals(new FaultModes(0, 0, 0x0b, 0, 0, 0, false, "DELIVRD"), modes, "reject status defaults to 11");
    }

    @Test
    void everyMemberIsRead() throws Exception {
        FaultModes modes = SimulatorHttp.faultModes(json("""
                {"throttle": 2, "reject": -1, "rejectStatus": 69, "dropConnection": 1, "dropConnectionAfterAccept": 3,
                 "receiptDelayMs": 5000,
                 "withholdReceipts": true, "receiptStat": "UNDELIV", "dropConnectionsNow": true}"""));
        assertEquals(new FaultModes(2, FaultModes.ALWAYS, 69, 1, 3, 5000, true, "UNDELIV"), modes);
    }

    @Test
    void anUnknownReceiptStateOrANegativeDelayIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> SimulatorHttp.faultModes(json("{\"receiptStat\":\"NOPE\"}")));
        assertThrows(IllegalArgumentException.class, () -> SimulatorHttp.faultModes(json("{\"receiptDelayMs\":-1}")));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
