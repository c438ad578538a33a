package io.dittofs.gateway;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every {@code @FuzzTest} of this module behind one target, for the bounded fuzzing run of
 * {@code verify} (surefire execution "fuzz"): Jazzer fuzzes one target per JVM and a fuzzing JVM
 * takes tens of seconds to start, so this module gets one JVM instead of one per target. The
 * input's last byte picks the target (FuzzedDataProvider takes numbers from the end), the rest is
 * that target's input; coverage guidance learns each target's branches as usual. A finding here
 * is written to this class's Inputs directory and replayed by {@code mvn test} like any other.
 * (The same class sits in each module with fuzz targets; test sources cannot be shared.)
 */
class AllFuzzTargetsFuzzTest {

    private static final List<Method> TARGETS = targets();
    private static final Map<Class<?>, Object> INSTANCES = new HashMap<>();

    @FuzzTest(maxDuration = "30s")
    void anyTarget(FuzzedDataProvider data) throws Throwable {
        Method m = TARGETS.get(Math.floorMod(data.consumeByte(), TARGETS.size()));
        Object arg = m.getParameterTypes()[0] == byte[].class ? data.consumeRemainingAsBytes() : data;
        try {
            m.invoke(INSTANCES.computeIfAbsent(m.getDeclaringClass(), AllFuzzTargetsFuzzTest::instance), arg);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the target's own finding, with its stack trace
        }
    }

    /** The @FuzzTest methods of the *FuzzTest classes beside this one, in a stable order. */
    private static List<Method> targets() {
        Path root;
        try {
            root = Path.of(AllFuzzTargetsFuzzTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Method> found = files.map(p -> root.relativize(p).toString())
                    .filter(n -> n.endsWith("FuzzTest.class") && !n.endsWith("/AllFuzzTargetsFuzzTest.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .flatMap(AllFuzzTargetsFuzzTest::fuzzMethods)
                    .sorted(Comparator.comparing(m -> m.getDeclaringClass().getName() + "#" + m.getName()))
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no @FuzzTest targets under " + root);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Method> fuzzMethods(String className) {
        try {
            return Stream.of(Class.forName(className).getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(FuzzTest.class) && m.getParameterCount() == 1
                            && (m.getParameterTypes()[0] == byte[].class || m.getParameterTypes()[0] == FuzzedDataProvider.class))
                    .peek(m -> m.setAccessible(true));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object instance(Class<?> c) {
        try {
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + c.getName(), e);
        }
    }
}
