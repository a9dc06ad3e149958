package vn.gov.eid.platform.instance;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which replica of a service this process is: names its leases (who holds a claim) and its Kafka transactional id.
 *
 * <p>Set {@code EID_INSTANCE_ID} (eid.instance-id) to something stable per replica when replicas share a host (a
 * StatefulSet's pod name, a compose service name); otherwise the host name and process id: stable across a container
 * restart (the process is pid 1 there), distinct for two processes on one host.
 */
@ApplicationScoped
public class InstanceId {

    /** Longest id: it goes into lease columns (varchar 100) and a transactional id. */
    static final int MAX_LENGTH = 64;

    private final String id;

    InstanceId(@ConfigProperty(name = "eid.instance-id") Optional<String> configured) {
        this.id = of(configured.filter(s -> !s.isBlank()).orElseGet(InstanceId::hostAndPid));
    }

    /** This replica's id: letters, digits, '.', '_' and '-' only, at most 64 characters. */
    public String get() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    static String of(String raw) {
        String clean = raw.replaceAll("[^A-Za-z0-9._-]", "-");
        if (clean.isEmpty()) {
            throw new IllegalStateException("eid.instance-id is empty");
        }
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH);
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "host");
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
