package io.payreports.config;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;

/**
 * Clustered scheduling: Quartz keeps its triggers in the PostgreSQL state database and the nodes agree
 * through it, so each trigger fires on one node only, and a node that dies hands its jobs to the others
 * after {@code checkin-interval}. The jobs are Camel's stateful ones, never run twice at the same time.
 */
final class QuartzCluster {

    private QuartzCluster() {}

    static void configure(
            CamelContext context,
            String stateJdbcUrl,
            Duration checkinInterval,
            PayreportsSettings.KeyLocator locator) {
        if (!stateJdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(List.of(locator.problem(
                    "payreports.cluster.enabled",
                    "clustering needs the state database on PostgreSQL (payreports.state.jdbc-url), not "
                            + stateJdbcUrl.split(":")[1])));
        }
        Properties quartz = new Properties();
        // every node must use the same scheduler name: it is the cluster's name in the tables
        quartz.setProperty("org.quartz.scheduler.instanceName", "payreports");
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.threadPool.threadCount", "4");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", "state");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval.toMillis()));
        quartz.setProperty("org.quartz.dataSource.state.provider", "hikaricp");
        quartz.setProperty("org.quartz.dataSource.state.driver", "org.postgresql.Driver");
        quartz.setProperty("org.quartz.dataSource.state.URL", stateJdbcUrl);
        quartz.setProperty("org.quartz.dataSource.state.maxConnections", "4");
        context.getComponent("quartz", QuartzComponent.class).setProperties(quartz);
    }
}
