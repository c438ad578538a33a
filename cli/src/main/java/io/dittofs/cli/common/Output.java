package io.dittofs.cli.common;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Renders API answers: aligned tables by default, or the JSON/YAML document as it came. */
public final class Output {

    public enum Format { TABLE, JSON, YAML }

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(YAMLWriteFeature.MINIMIZE_QUOTES).build();

    private final Format format;
    private final PrintWriter out;

    public Output(Format format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    public void print(JsonNode doc) {
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
            return;
        }
        switch (format) {
            case JSON -> out.println(Json.MAPPER.writeValueAsString(doc));
            case YAML -> out.print(YAML.writeValueAsString(doc));
            case TABLE -> {
                if (doc.isArray()) {
                    table(doc);
                } else if (doc.isObject()) {
                    keyValues(doc);
                } else {
                    out.println(doc.asString());
                }
            }
        }
        out.flush();
    }

    public void message(String text) {
        if (format == Format.TABLE) {
            out.println(text);
            out.flush();
        }
    }

    private void table(JsonNode rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.propertyNames()));
        List<String> cols = new ArrayList<>(columns);
        List<String[]> lines = new ArrayList<>();
        lines.add(cols.stream().map(c -> c.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)).toArray(String[]::new));
        rows.forEach(r -> lines.add(cols.stream().map(c -> cell(r.get(c))).toArray(String[]::new)));
        int[] width = new int[cols.size()];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        for (String[] l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                sb.append(i + 1 < l.length ? pad(l[i], width[i] + 2) : l[i]);
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private void keyValues(JsonNode obj) {
        int width = obj.propertyNames().stream().mapToInt(String::length).max().orElse(0);
        for (String name : obj.propertyNames()) {
            out.println(pad(name + ":", width + 2) + cell(obj.get(name)));
        }
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "-";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e.isValueNode() ? e.asString() : compact(e)));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        return v.isValueNode() ? v.asString() : compact(v);
    }

    /** Nested objects in a cell: "k=v k=v", skipping nulls (e.g. a grant's empty user or group). */
    private static String compact(JsonNode o) {
        List<String> parts = new ArrayList<>();
        for (String name : o.propertyNames()) {
            JsonNode v = o.get(name);
            if (v != null && !v.isNull()) {
                parts.add(name + "=" + (v.isValueNode() ? v.asString() : v.toString()));
            }
        }
        return String.join(" ", parts);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
