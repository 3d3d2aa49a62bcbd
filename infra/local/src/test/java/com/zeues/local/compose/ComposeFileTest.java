package com.zeues.local.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} at the root, checked without a Docker engine (the machines here have none) against
 * what it runs: the official Kafka image at the version of the Kafka clients the build uses, one KRaft quorum, the
 * replication settings, the start order, the Dockerfiles and the jars they copy, the ports, and every environment
 * variable set on a service against the names its application actually binds ({@link AppConfiguration}, read from
 * the sources, so renaming a property without the compose file fails here).
 *
 * <p>The file is read with SnakeYAML, which resolves anchors and merge keys ({@code <<: *x}) as Docker Compose does.
 * {@code -Dzeues.compose.root=<dir>} checks another checkout.
 */
class ComposeFileTest {

    /** Variables of the apache/kafka image that are not broker settings (its kafka-propertiesSpec.json excludes). */
    private static final Set<String> KAFKA_IMAGE_NON_SETTINGS = Set.of("KAFKA_VERSION", "KAFKA_HEAP_OPT",
            "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL");
    private static final Pattern KAFKA_SINGLE_UNDERSCORE = Pattern.compile("[^_]_[^_]");
    private static final Pattern TEMURIN_17_JRE = Pattern.compile(
            "eclipse-temurin:17\\.\\d+\\.\\d+(\\.\\d+)?_\\d+-jre-[a-z]+");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|CREDENTIALS_JSON).*");

    private static final String OCCUPATION = "services/occupation-service";
    private static final String CONNECTOR = "services/sheets-connector";
    private static final String EMULATOR = "infra/sheets-emulator";

    private static Path root;
    private static Map<String, Map<String, Object>> services;
    private static final Map<Path, AppConfiguration> apps = new HashMap<>();

    @BeforeAll
    static void load() {
        root = findRoot();
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(AppConfiguration.read(root.resolve("docker-compose.yml")));
        Map<String, Object> compose = map(parsed, "docker-compose.yml");
        services = new LinkedHashMap<>();
        map(compose.get("services"), "services").forEach((name, def) -> services.put(name, map(def, name)));
    }

    // ---- what runs ------------------------------------------------------------------------------------------------

    @Test
    void runsThreeKafkaNodesOnTheClientsVersionAndTheFourApplications() {
        assertThat(services.keySet()).containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "sheets-emulator",
                "sheets-connector", "occupation-service-1", "occupation-service-2");
        String kafkaImage = "apache/kafka:" + AppInfoParser.getVersion();
        for (String node : kafkaNodes()) {
            assertThat(services.get(node).get("image")).as("%s: the official image, the build's Kafka version", node)
                    .isEqualTo(kafkaImage);
        }
        assertThat(kafkaNodes()).hasSize(3);
        assertThat(buildContext("sheets-emulator")).hasValue(root.resolve(EMULATOR));
        assertThat(buildContext("sheets-connector")).hasValue(root.resolve(CONNECTOR));
        assertThat(buildContext("occupation-service-1")).hasValue(root.resolve(OCCUPATION));
        assertThat(buildContext("occupation-service-2")).hasValue(root.resolve(OCCUPATION));
    }

    // ---- Kafka --------------------------------------------------------------------------------------------------

    @Test
    void theKafkaNodesFormOneKraftQuorum() {
        Map<Integer, String> nodeIds = new TreeMap<>();
        Set<String> clusterIds = new HashSet<>();
        Set<String> voterLists = new HashSet<>();
        Set<String> dataVolumes = new HashSet<>();
        for (String node : kafkaNodes()) {
            Map<String, String> p = brokerProperties(node);
            assertThat(p.get("process.roles")).as(node).isEqualTo("broker,controller");
            int id = Integer.parseInt(p.get("node.id"));
            assertThat(nodeIds.put(id, node)).as("node.id %s used twice", id).isNull();
            clusterIds.add(environment(node).get("CLUSTER_ID"));
            voterLists.add(p.get("controller.quorum.voters"));

            Map<String, Listener> listeners = listeners(p.get("listeners"));
            Map<String, Listener> advertised = listeners(p.get("advertised.listeners"));
            String controller = p.get("controller.listener.names");
            String interBroker = p.get("inter.broker.listener.name");
            Set<String> mapped = new HashSet<>();
            for (String entry : p.get("listener.security.protocol.map").split(",")) {
                mapped.add(entry.trim().split(":")[0]);
            }
            assertThat(mapped).as("%s: a security protocol for every listener", node)
                    .containsAll(listeners.keySet());
            assertThat(listeners).as(node).containsKeys(controller, interBroker);
            assertThat(interBroker).as(node).isNotEqualTo(controller);
            assertThat(advertised).as("%s: the controller listener is never advertised", node)
                    .doesNotContainKey(controller);
            assertThat(advertised.keySet()).as("%s: every client listener is advertised", node)
                    .isEqualTo(without(listeners.keySet(), controller));
            Listener internal = advertised.get(interBroker);
            assertThat(names(node)).as("%s: the inter-broker listener is advertised under the node's own name", node)
                    .contains(internal.host());
            assertThat(internal.port()).as(node).isEqualTo(listeners.get(interBroker).port());

            String logDirs = p.get("log.dirs");
            assertThat(logDirs).as("%s: log.dirs", node).isNotBlank().doesNotContain(",");
            String volume = volumeMountedAt(node, logDirs)
                    .orElseThrow(() -> new AssertionError(node + ": no named volume on log.dirs " + logDirs));
            assertThat(dataVolumes.add(volume)).as("%s: a data volume of its own", node).isTrue();
        }
        assertThat(nodeIds.keySet()).as("node ids").hasSize(kafkaNodes().size());

        assertThat(clusterIds).as("one CLUSTER_ID for the whole cluster").hasSize(1);
        String clusterId = clusterIds.iterator().next();
        assertThat(clusterId).as("CLUSTER_ID").isNotNull();
        assertThat(Uuid.fromString(clusterId)).as("CLUSTER_ID is a Kafka Uuid").isNotEqualTo(Uuid.ZERO_UUID);

        assertThat(voterLists).as("controller.quorum.voters, the same on every node").hasSize(1);
        Map<Integer, String> voters = new TreeMap<>();
        for (String voter : voterLists.iterator().next().split(",")) {
            Matcher m = Pattern.compile("(\\d+)@([^:]+):(\\d+)").matcher(voter.trim());
            assertThat(m.matches()).as("voter %s", voter).isTrue();
            int id = Integer.parseInt(m.group(1));
            String node = nodeIds.get(id);
            assertThat(node).as("voter %s is a node of this file", voter).isNotNull();
            assertThat(names(node)).as("voter %s names node %s", voter, id).contains(m.group(2));
            Map<String, String> p = brokerProperties(node);
            Listener controllerListener = listeners(p.get("listeners")).get(p.get("controller.listener.names"));
            assertThat(Integer.parseInt(m.group(3))).as("voter %s: the node's controller port", voter)
                    .isEqualTo(controllerListener.port());
            voters.put(id, node);
        }
        assertThat(voters).as("every node votes").isEqualTo(nodeIds);
    }

    @Test
    void everythingIsReplicatedThreeTimesAndWrittenToTwo() {
        int nodes = kafkaNodes().size();
        for (String node : kafkaNodes()) {
            Map<String, String> p = brokerProperties(node);
            assertThat(p).as(node)
                    .containsEntry("default.replication.factor", String.valueOf(nodes))
                    .containsEntry("min.insync.replicas", "2")
                    .containsEntry("offsets.topic.replication.factor", String.valueOf(nodes))
                    .containsEntry("transaction.state.log.replication.factor", String.valueOf(nodes))
                    .containsEntry("transaction.state.log.min.isr", "2")
                    .containsEntry("auto.create.topics.enable", "false")
                    .containsEntry("group.initial.rebalance.delay.ms", "0");
            p.keySet().forEach(k -> assertThat(k).as("%s: a broker setting name", node).matches("[a-z0-9._-]+"));
        }
        // the services create the topics (and Kafka Streams its internal ones) with zeues.topics.replication
        for (String service : builtServices()) {
            if (app(service).properties().contains("zeues.topics.replication")) {
                assertThat(property(service, "zeues.topics.replication"))
                        .as("%s: zeues.topics.replication", service).isEqualTo(String.valueOf(nodes));
            }
        }
    }

    @Test
    void eachNodesHostListenerIsPublishedWhereItIsAdvertised() {
        Set<Integer> hostPorts = new HashSet<>();
        for (String node : kafkaNodes()) {
            Map<String, String> p = brokerProperties(node);
            Map<String, Listener> listeners = listeners(p.get("listeners"));
            Map<String, Listener> advertised = listeners(p.get("advertised.listeners"));
            advertised.remove(p.get("inter.broker.listener.name"));
            assertThat(advertised).as("%s: one listener for clients on the host", node).hasSize(1);
            Map.Entry<String, Listener> host = advertised.entrySet().iterator().next();
            List<Port> ports = ports(node);
            assertThat(ports).as("%s: published ports", node).hasSize(1);
            Port port = ports.get(0);
            assertThat(port.container()).as(node).isEqualTo(listeners.get(host.getKey()).port());
            assertThat(port.host()).as("%s: the advertised port is the published one", node)
                    .isEqualTo(host.getValue().port());
            assertThat(host.getValue().host()).as(node).isIn("localhost", "127.0.0.1");
            assertThat(hostPorts.add(port.host())).as("host port %s used twice", port.host()).isTrue();
        }
    }

    @Test
    void theServicesReachEveryBrokerOnItsInternalListener() {
        Map<String, Integer> internal = new TreeMap<>();
        for (String node : kafkaNodes()) {
            Map<String, String> p = brokerProperties(node);
            Listener listener = listeners(p.get("advertised.listeners")).get(p.get("inter.broker.listener.name"));
            internal.put(listener.host(), listener.port());
        }
        for (String service : builtServices()) {
            if (!app(service).environmentNames().contains("KAFKA_BOOTSTRAP_SERVERS")) {
                continue;
            }
            String bootstrap = effectiveEnvironment(service).get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap).as("%s: KAFKA_BOOTSTRAP_SERVERS", service).isNotBlank();
            Map<String, Integer> named = new TreeMap<>();
            for (String server : bootstrap.split(",")) {
                String[] hp = server.trim().split(":");
                assertThat(hp).as("%s: %s is host:port", service, server).hasSize(2);
                named.put(hp[0], Integer.parseInt(hp[1]));
            }
            assertThat(named).as("%s: every broker of this file, on its internal listener", service)
                    .isEqualTo(internal);
            for (String node : kafkaNodes()) {
                assertThat(dependsOn(service)).as("%s waits for %s", service, node).containsKey(node);
            }
        }
    }

    // ---- start order and health ---------------------------------------------------------------------------

    @Test
    void everyServiceHasAHealthCheckAndStartsAfterItsDependenciesAreHealthy() {
        for (String service : services.keySet()) {
            Map<String, Object> health = healthcheck(service);
            assertThat(health).as("%s: a health check", service).isNotNull();
            Object test = health.get("test");
            assertThat(test).as("%s: healthcheck.test", service).isNotNull();
            String command = test instanceof List<?> l ? l.stream().map(String::valueOf)
                    .collect(Collectors.joining(" ")) : String.valueOf(test);
            assertThat(command).as("%s: a health check runs in the container", service)
                    .startsWith("CMD");
            // Compose would replace $VAR from the host's environment: write $$ or nothing
            assertThat(command.replace("$$", "")).as("%s: no compose interpolation in the health check", service)
                    .doesNotContain("$");
            dependsOn(service).forEach((target, condition) -> {
                assertThat(services.keySet()).as("%s depends on %s, a service of this file", service, target)
                        .contains(target);
                assertThat(condition).as("%s waits for %s", service, target).isEqualTo("service_healthy");
                assertThat(healthcheck(target)).as("%s, awaited by %s, has a health check", target, service)
                        .isNotNull();
            });
        }
        assertThat(dependsOn("sheets-connector")).containsKey("sheets-emulator");
        assertThat(dependsOn("occupation-service-1")).containsKey("sheets-connector");
        assertThat(dependsOn("occupation-service-2")).containsKey("sheets-connector");
    }

    // ---- images -------------------------------------------------------------------------------------------

    @Test
    void theImagesAreBuiltFromTheModuleJarsOnOnePinnedJre() {
        Set<String> bases = new TreeSet<>();
        for (Path context : builtContexts()) {
            Dockerfile dockerfile = Dockerfile.read(context.resolve("Dockerfile"));
            String where = root.relativize(dockerfile.file()).toString();
            String pom = AppConfiguration.read(context.resolve("pom.xml"));
            String jar = "target/" + moduleJar(pom);
            assertThat(dockerfile.contextSources()).as("%s copies the jar the build produces", where)
                    .containsExactly(jar);
            Path ignore = context.resolve(".dockerignore");
            if (Files.exists(ignore)) {
                List<String> lines = AppConfiguration.read(ignore).lines().map(String::strip).toList();
                if (lines.contains("*")) {
                    assertThat(lines).as("%s lets the jar into the build context", ignore).contains("!" + jar);
                }
            }
            dockerfile.baseImages().stream().filter(b -> !isStageName(dockerfile, b)).forEach(bases::add);
            List<String> users = dockerfile.finalStage("USER");
            assertThat(users).as("%s: runs as a user of its own", where).isNotEmpty();
            assertThat(users.get(users.size() - 1).split(":")[0]).as(where).isNotIn("root", "0");
            assertThat(dockerfile.finalStage("HEALTHCHECK")).as("%s: HEALTHCHECK", where).hasSize(1);
            String entrypoint = String.join(" ", dockerfile.finalStage("ENTRYPOINT"));
            if (pom.contains("<artifactId>spring-boot-maven-plugin</artifactId>")) {
                assertThat(String.join(" ", dockerfile.anyStage("RUN")))
                        .as("%s: Spring Boot's layered extraction", where)
                        .contains("-Djarmode=tools", "extract", "--layers", "--launcher");
                assertThat(entrypoint).as(where).contains("org.springframework.boot.loader.launch.JarLauncher");
            } else {
                assertThat(entrypoint).as(where).contains("\"-jar\"");
            }
        }
        assertThat(bases).as("one pinned Temurin 17 JRE for every image").hasSize(1);
        assertThat(bases.iterator().next()).matches(TEMURIN_17_JRE);
    }

    @Test
    void portsAgreeBetweenApplicationDockerfileAndComposeFile() {
        Map<String, Integer> expectedHostPorts = Map.of("occupation-service-1", 8080, "occupation-service-2", 8082,
                "sheets-connector", 8081, "sheets-emulator", 9099);
        Set<Integer> hostPorts = new HashSet<>();
        for (String service : builtServices()) {
            int port = listeningPort(service);
            Dockerfile dockerfile = dockerfile(service);
            assertThat(dockerfile.finalStage("EXPOSE")).as("%s: EXPOSE the port it listens on", service)
                    .containsExactly(String.valueOf(port));
            List<Port> ports = ports(service);
            assertThat(ports).as("%s: published", service).hasSize(1);
            assertThat(ports.get(0).container()).as("%s: the published container port", service).isEqualTo(port);
            assertThat(ports.get(0).host()).as("%s: the host port", service).isEqualTo(expectedHostPorts.get(service));
            assertThat(hostPorts.add(ports.get(0).host())).as("host port used twice").isTrue();
            String test = String.valueOf(healthcheck(service).get("test"));
            assertThat(test).as("%s: the health check asks its own port", service).contains("127.0.0.1:" + port + "/");
            String imageCheck = dockerfile.finalStage("HEALTHCHECK").get(0);
            String portVariable = app(service).portVariable();
            assertThat(imageCheck.contains("${" + portVariable + "}") || imageCheck.contains(":" + port + "/"))
                    .as("%s: the image's HEALTHCHECK asks the port it listens on (%s)", service, portVariable)
                    .isTrue();
        }
        kafkaNodes().forEach(n -> ports(n).forEach(p -> assertThat(hostPorts.add(p.host())).isTrue()));
    }

    @Test
    void everyVariableSetOnAServiceIsOneItsApplicationReads() {
        List<String> unknown = new ArrayList<>();
        for (String service : builtServices()) {
            Set<String> bound = app(service).environmentNames();
            Set<String> set = new LinkedHashSet<>(dockerfile(service).environment().keySet());
            set.addAll(environment(service).keySet());
            for (String name : set) {
                if (!bound.contains(name)) {
                    unknown.add(service + ": " + name);
                }
            }
        }
        assertThat(unknown).as("variables no application binds (renamed property? see AppConfiguration)").isEmpty();
    }

    // ---- the services together ------------------------------------------------------------------------------

    @Test
    void twoOccupationInstancesShareOneStreamsApplication() {
        List<String> instances = builtServices().stream()
                .filter(s -> buildContext(s).orElseThrow().equals(root.resolve(OCCUPATION))).toList();
        assertThat(instances).hasSize(2);
        int replyPartitions = Integer.parseInt(property(instances.get(0), "zeues.topics.reply-partitions"));
        Set<String> applicationIds = new HashSet<>();
        Set<Integer> replyPartitionsUsed = new HashSet<>();
        Set<String> applicationServers = new HashSet<>();
        Set<String> stateVolumes = new HashSet<>();
        for (String instance : instances) {
            applicationIds.add(property(instance, "zeues.streams.application-id"));
            int reply = Integer.parseInt(property(instance, "zeues.commands.reply-partition"));
            assertThat(reply).as("%s: a partition of zeues.replies", instance).isBetween(0, replyPartitions - 1);
            assertThat(replyPartitionsUsed.add(reply)).as("%s: a reply partition of its own", instance).isTrue();
            String server = property(instance, "zeues.streams.application-server");
            assertThat(server).as("%s: reachable by the other instance at its own name and port", instance)
                    .isEqualTo(instance + ":" + listeningPort(instance));
            applicationServers.add(server);
            assertThat(Integer.parseInt(property(instance, "zeues.streams.standby-replicas")))
                    .as("%s: standby replicas", instance).isBetween(1, instances.size() - 1);
            String dataDir = property(instance, "zeues.data-dir");
            String volume = volumeMountedAt(instance, dataDir).orElseThrow(
                    () -> new AssertionError(instance + ": no named volume on its data dir " + dataDir));
            assertThat(stateVolumes.add(volume)).as("%s: a state volume of its own", instance).isTrue();
            assertThat(property(instance, "zeues.topics.partitions")).as("%s: the connector's topic layout", instance)
                    .isEqualTo(property("sheets-connector", "zeues.topics.partitions"));
            assertThat(property(instance, "zeues.topics.prefix")).as(instance)
                    .isEqualTo(property("sheets-connector", "zeues.topics.prefix"));
        }
        assertThat(applicationIds).as("one zeues.streams.application-id").hasSize(1);
        assertThat(applicationServers).hasSize(instances.size());
    }

    @Test
    void theServicesReachEachOtherByServiceName() {
        URI sheets = URI.create(property("sheets-connector", "zeues.sheets.endpoint"));
        assertThat(sheets.getHost()).as("the connector talks to the emulator").isEqualTo("sheets-emulator");
        assertThat(sheets.getPort()).isEqualTo(listeningPort("sheets-emulator"));
        assertThat(property("sheets-connector", "zeues.sheets.spreadsheet-id")).isEqualTo("zeues-local");
        Map<String, String> connectorEnv = effectiveEnvironment("sheets-connector");
        assertThat(connectorEnv).as("no Google credentials by default: the emulator")
                .doesNotContainKeys("GOOGLE_APPLICATION_CREDENTIALS", "ZEUES_GOOGLE_CREDENTIALS_JSON");
        // the emulator listens on 127.0.0.1 unless told otherwise: in its container it must take other containers'
        // connections
        assertThat(effectiveEnvironment("sheets-emulator").get("ZEUES_SHEETS_EMULATOR_HOST"))
                .as("the emulator's bind address").isIn("0.0.0.0", "::");
        for (String instance : List.of("occupation-service-1", "occupation-service-2")) {
            URI connector = URI.create(property(instance, "zeues.connector-url"));
            assertThat(connector.getHost()).as("%s asks the connector", instance).isEqualTo("sheets-connector");
            assertThat(connector.getPort()).as(instance).isEqualTo(listeningPort("sheets-connector"));
        }
    }

    @Test
    void secretsComeFromTheEnvironmentNeverFromTheFile() {
        for (String service : services.keySet()) {
            environment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(value).as("%s: %s must come from the environment, required", service, name)
                            .matches("\\$\\{" + Pattern.quote(name) + ":\\?[^}]+}");
                }
            });
        }
        for (String service : List.of("occupation-service-1", "occupation-service-2", "sheets-connector")) {
            assertThat(environment(service)).as("%s: the admin token", service).containsKey("ZEUES_ADMIN_TOKEN");
        }
    }

    // ---- helpers: the compose file ------------------------------------------------------------------------

    private static Path findRoot() {
        String override = System.getProperty("zeues.compose.root");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("streams-topology"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            fail(what + ": expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    private static List<String> kafkaNodes() {
        return services.keySet().stream()
                .filter(s -> String.valueOf(services.get(s).get("image")).startsWith("apache/kafka:")).toList();
    }

    private static List<String> builtServices() {
        return services.keySet().stream().filter(s -> services.get(s).containsKey("build")).toList();
    }

    private static Set<Path> builtContexts() {
        return builtServices().stream().map(s -> buildContext(s).orElseThrow())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Optional<Path> buildContext(String service) {
        Object build = services.get(service).get("build");
        if (build == null) {
            return Optional.empty();
        }
        String context = build instanceof Map<?, ?> m ? String.valueOf(m.get("context")) : String.valueOf(build);
        Path dir = root.resolve(context).normalize();
        assertThat(dir.resolve("Dockerfile")).as("%s: a Dockerfile in its build context", service).isRegularFile();
        return Optional.of(dir);
    }

    /** Names a container is reached by on the compose network: the service name and its hostname. */
    private static Set<String> names(String service) {
        Set<String> names = new HashSet<>(Set.of(service));
        Object hostname = services.get(service).get("hostname");
        if (hostname != null) {
            names.add(String.valueOf(hostname));
        }
        return names;
    }

    /** The service's environment as written in the compose file (values as strings). */
    private static Map<String, String> environment(String service) {
        Object env = services.get(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> l) {
            for (Object entry : l) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    /** The image's ENV under the compose file's environment: what the application sees. */
    private static Map<String, String> effectiveEnvironment(String service) {
        Map<String, String> env = new LinkedHashMap<>(dockerfile(service).environment());
        env.putAll(environment(service));
        return env;
    }

    private static Dockerfile dockerfile(String service) {
        return Dockerfile.read(buildContext(service).orElseThrow().resolve("Dockerfile"));
    }

    private static AppConfiguration app(String service) {
        return apps.computeIfAbsent(buildContext(service).orElseThrow(), AppConfiguration::of);
    }

    /**
     * The value the application gets for {@code property}, in Spring's order: one of its relaxed environment names,
     * else its line in application.yml/.properties (a {@code ${VARIABLE:default}} placeholder: the variable, else the
     * default), else its record's {@code @DefaultValue}. Fails when the application has no such property.
     */
    private static String property(String service, String property) {
        AppConfiguration app = app(service);
        assertThat(app.properties()).as("%s binds %s (renamed?)", service, property).contains(property);
        Map<String, String> env = effectiveEnvironment(service);
        List<String> set = AppConfiguration.envNames(property).stream().filter(env::containsKey).toList();
        assertThat(set).as("%s: %s set once", service, property).hasSizeLessThanOrEqualTo(1);
        if (!set.isEmpty()) {
            return env.get(set.get(0));
        }
        Optional<String[]> placeholder = app.placeholder(property);
        if (placeholder.isPresent()) {
            return env.getOrDefault(placeholder.get()[0], placeholder.get()[1]);
        }
        return app.propertyDefault(property)
                .orElseThrow(() -> new AssertionError(service + ": " + property + " is neither set nor defaulted"));
    }

    /** The port the application in {@code service} listens on: its port variable, else that variable's default. */
    private static int listeningPort(String service) {
        AppConfiguration app = app(service);
        String value = effectiveEnvironment(service).get(app.portVariable());
        return Integer.parseInt(value != null ? value : app.portDefault());
    }

    private static Map<String, Object> healthcheck(String service) {
        Object health = services.get(service).get("healthcheck");
        return health == null ? null : map(health, service + ".healthcheck");
    }

    private static Map<String, String> dependsOn(String service) {
        Object deps = services.get(service).get("depends_on");
        Map<String, String> out = new LinkedHashMap<>();
        if (deps instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k),
                    v instanceof Map<?, ?> c ? String.valueOf(c.get("condition")) : "service_started"));
        } else if (deps instanceof List<?> l) {
            l.forEach(k -> out.put(String.valueOf(k), "service_started"));
        }
        return out;
    }

    record Port(int host, int container) {
    }

    /** Short syntax: {@code [ip:]host:container[/proto]}. */
    private static List<Port> ports(String service) {
        Object ports = services.get(service).get("ports");
        List<Port> out = new ArrayList<>();
        if (ports instanceof List<?> l) {
            for (Object entry : l) {
                String[] parts = String.valueOf(entry).replaceAll("/(tcp|udp)$", "").split(":");
                assertThat(parts.length).as("%s: port %s publishes host:container", service, entry)
                        .isBetween(2, 3);
                out.add(new Port(Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1])));
            }
        }
        return out;
    }

    /** The named volume (declared at the top level) mounted on {@code path}, if any. */
    private static Optional<String> volumeMountedAt(String service, String path) {
        Object volumes = services.get(service).get("volumes");
        if (volumes instanceof List<?> l) {
            for (Object v : l) {
                String[] parts = String.valueOf(v).split(":");
                if (parts.length >= 2 && parts[1].equals(path) && !parts[0].startsWith(".")
                        && !parts[0].startsWith("/")) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }

    // ---- helpers: the apache/kafka image's environment convention ---------------------------------------------

    /**
     * The server.properties the apache/kafka image writes from a node's {@code KAFKA_*} variables: {@code KAFKA_}
     * dropped, a single {@code _} becomes {@code .}, {@code __} becomes {@code _}, {@code ___} becomes {@code -},
     * lower case (the image's own conversion, including its handling of single-letter words).
     */
    private static Map<String, String> brokerProperties(String node) {
        Map<String, String> p = new TreeMap<>();
        environment(node).forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !KAFKA_IMAGE_NON_SETTINGS.contains(name)) {
                p.put(kafkaProperty(name.substring("KAFKA_".length())), value);
            }
        });
        return p;
    }

    static String kafkaProperty(String key) {
        Matcher m = KAFKA_SINGLE_UNDERSCORE.matcher(key);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('_', '.')));
        }
        m.appendTail(out);
        return out.toString().replace("___", "-").replace("__", "_").toLowerCase(Locale.ROOT);
    }

    record Listener(String host, int port) {
    }

    /** {@code NAME://host:port,…} → name → host and port (the host may be empty: all interfaces). */
    private static Map<String, Listener> listeners(String value) {
        assertThat(value).as("listeners").isNotBlank();
        Map<String, Listener> out = new LinkedHashMap<>();
        for (String listener : value.split(",")) {
            Matcher m = Pattern.compile("([A-Z_]+)://([^:]*):(\\d+)").matcher(listener.trim());
            assertThat(m.matches()).as("listener %s is NAME://host:port", listener).isTrue();
            out.put(m.group(1), new Listener(m.group(2), Integer.parseInt(m.group(3))));
        }
        return out;
    }

    private static boolean isStageName(Dockerfile dockerfile, String image) {
        return dockerfile.anyStage("FROM").stream().anyMatch(f -> f.matches(".*\\s+(?i:as)\\s+" + Pattern.quote(image)));
    }

    private static String moduleJar(String pom) {
        Matcher output = Pattern.compile("<outputFile>[^<]*/([^/<]+\\.jar)</outputFile>").matcher(pom);
        if (output.find()) {
            return output.group(1); // the shaded runnable jar beside the module's plain one
        }
        Matcher finalName = Pattern.compile("<finalName>([^<$]+)</finalName>").matcher(pom);
        if (!finalName.find()) {
            throw new AssertionError("the module's pom sets no <finalName>: the jar's name would carry the version");
        }
        return finalName.group(1) + ".jar";
    }

    private static <T> Set<T> without(Set<T> set, T element) {
        Set<T> out = new LinkedHashSet<>(set);
        out.remove(element);
        return out;
    }
}
