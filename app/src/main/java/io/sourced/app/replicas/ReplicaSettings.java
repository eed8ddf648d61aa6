package io.sourced.app.replicas;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this process takes part among the replicas on one database.
 *
 * @param name             this replica's name, the owner of its token claims; unique among the replicas (two
 *                         processes with one name would both think they hold the same segments). Empty: the host
 *                         name and the process id
 * @param heartbeat        how often the replica says it is alive
 * @param timeout          how long a silent replica counts as alive
 * @param claimTimeout     how long a segment's claim outlives a replica that stopped renewing it (a killed one)
 * @param balanceInterval  how often the replica gives up segments beyond its fair share
 */
@ConfigurationProperties("sourced.replica")
public record ReplicaSettings(
        String name, Duration heartbeat, Duration timeout, Duration claimTimeout, Duration balanceInterval) {

    public ReplicaSettings {
        name = name == null || name.isBlank() ? defaultName() : name.strip();
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        balanceInterval = balanceInterval == null ? Duration.ofSeconds(5) : balanceInterval;
    }

    /** Axon's own default owner is "pid@host"; host first reads better in a list of replicas. */
    public static String defaultName() {
        String[] pidAtHost = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
        return pidAtHost.length == 2 ? pidAtHost[1] + "-" + pidAtHost[0] : pidAtHost[0];
    }
}
