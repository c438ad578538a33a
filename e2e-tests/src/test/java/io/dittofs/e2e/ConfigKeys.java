package io.dittofs.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a module's code reads, found in its sources: every
 * {@code @ConfigurationProperties} record expanded through its nested records (component names
 * in kebab case, as Spring binds them), every {@code getProperty("dittofs...")} literal and every
 * {@code ${dittofs...}} placeholder of its resources. Compared with environment variables the
 * way Spring does: a bound key's dashes vanish (DITTOFS_METADATA_SHAREROOT_MODE), a key looked up
 * by name has them become underscores (DITTOFS_DATA_DIR); dots become underscores, upper case.
 */
final class ConfigKeys {

    private static final Pattern ANNOTATED = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*)?\"([^\"]+)\"\\s*\\)[^{;]*?record\\s+(\\w+)\\s*\\(");
    private static final Pattern RECORD = Pattern.compile("record\\s+(\\w+)\\s*\\(");
    private static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\\s*\"(dittofs\\.[A-Za-z0-9.-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(dittofs\\.[A-Za-z0-9.-]+)");

    /** Marks a key read by Environment lookup rather than bound to a record. */
    static final String LOOKUP = "lookup:";

    private ConfigKeys() {
    }

    /** Keys read by the code of these modules (a service's module plus the libraries it uses). */
    static Set<String> of(Path root, List<String> modules) {
        Map<String, String> records = new HashMap<>();   // record name -> component text
        List<String[]> roots = new ArrayList<>();         // {prefix, record}
        Set<String> keys = new TreeSet<>();
        for (String m : modules) {
            for (Path f : files(root.resolve(m).resolve("src/main/java"), ".java")) {
                String src = read(f);
                Matcher r = RECORD.matcher(src);
                while (r.find()) {
                    records.putIfAbsent(r.group(1), balanced(src, r.end() - 1));
                }
                Matcher a = ANNOTATED.matcher(src);
                while (a.find()) {
                    roots.add(new String[] {a.group(1), a.group(2)});
                }
                Matcher g = GET_PROPERTY.matcher(src);
                while (g.find()) {
                    keys.add(LOOKUP + g.group(1));
                }
            }
            for (Path f : files(root.resolve(m).resolve("src/main/resources"), ".properties")) {
                Matcher p = PLACEHOLDER.matcher(read(f));
                while (p.find()) {
                    keys.add(LOOKUP + p.group(1));
                }
            }
        }
        for (String[] r : roots) {
            expand(r[0], r[1], records, keys, 0);
        }
        return keys;
    }

    /** The environment variable that sets {@code key} (see the class comment). */
    static String canonical(String key) {
        if (key.startsWith(LOOKUP)) {
            return key.substring(LOOKUP.length()).replace('-', '_').replace('.', '_').toUpperCase(java.util.Locale.ROOT);
        }
        return key.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static void expand(String prefix, String record, Map<String, String> records, Set<String> keys, int depth) {
        String components = records.get(record);
        if (components == null || depth > 8) {
            keys.add(prefix);
            return;
        }
        for (String c : splitTopLevel(components)) {
            String[] typeAndName = typeAndName(stripAnnotations(c));
            if (typeAndName == null) {
                continue;
            }
            String key = prefix + "." + kebab(typeAndName[1]);
            String type = typeAndName[0].replaceAll(".*<\\s*([\\w.]+)\\s*>.*", "$1");
            type = type.substring(type.lastIndexOf('.') + 1);
            if (records.containsKey(type)) {
                expand(key, type, records, keys, depth + 1);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String[] typeAndName(String component) {
        String s = component.trim();
        int cut = s.lastIndexOf(' ');
        if (cut < 0) {
            return null;
        }
        return new String[] {s.substring(0, cut).trim(), s.substring(cut + 1).trim()};
    }

    private static String stripAnnotations(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '@') {
                i++;
                while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                int j = i;
                while (j < s.length() && s.charAt(j) == ' ') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == '(') {
                    i = skipBalanced(s, j);
                }
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    /** The text inside the parenthesis at {@code open} (string literals respected). */
    private static String balanced(String s, int open) {
        return s.substring(open + 1, skipBalanced(s, open) - 1);
    }

    private static int skipBalanced(String s, int open) {
        int depth = 0;
        boolean str = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    str = false;
                }
            } else if (c == '"') {
                str = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean str = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    str = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> str = true;
                case '(', '<' -> depth++;
                case ')', '>' -> depth--;
                case ',' -> {
                    if (depth == 0) {
                        out.add(s.substring(start, i));
                        start = i + 1;
                    }
                }
                default -> { }
            }
        }
        if (start < s.length() && !s.substring(start).isBlank()) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
