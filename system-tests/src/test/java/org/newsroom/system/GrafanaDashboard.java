package org.newsroom.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/grafana/newsroom-dashboard.json as the tests read it: its panels and the metric names their PromQL
 * queries. A metric name is written before a selector or a range ({@code name{...}}, {@code name[5m]}).
 */
record GrafanaDashboard(JsonNode json) {

    static final Path FILE = ProjectRoot.resolve("deploy/grafana/newsroom-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

    static GrafanaDashboard read(Path file) throws IOException {
        return new GrafanaDashboard(JsonMapper.builder().build().readTree(file.toFile()));
    }

    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        json.path("panels").forEach(panels::add);
        return panels;
    }

    List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        panels().forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString())));
        return expressions;
    }

    List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (String expression : expressions()) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                if (!names.contains(matcher.group(1))) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
