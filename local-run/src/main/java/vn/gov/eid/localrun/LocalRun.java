package vn.gov.eid.localrun;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Entry point of run-local.sh: starts the whole system, prints where everything is, stops it on Ctrl-C. */
public final class LocalRun {

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = root.resolve(".local-run");
        System.out.println(
                "starting PostgreSQL, Kafka, the SMSC simulator and the three services (work folder " + work + ") ...");
        // EID_LOCAL_REPLICAS=2 runs two processes of each service (further replicas on the default ports + 100)
        int replicas = Integer.parseInt(System.getenv().getOrDefault("EID_LOCAL_REPLICAS", "1"));
        LocalSystem system = LocalSystem.start(new LocalSystem.Options(root, work, true, System.getenv(), replicas));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nstopping ...");
                            system.close();
                            stopped.countDown();
                        },
                        "local-run-stop"));
        System.out.println(system.describe());
        stopped.await();
    }
}
