package vn.gov.eid.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica test's client-side balancer: round-robin, past replicas that do not answer, within its time. */
class BalancerTest {

    @Test
    void requestsGoRoundRobin() {
        Balancer b = new Balancer("svc", List.of("a", "b"), Duration.ofSeconds(5));
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            b.call("probe", url -> {
                asked.add(url);
                return answer(200);
            });
        }
        assertEquals(List.of("a", "b", "a", "b"), asked);
        assertEquals(0, b.skipped());
    }

    @Test
    void aReplicaThatRefusesOrIsUnavailableIsSkippedButAnErrorIsAnAnswer() {
        Balancer b = new Balancer("svc", List.of("dead", "busy", "live"), Duration.ofSeconds(5));
        Map<String, Integer> status = Map.of("busy", 503, "live", 409);
        Response r = b.call("probe", url -> {
            if (url.equals("dead")) {
                sneaky(new ConnectException("Connection refused"));
            }
            return answer(status.get(url));
        });
        assertEquals(409, r.statusCode(), "a 4xx is the service's answer, not a reason to ask another replica");
        assertEquals(2, b.skipped());
    }

    @Test
    void noAnswerWithinTheTimeIsAnErrorNamingTheLastFailure() {
        Balancer b = new Balancer("svc", List.of("a", "b"), Duration.ofMillis(300));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.call("probe", url -> answer(502)));
        assertTrue(e.getMessage().contains("answered 502"), e.getMessage());
    }

    private static Response answer(int status) {
        return new ResponseBuilder().setStatusCode(status).setBody("").build();
    }

    /** RestAssured throws the IOException of a refused connection undeclared; so does this. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
