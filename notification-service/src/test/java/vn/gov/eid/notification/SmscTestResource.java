package vn.gov.eid.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import vn.gov.eid.smsc.SmscSimulator;

/** Starts the SMSC simulator on a free port and points the service at it, with short timings for tests. */
public class SmscTestResource implements QuarkusTestResourceLifecycleManager {

    static final String SYSTEM_ID = "eid-test";
    static final String PASSWORD = "smpp-tst";
    public static SmscSimulator smsc;

    @Override
    public Map<String, String> start() {
        smsc = SmscSimulator.start(0, 0, SYSTEM_ID, PASSWORD);
        return Map.ofEntries(
                Map.entry("eid.sms.smpp.host", "localhost"),
                Map.entry("eid.sms.smpp.port", String.valueOf(smsc.smppPort())),
                Map.entry("eid.sms.smpp.system-id", SYSTEM_ID),
                Map.entry("eid.sms.smpp.password", PASSWORD),
                Map.entry("eid.sms.smpp.response-timeout", "2s"),
                Map.entry("eid.sms.smpp.rebind-initial", "100ms"),
                Map.entry("eid.sms.smpp.rebind-max", "1s"),
                Map.entry("eid.sms.poll-interval", "200ms"),
                Map.entry("eid.sms.backoff-initial", "100ms"),
                Map.entry("eid.sms.backoff-max", "400ms"),
                Map.entry("eid.sms.max-attempts", "3"),
                Map.entry("eid.sms.max-per-second", "200"));
    }

    @Override
    public void stop() {
        if (smsc != null) {
            smsc.close();
        }
    }
}
