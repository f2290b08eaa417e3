import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeDeclaredChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildPrimitiveBoundCodeDatatypeDefinition;
import ca.uhn.fhir.context.RuntimeChildPrimitiveEnumerationDatatypeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes GraalVM's reflection and resource configuration for HAPI FHIR (reflect-config.json and
 * resource-config.json) from the HAPI jars of gpconnect-common's runtime classpath; run by
 * scripts/gen-native-config.sh (docs/adr/0003-native-build.md). Run as a single-file program on that
 * classpath: {@code java -cp <classpath> scripts/HapiNativeConfig.java <output-dir> <classpath>}.
 *
 * What is registered, each class with every constructor, method and field:
 * - every class of org.hl7.fhir.dstu3.model (STU3 resources, datatypes, their nested components, enums and
 *   enum factories), STU3's version class org.hl7.fhir.dstu3.hapi.ctx.FhirDstu3 and its narrative type
 *   org.hl7.fhir.utilities.xhtml.XhtmlNode;
 * - every class of ca.uhn.fhir.model.dstu2 and its subpackages (DSTU2 resources, composites, value-set
 *   enums, FhirDstu2) and of ca.uhn.fhir.model.primitive, .api and .base (DSTU2's primitives, the shared
 *   model API and annotations);
 * - the JDK's default StAX and DOM factories HAPI's XML parser creates (constructors only);
 * and, as resources, every *.properties under ca/uhn/fhir and org/hl7/fhir in those jars (the version
 * files mapping resource names to classes, HAPI's messages) with HAPI's message bundle.
 *
 * Before writing, it checks on the JVM what it can: every listed class loads and its constructors,
 * methods and fields resolve on the runtime classpath (a registered member whose signature names a
 * missing class would fail native-image with --link-at-build-time), and HAPI's own model scanner, run
 * over every STU3 and DSTU2 resource type, defines no element class and binds no enum or enum factory
 * that is not registered.
 */
public class HapiNativeConfig {

    /** Packages registered whole: name, and whether their subpackages are included. */
    private static final List<Object[]> PACKAGES = List.of(
            new Object[]{"org.hl7.fhir.dstu3.model", false},
            new Object[]{"ca.uhn.fhir.model.dstu2", true},
            new Object[]{"ca.uhn.fhir.model.primitive", true},
            new Object[]{"ca.uhn.fhir.model.api", true},
            new Object[]{"ca.uhn.fhir.model.base", true});
    /**
     * Classes HAPI reaches reflectively besides those packages: the version implementations FhirVersionEnum
     * loads by name, and STU3's narrative type (org.hl7.fhir.utilities), which the model scanner instantiates.
     */
    private static final List<String> EXTRA_CLASSES = List.of("org.hl7.fhir.dstu3.hapi.ctx.FhirDstu3", "ca.uhn.fhir.model.dstu2.FhirDstu2",
            "org.hl7.fhir.utilities.xhtml.XhtmlNode");
    /** JDK factories behind XMLInputFactory/XMLOutputFactory/DocumentBuilderFactory.newInstance() (HAPI's XmlUtil). */
    private static final List<String> JDK_XML = List.of("com.sun.xml.internal.stream.XMLInputFactoryImpl",
            "com.sun.xml.internal.stream.XMLOutputFactoryImpl", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
    /**
     * Classes of those packages left out because their signatures name classes that are not on the services'
     * classpath (registering them would fail native-image with --link-at-build-time), with the reason.
     */
    private static final java.util.Map<String, String> EXCLUDED = java.util.Map.of(
            "ca.uhn.fhir.model.dstu2.FhirServerDstu2", "HAPI's RESTful-server support for DSTU2; needs hapi-fhir-server, which the suite does not use");
    private static final List<String> RESOURCE_ROOTS = List.of("ca/uhn/fhir/", "org/hl7/fhir/");
    private static final List<String> BUNDLES = List.of("ca.uhn.fhir.i18n.hapi-messages");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<JarFile> jars = new ArrayList<>();
        for (String entry : args[1].split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith(".jar") && (name.startsWith("hapi-fhir-") || name.startsWith("org.hl7.fhir."))) {
                jars.add(new JarFile(entry));
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no HAPI FHIR jar on the classpath given");
        }

        TreeSet<String> model = new TreeSet<>();
        TreeSet<String> resources = new TreeSet<>();
        List<String> jarNames = new ArrayList<>();
        for (JarFile jar : jars) {
            jarNames.add(Path.of(jar.getName()).getFileName().toString());
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String path = e.nextElement().getName();
                if (path.endsWith(".class")) {
                    String name = path.substring(0, path.length() - 6).replace('/', '.');
                    if (inRegisteredPackage(name) && !anonymous(name) && !name.endsWith("package-info") && !name.endsWith("module-info")) {
                        model.add(name);
                    }
                } else if (path.endsWith(".properties") && RESOURCE_ROOTS.stream().anyMatch(path::startsWith)) {
                    resources.add(path);
                }
            }
        }
        model.addAll(EXTRA_CLASSES);
        for (String excluded : EXCLUDED.keySet()) {
            if (!model.remove(excluded)) {
                throw new IllegalStateException("excluded class " + excluded + " is no longer in the jars: drop it from EXCLUDED");
            }
        }

        // every registered class loads and its reflective surface resolves on this classpath
        List<String> broken = new ArrayList<>();
        for (String name : model) {
            try {
                Class<?> type = Class.forName(name, false, HapiNativeConfig.class.getClassLoader());
                type.getDeclaredConstructors();
                type.getDeclaredMethods();
                type.getDeclaredFields();
            } catch (ClassNotFoundException | LinkageError e) {
                broken.add(name + ": " + e);
            }
        }
        for (String name : JDK_XML) {
            Class.forName(name, false, null).getDeclaredConstructors();
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("classes whose constructors, methods or fields do not resolve:\n  " + String.join("\n  ", broken));
        }

        // HAPI's scanner, over every resource type of both versions, reflects only on registered classes
        Set<String> used = new TreeSet<>();
        int definitions = 0;
        for (FhirContext context : List.of(FhirContext.forDstu3(), FhirContext.forDstu2())) {
            for (String type : context.getResourceTypes()) {
                RuntimeResourceDefinition definition = context.getResourceDefinition(type);
                IBaseResource instance = definition.newInstance();
                context.newJsonParser().encodeResourceToString(instance);
                context.newXmlParser().encodeResourceToString(instance);
            }
            for (BaseRuntimeElementDefinition<?> definition : context.getElementDefinitions()) {
                definitions++;
                used.add(definition.getImplementingClass().getName());
                for (BaseRuntimeChildDefinition child : definition.getChildren()) {
                    if (child instanceof BaseRuntimeDeclaredChildDefinition declared && declared.getField() != null) {
                        used.add(declared.getField().getDeclaringClass().getName());
                    }
                    Class<?> bound = null;
                    Object factory = null;
                    if (child instanceof RuntimeChildPrimitiveEnumerationDatatypeDefinition e) {
                        bound = e.getBoundEnumType();
                        factory = e.getInstanceConstructorArguments();
                    } else if (child instanceof RuntimeChildPrimitiveBoundCodeDatatypeDefinition b) {
                        bound = b.getBoundEnumType();
                    }
                    if (bound != null) {
                        used.add(bound.getName());
                    }
                    if (factory != null && !anonymous(factory.getClass().getName())) {
                        used.add(factory.getClass().getName());
                    }
                }
            }
        }
        used.removeIf(n -> n.startsWith("java."));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(model);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("HAPI's model scanner uses classes that are not registered:\n  " + String.join("\n  ", missing));
        }

        Files.createDirectories(out);
        StringBuilder reflect = new StringBuilder("[\n");
        List<String> entries = new ArrayList<>();
        for (String name : model) {
            entries.add("  {\"name\": \"" + name + "\", \"allDeclaredConstructors\": true, \"allPublicConstructors\": true, "
                    + "\"allDeclaredMethods\": true, \"allPublicMethods\": true, \"allDeclaredFields\": true, \"allPublicFields\": true}");
        }
        for (String name : JDK_XML) {
            entries.add("  {\"name\": \"" + name + "\", \"allDeclaredConstructors\": true, \"allPublicConstructors\": true}");
        }
        reflect.append(String.join(",\n", entries)).append("\n]\n");
        Files.writeString(out.resolve("reflect-config.json"), reflect.toString(), StandardCharsets.UTF_8);

        StringBuilder resource = new StringBuilder("{\n  \"resources\": {\n    \"includes\": [\n");
        List<String> patterns = new ArrayList<>();
        for (String path : resources) {
            patterns.add("      {\"pattern\": \"\\\\Q" + path + "\\\\E\"}");
        }
        resource.append(String.join(",\n", patterns)).append("\n    ]\n  },\n  \"bundles\": [\n");
        List<String> bundles = new ArrayList<>();
        for (String bundle : BUNDLES) {
            bundles.add("    {\"name\": \"" + bundle + "\"}");
        }
        resource.append(String.join(",\n", bundles)).append("\n  ]\n}\n");
        Files.writeString(out.resolve("resource-config.json"), resource.toString(), StandardCharsets.UTF_8);

        TreeMap<String, Integer> perPackage = new TreeMap<>();
        model.forEach(n -> perPackage.merge(n.substring(0, n.lastIndexOf('.')), 1, Integer::sum));
        System.out.println("HAPI jars: " + String.join(", ", jarNames));
        perPackage.forEach((p, n) -> System.out.println("  " + n + " classes in " + p));
        System.out.println(model.size() + " HAPI classes and " + JDK_XML.size() + " JDK XML factories registered for reflection; "
                + resources.size() + " resources, " + BUNDLES.size() + " bundle");
        EXCLUDED.forEach((n, why) -> System.out.println("  not registered: " + n + " (" + why + ")"));
        System.out.println("HAPI's scanner: " + definitions + " element definitions (every STU3 and DSTU2 resource type) use "
                + used.size() + " classes, all registered");
    }

    private static boolean inRegisteredPackage(String name) {
        String pkg = name.substring(0, name.lastIndexOf('.'));
        for (Object[] p : PACKAGES) {
            if (pkg.equals(p[0]) || ((Boolean) p[1] && pkg.startsWith(p[0] + "."))) {
                return true;
            }
        }
        return false;
    }

    /** Anonymous and local classes ({@code Outer$1}, {@code Outer$1Local}): never looked up by name. */
    private static boolean anonymous(String name) {
        for (String part : name.substring(name.lastIndexOf('.') + 1).split("\\$")) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
                return true;
            }
        }
        return false;
    }
}
