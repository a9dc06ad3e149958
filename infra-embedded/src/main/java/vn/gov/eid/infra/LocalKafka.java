package vn.gov.eid.infra;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka 4.x broker (KRaft, combined broker + controller, one node) inside this JVM, for tests
 * and the local run on machines without Docker. It listens on loopback on a free port.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static LocalKafka start() throws Exception {
        return start(0);
    }

    /**
     * Starts a broker that tells clients to connect to {@code advertisedPort} on localhost (a proxy in front of
     * it, see {@link #boundClientPort()}); 0 advertises the port it listens on.
     */
    public static LocalKafka start(int advertisedPort) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        java.util.Map<String, String> extraConfig = advertisedPort == 0
                ? java.util.Map.of()
                : java.util.Map.of(
                        "advertised.listeners", nodes.brokerListenerName().value() + "://localhost:" + advertisedPort);
        KafkaClusterTestKit.Builder builder = builder(nodes).setConfigProp("auto.create.topics.enable", "true");
        extraConfig.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new LocalKafka(cluster);
    }

    /** Settings both kinds of broker share. */
    private static KafkaClusterTestKit.Builder builder(TestKitNodes nodes) {
        // The broker halts the JVM on fatal errors (e.g. its temp log folder removed by a shutdown hook while it
        // stops). Inside a test JVM or the launcher that would kill the host process, so it only logs.
        org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) ->
                System.err.println("embedded Kafka broker asked to halt (" + code + "): " + message));
        org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) ->
                System.err.println("embedded Kafka broker asked to exit (" + code + "): " + message));
        return new KafkaClusterTestKit.Builder(nodes)
                // A single node: internal topics cannot have more replicas than that.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", "3");
    }

    /** User name and password of the in-JVM broker's own SASL/PLAIN super user (set by the test kit). */
    public static final String ADMIN_USER = "plain-admin";

    public static final String ADMIN_PASSWORD = "plain-admin-secret";

    /**
     * Starts a broker that authenticates every client (SASL_PLAINTEXT with SCRAM-SHA-512 for the services, PLAIN for
     * its admin) and authorises with the StandardAuthorizer: a principal without an ACL may do nothing.
     */
    public static LocalKafka startSecured() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBrokerSecurityProtocol(org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT)
                .setControllerSecurityProtocol(org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT)
                .build();
        String listener = nodes.brokerListenerName().value().toLowerCase();
        KafkaClusterTestKit cluster = builder(nodes)
                // topics are created by the operator (see BrokerAccess), never by a client
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                .setConfigProp(
                        "listener.name." + listener + ".scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new LocalKafka(cluster);
    }

    /** Client settings of a SCRAM-SHA-512 user of a {@link #startSecured()} broker. */
    public java.util.Properties scramClient(String user, String password) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", scramJaasConfig(user, password));
        return p;
    }

    /** The {@code sasl.jaas.config} client setting of a SCRAM user (KAFKA_SASL_JAAS_CONFIG of a service). */
    public static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Client settings of the broker's PLAIN super user (creates users, topics and ACLs). */
    public java.util.Properties adminClient() {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN_USER
                        + "\" password=\"" + ADMIN_PASSWORD + "\";");
        return p;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The port the broker really listens on for clients (differs from the advertised one behind a proxy). */
    public int boundClientPort() {
        var broker = cluster.brokers().values().iterator().next();
        return broker.socketServer().boundPort(cluster.nodes().brokerListenerName());
    }

    /**
     * Stops the broker and, after {@code downtime}, starts it again on the same port and log directories, as an
     * operator's restart would: clients lose their connections, partition leaders and coordinators go away and come
     * back. Topics, SASL users and ACLs live in the metadata log and survive; the co-located controller keeps running
     * (it is the broker that clients talk to). Returns once the broker serves clients again.
     */
    public void restartBroker(java.time.Duration downtime) throws Exception {
        kafka.server.BrokerServer broker = cluster.brokers().values().iterator().next();
        broker.shutdown();
        broker.awaitShutdown();
        // an outage of some length, so that clients notice it (retries, reconnects) rather than a blip
        Thread.sleep(downtime.toMillis());
        broker.startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
