package com.zeues.local.compose;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What one application module reads from its environment, derived from its sources so that a renamed property or
 * variable shows up at once (no compiled classes needed, whatever the build order):
 * <ul>
 * <li>the {@code @ConfigurationProperties} records, parsed with javac's own parser: every leaf property (nested
 * records followed) with the two environment names Spring's relaxed binding accepts for it
 * ({@code zeues.streams.application-server} → {@code ZEUES_STREAMS_APPLICATIONSERVER} or
 * {@code ZEUES_STREAMS_APPLICATION_SERVER}) and its {@code @DefaultValue};</li>
 * <li>the keys of {@code @Value("${key:…}")} in the main sources, the same way;</li>
 * <li>{@code ${NAME…}} placeholders of upper-case names in {@code application.yml}/{@code .properties} and in the
 * main sources, and {@code System.getenv("NAME")} / {@code env("NAME", …)} literals.</li>
 * </ul>
 */
final class AppConfiguration {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern GETENV = Pattern.compile("\\b(?:getenv|env)\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern VALUE_KEY = Pattern.compile("@Value\\(\\s*\"\\$\\{([a-z][a-z0-9.\\-]*)[:}]");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}$");

    private final Path module;
    /** Canonical property name (e.g. zeues.topics.reply-partitions) → its default, or null when it has none. */
    private final Map<String, String> properties = new LinkedHashMap<>();
    /** Environment names the module reads directly: placeholders and getenv literals. */
    private final Set<String> directEnv = new TreeSet<>();
    /** application.yml / application.properties, flattened (server.port → ${SERVER_PORT:8080}). */
    private final Map<String, String> config = new LinkedHashMap<>();
    private final Set<String> getenvLiterals = new TreeSet<>();

    private AppConfiguration(Path module) {
        this.module = module;
    }

    static AppConfiguration of(Path module) {
        AppConfiguration app = new AppConfiguration(module);
        app.readConfigFiles();
        app.readSources();
        return app;
    }

    Path module() {
        return module;
    }

    /** Every property of the configuration records and {@code @Value} keys, canonical names. */
    Set<String> properties() {
        return properties.keySet();
    }

    /** The {@code @DefaultValue} of a record property, if it has a single literal one. */
    Optional<String> propertyDefault(String property) {
        return Optional.ofNullable(properties.get(property));
    }

    /** Every environment variable name this application binds. */
    Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(directEnv);
        properties.keySet().forEach(p -> names.addAll(envNames(p)));
        return names;
    }

    /** The names Spring's relaxed binding maps onto {@code property}: canonical first, then the legacy form. */
    static List<String> envNames(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return List.copyOf(new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_'))));
    }

    /**
     * The variable that sets the port the application listens on: the placeholder of {@code server.port} in its
     * configuration file or, for a plain Java main, its one getenv literal ending in {@code _PORT}.
     */
    String portVariable() {
        Optional<String> serverPort = placeholder("server.port").map(p -> p[0]);
        if (serverPort.isPresent()) {
            return serverPort.get();
        }
        List<String> ports = getenvLiterals.stream().filter(n -> n.endsWith("_PORT")).toList();
        if (ports.size() != 1) {
            throw new IllegalStateException(module + ": cannot tell which variable sets the port: " + ports);
        }
        return ports.get(0);
    }

    /** The default of {@link #portVariable()}: from the placeholder, or the literal beside the getenv call. */
    String portDefault() {
        Optional<String[]> serverPort = placeholder("server.port");
        if (serverPort.isPresent()) {
            return serverPort.get()[1];
        }
        String variable = portVariable();
        Matcher m = Pattern.compile("\\benv\\(\\s*\"" + variable + "\"\\s*,\\s*\"([^\"]*)\"").matcher(mainSourcesText());
        if (!m.find()) {
            throw new IllegalStateException(module + ": no default for " + variable);
        }
        return m.group(1);
    }

    /** {@code [variable, default]} of a configuration value written as {@code ${VARIABLE:default}}. */
    Optional<String[]> placeholder(String key) {
        String value = config.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(value.trim());
        return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2) == null ? "" : m.group(2)})
                : Optional.empty();
    }

    private void readConfigFiles() {
        Path resources = module.resolve("src/main/resources");
        for (String name : List.of("application.yml", "application.yaml")) {
            Path yml = resources.resolve(name);
            if (Files.exists(yml)) {
                String text = read(yml);
                collect(ENV_PLACEHOLDER, text, directEnv);
                Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
                flatten("", tree, config);
            }
        }
        Path props = resources.resolve("application.properties");
        if (Files.exists(props)) {
            String text = read(props);
            collect(ENV_PLACEHOLDER, text, directEnv);
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> config.put(k, p.getProperty(k)));
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node != null) {
            out.put(prefix, String.valueOf(node));
        }
    }

    private List<Path> mainSources() {
        Path java = module.resolve("src/main/java");
        if (!Files.isDirectory(java)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(java)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String mainSourcesText() {
        return mainSources().stream().map(AppConfiguration::read).collect(Collectors.joining("\n"));
    }

    private void readSources() {
        List<Path> sources = mainSources();
        String text = mainSourcesText();
        collect(ENV_PLACEHOLDER, text, directEnv);
        collect(GETENV, text, getenvLiterals);
        directEnv.addAll(getenvLiterals);
        Set<String> valueKeys = new LinkedHashSet<>();
        collect(VALUE_KEY, text, valueKeys);
        valueKeys.forEach(k -> properties.putIfAbsent(k, null));
        if (!sources.isEmpty()) {
            readConfigurationRecords(sources);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    // ---- the @ConfigurationProperties records, through javac's parser (syntax only: no classpath needed) ----

    private void readConfigurationRecords(List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("ComposeFileTest needs a JDK: it reads the configuration records with javac's parser");
        }
        Map<String, ClassTree> records = new LinkedHashMap<>();
        Map<ClassTree, String> roots = new LinkedHashMap<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c) {
                        collectRecords(c, records, roots);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        roots.forEach((record, prefix) -> components(prefix, record, records, new ArrayList<>()));
    }

    private static void collectRecords(ClassTree c, Map<String, ClassTree> records, Map<ClassTree, String> roots) {
        if (c.getKind() == Tree.Kind.RECORD) {
            records.put(c.getSimpleName().toString(), c);
            for (AnnotationTree a : c.getModifiers().getAnnotations()) {
                if (simpleName(a.getAnnotationType()).equals("ConfigurationProperties")) {
                    roots.put(c, annotationValue(a, "prefix").orElseThrow(() -> new IllegalStateException(
                            c.getSimpleName() + ": @ConfigurationProperties without a literal prefix")));
                }
            }
        }
        for (Tree member : c.getMembers()) {
            if (member instanceof ClassTree nested) {
                collectRecords(nested, records, roots);
            }
        }
    }

    private void components(String prefix, ClassTree record, Map<String, ClassTree> records, List<ClassTree> path) {
        if (path.contains(record)) {
            throw new IllegalStateException("recursive configuration record " + record.getSimpleName());
        }
        path.add(record);
        for (Tree member : record.getMembers()) {
            // a record cannot declare instance fields: its non-static fields are its components
            if (!(member instanceof VariableTree component)
                    || component.getModifiers().getFlags().contains(Modifier.STATIC)) {
                continue;
            }
            String name = prefix + "." + dashed(component.getName().toString());
            Tree type = component.getType();
            ClassTree nested = type instanceof IdentifierTree || type instanceof MemberSelectTree
                    ? records.get(simpleName(type)) : null;
            if (nested != null) {
                components(name, nested, records, path);
            } else {
                String defaultValue = component.getModifiers().getAnnotations().stream()
                        .filter(a -> simpleName(a.getAnnotationType()).equals("DefaultValue"))
                        .findFirst().flatMap(a -> annotationValue(a, "value")).orElse(null);
                properties.put(name, defaultValue);
            }
        }
        path.remove(record);
    }

    /** The single string literal of an annotation's {@code value} (or the named attribute). */
    private static Optional<String> annotationValue(AnnotationTree a, String attribute) {
        for (ExpressionTree arg : a.getArguments()) {
            ExpressionTree value = arg;
            if (arg instanceof AssignmentTree assignment) {
                String key = assignment.getVariable().toString();
                if (!key.equals(attribute) && !key.equals("value")) {
                    continue;
                }
                value = assignment.getExpression();
            }
            if (value instanceof LiteralTree literal && literal.getValue() != null) {
                return Optional.of(String.valueOf(literal.getValue()));
            }
        }
        return Optional.empty();
    }

    private static String simpleName(Tree type) {
        if (type instanceof MemberSelectTree select) {
            return select.getIdentifier().toString();
        }
        return type.toString();
    }

    /** Spring's dashed form of a record component: {@code replyPartition} → {@code reply-partition}. */
    static String dashed(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch) && i > 0) {
                out.append('-');
            }
            out.append(Character.toLowerCase(ch));
        }
        return out.toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
