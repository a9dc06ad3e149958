package vn.gov.eid.dossier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Without a key-encryption key (EID_DATA_KEYS) the service does not start, and says which setting is missing. */
@QuarkusMainTest
@TestProfile(NoDataKeysStartTest.NoDataKeys.class)
class NoDataKeysStartTest {

    /** The test configuration without eid.data.keys. */
    public static class NoDataKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.eid.data.keys", "");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(EndOnceStarted.class);
        }
    }

    /**
     * Ends a start that got through (exit code 0, so the test fails instead of waiting for an application that would
     * run forever); only in this test's profile.
     */
    @Alternative
    @ApplicationScoped
    public static class EndOnceStarted {
        void end(@Observes @Priority(Integer.MAX_VALUE) StartupEvent start) {
            Quarkus.asyncExit(0);
        }
    }

    @Test
    @Launch(
            value = {},
            exitCode = 1)
    void withoutKeysTheServiceRefusesToStartNamingTheSetting(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("eid.data.keys (env EID_DATA_KEYS) is not set"), output);
    }
}
