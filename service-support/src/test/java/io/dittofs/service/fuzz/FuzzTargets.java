package io.dittofs.service.fuzz;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every {@code @FuzzTest} of one module behind one target, for the bounded fuzzing run of
 * {@code verify} (surefire execution "fuzz"): Jazzer fuzzes one target per JVM and a fuzzing JVM
 * takes tens of seconds to start, so each module gets one JVM instead of one per target. Each
 * module keeps a tiny {@code AllFuzzTargetsFuzzTest} of its own (Jazzer keeps findings per test
 * class, in that module's test resources) that hands its input here. The input's last byte picks
 * the target (FuzzedDataProvider takes numbers from the end), the rest is that target's input;
 * coverage guidance learns each target's branches as usual.
 */
public final class FuzzTargets {

    private final List<Method> targets;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    private FuzzTargets(List<Method> targets) {
        this.targets = targets;
    }

    /** The @FuzzTest methods of the *FuzzTest classes compiled beside {@code anchor}, in a stable order. */
    public static FuzzTargets beside(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String self = anchor.getName().replace('.', '/') + ".class";
        try (Stream<Path> files = Files.walk(root)) {
            List<Method> found = files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith("FuzzTest.class") && !n.equals(self))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .flatMap(n -> fuzzMethods(n, anchor.getClassLoader()))
                    .sorted(Comparator.comparing(m -> m.getDeclaringClass().getName() + "#" + m.getName()))
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no @FuzzTest targets under " + root);
            }
            return new FuzzTargets(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return targets.size();
    }

    /** Runs the target the input's last byte picks with the rest of the input. */
    public void run(FuzzedDataProvider data) throws Throwable {
        Method m = targets.get(Math.floorMod(data.consumeByte(), targets.size()));
        Object arg = m.getParameterTypes()[0] == byte[].class ? data.consumeRemainingAsBytes() : data;
        try {
            m.invoke(instances.computeIfAbsent(m.getDeclaringClass(), FuzzTargets::instance), arg);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the target's own finding, with its stack trace
        }
    }

    private static Stream<Method> fuzzMethods(String className, ClassLoader loader) {
        try {
            return Stream.of(Class.forName(className, true, loader).getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(FuzzTest.class) && m.getParameterCount() == 1
                            && (m.getParameterTypes()[0] == byte[].class
                                    || m.getParameterTypes()[0] == FuzzedDataProvider.class))
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
