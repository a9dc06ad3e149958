package vn.gov.eid.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * The broker's access rules as written in deploy/kafka/access.conf (the file docker compose's setup script reads):
 * the topics to create and, per principal, what it may do. {@link #apply} makes a broker run exactly these rules.
 */
public final class BrokerAccess {

    /** One ALLOW rule: principal (a user name), operation, resource. */
    public record Grant(String principal, AclOperation operation, ResourcePattern resource) {}

    private final List<String> topics;
    private final List<Grant> grants;

    private BrokerAccess(List<String> topics, List<Grant> grants) {
        this.topics = List.copyOf(topics);
        this.grants = List.copyOf(grants);
    }

    public static BrokerAccess read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static BrokerAccess parse(List<String> lines) {
        List<String> topics = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f[0].equals("topic") && f.length == 2) {
                topics.add(f[1]);
            } else if (f[0].equals("allow") && (f.length == 5 || (f.length == 6 && f[5].equals("prefixed")))) {
                AclOperation operation = SecurityUtils.operation(f[2]);
                ResourceType type = SecurityUtils.resourceType(f[3]);
                if (operation == AclOperation.UNKNOWN || type == ResourceType.UNKNOWN) {
                    throw new IllegalArgumentException("access rules line " + n + ": unknown operation or resource");
                }
                PatternType pattern = f.length == 6 ? PatternType.PREFIXED : PatternType.LITERAL;
                grants.add(new Grant(f[1], operation, new ResourcePattern(type, f[4], pattern)));
            } else {
                throw new IllegalArgumentException("access rules line " + n + " is neither 'topic NAME' nor 'allow"
                        + " PRINCIPAL OPERATION RESOURCE NAME [prefixed]': " + line);
            }
        }
        return new BrokerAccess(topics, grants);
    }

    public List<String> topics() {
        return topics;
    }

    public List<Grant> grants() {
        return grants;
    }

    /** Every principal that some rule names, in the order of the file. */
    public Set<String> principals() {
        Set<String> out = new LinkedHashSet<>();
        grants.forEach(g -> out.add(g.principal()));
        return out;
    }

    /**
     * Creates a SCRAM-SHA-512 user per principal with the given password, the topics, and the ACLs, on a broker
     * reached as its super user, and waits until the broker enforces all of them.
     */
    public void apply(Admin admin, Map<String, String> passwords, int partitions) throws Exception {
        ScramCredentialInfo scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096);
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String principal : principals()) {
            String password = passwords.get(principal);
            if (password == null) {
                throw new IllegalArgumentException("no password for principal " + principal);
            }
            users.add(new UserScramCredentialUpsertion(principal, scram, password));
        }
        admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream()
                .filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, partitions, (short) 1))
                .toList();
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        List<AclBinding> acls = grants.stream()
                .map(g -> new AclBinding(
                        g.resource(),
                        new AccessControlEntry("User:" + g.principal(), "*", g.operation(), AclPermissionType.ALLOW)))
                .toList();
        admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        // ACLs reach the authorizer through the metadata log: wait until the broker lists them all
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!admin.describeAcls(AclBindingFilter.ANY)
                .values()
                .get(30, TimeUnit.SECONDS)
                .containsAll(acls)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not apply the ACLs within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
