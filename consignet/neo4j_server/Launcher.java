// Starts the project's own Neo4j Community DBMS (embedded in this JVM) and serves Bolt on loopback.
//
// Run as a single source file, no build step:
//   java -Xmx1g --add-opens=... -cp "$(cat classpath.txt)" Launcher.java \
//        --home DIR --port 7687 --pagecache 512m [--exit-with-pid PID] [--wait-seconds 300]
// manager.py does this. It prints one "CONSIGNET_NEO4J_READY <uri>" line once the default
// database is available and stops the DBMS cleanly on SIGTERM (shutdown hook).

import inet.ipaddr.IPAddressString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Launcher {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(require(opts, "home")).toAbsolutePath().normalize();
        int port = Integer.parseInt(require(opts, "port"));
        long pagecache = ByteUnit.parse(opts.getOrDefault("pagecache", "512m"));
        int waitSeconds = Integer.parseInt(opts.getOrDefault("wait-seconds", "300"));

        // An empty folder we own; file URLs are switched off anyway (see below), this is belt and braces.
        Path importDir = home.resolve("import-disabled");
        Files.createDirectories(importDir);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                // Loopback only: the server runs without auth, so it must not be reachable from the network.
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                // Analysts can run raw Cypher: LOAD CSV must not read local files ...
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                // ... nor fetch http/https/ftp URLs: block every IPv4 and IPv6 address. Neo4j checks this
                // list on the resolved IP of each request and of every redirect hop. 5.26 only has it as
                // an internal setting (there is no public switch to turn web URLs off).
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                // Bolt waits this many seconds of quiet, twice, after the databases are already checkpointed
                // and closed; 5 s by default makes every stop take 10 s longer for nothing.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("CONSIGNET_NEO4J_STOPPING");
            System.out.flush();
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
            System.out.println("CONSIGNET_NEO4J_STOPPED");
            System.out.flush();
        }, "consignet-neo4j-shutdown"));

        // Test runs pass their own pid: if pytest is killed, the DBMS shuts down instead of lingering.
        String watched = opts.get("exit-with-pid");
        if (watched != null) {
            long parent = Long.parseLong(watched);
            Thread watchdog = new Thread(() -> {
                while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.out.println("CONSIGNET_NEO4J_PARENT_GONE pid " + parent);
                System.exit(0); // runs the shutdown hook
            }, "consignet-neo4j-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        boolean ready = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                .isAvailable(waitSeconds * 1000L);
        if (!ready) {
            System.err.println("CONSIGNET_NEO4J_FAILED database did not become available in " + waitSeconds + " s");
            System.exit(3);
        }
        System.out.println("CONSIGNET_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            System.err.println("missing --" + name);
            System.exit(2);
        }
        return value;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("unexpected argument " + args[i]);
                System.exit(2);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
