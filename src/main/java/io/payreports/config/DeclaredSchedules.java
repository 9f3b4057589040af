package io.payreports.config;

import io.payreports.amazonpay.ReportSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The report schedules an operator wants (config/report-schedules.yaml):
 * <pre>
 * prune: false
 * schedules:
 *   - reportType: _GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_
 *     scheduleFrequency: P1D
 * </pre>
 */
public record DeclaredSchedules(Map<String, String> schedules, boolean prune) {

    public static DeclaredSchedules read(Path file) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw problem(file, "schedules", "file not found");
        } catch (IOException | YamlEngineException e) {
            throw problem(
                    file, "schedules", "not readable YAML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (!(root instanceof Map<?, ?> document) || !(document.get("schedules") instanceof List<?> entries)) {
            throw problem(file, "schedules", "expected a 'schedules' list of reportType/scheduleFrequency entries");
        }
        Map<String, String> schedules = new LinkedHashMap<>();
        for (Object entry : entries) {
            Object type = entry instanceof Map<?, ?> map ? map.get("reportType") : null;
            Object frequency = entry instanceof Map<?, ?> map ? map.get("scheduleFrequency") : null;
            if (type == null || frequency == null) {
                throw problem(file, "schedules", "every entry needs reportType and scheduleFrequency: " + entry);
            }
            if (!ReportSchedule.FREQUENCIES.contains(frequency.toString())) {
                throw problem(
                        file, "scheduleFrequency", "'" + frequency + "' is not one of " + ReportSchedule.FREQUENCIES);
            }
            if (schedules.put(type.toString(), frequency.toString()) != null) {
                throw problem(
                        file, "reportType", type + " is declared twice; Amazon keeps one schedule per report type");
            }
        }
        return new DeclaredSchedules(schedules, Boolean.TRUE.equals(document.get("prune")));
    }

    private static ConfigException problem(Path file, String key, String message) {
        return new ConfigException(List.of(new ConfigProblem(file.toString(), 0, key, message)));
    }
}
