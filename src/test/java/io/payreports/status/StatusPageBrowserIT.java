package io.payreports.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payreports.config.PayreportsApplication;
import io.payreports.jobs.JobRun;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator page in a real browser: Debian's headless Chromium, driven through its chromedriver by Selenium
 * WebDriver (both paths given, so nothing is downloaded at run time), against the demo job run in-process with the
 * simulator. The page lists the job's run; a dead letter put in the job's folder is replayed with the page's button
 * and lands in the file sink. Screenshots stay in target/ as build artefacts.
 */
class StatusPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "browser-test-replay-token-4f1c";
    private static final String JOB = "amazonpay-settlement";
    private static final String INJECTED = "INJECTED1";

    @TempDir
    Path dir;

    @BeforeAll
    static void browserInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    @Test
    void theJobsTableShowsTheRunAndTheReplayButtonDeliversADeadLetter() throws Exception {
        int port = freePort();
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "camel.management.enabled = true",
                        "camel.management.host = 127.0.0.1",
                        "camel.management.port = " + port,
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.status.replay-token = " + TOKEN,
                        ""));
        String page = "http://127.0.0.1:" + port + StatusPage.PATH;
        try (PayreportsApplication application = PayreportsApplication.create(config, Optional.empty())) {
            application.start();
            application.triggerAllJobs();
            // the demo's jobs: the settlement reports and the disbursements that reconcile them, of its two accounts
            assertThat(application.jobRuns().awaitFinished(4, Duration.ofMinutes(3)))
                    .isTrue();
            JobRun run = application.jobRuns().lastFinished(JOB).orElseThrow();
            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            Path letter = injectDeadLetter();

            assertThat(post("job=" + JOB + "&file=" + letter.getFileName() + "&token=wrong", port))
                    .as("a wrong token replays nothing")
                    .isEqualTo(403);
            assertThat(post("job=" + JOB + "&file=..%2F..%2Fsecrets.jsonl&token=" + TOKEN, port))
                    .as("only a file of the job's dead-letter folder")
                    .isEqualTo(404);
            assertThat(letter).exists();

            ChromeDriver browser = browser();
            try {
                browser.get(page);
                List<WebElement> rows = browser.findElements(By.cssSelector("#jobs tbody tr"));
                assertThat(rows)
                        .extracting(row -> row.getAttribute("data-job"))
                        .containsExactlyInAnyOrder(
                                JOB,
                                "amazonpay-disbursements",
                                "amazonpay-settlement-eu",
                                "amazonpay-disbursements-eu");
                WebElement row = browser.findElement(By.cssSelector("#jobs tr[data-job='" + JOB + "']"));
                assertThat(cell(row, "Outcome")).isEqualTo("ok");
                assertThat(cell(row, "Records")).isEqualTo(Long.toString(run.records()));
                assertThat(cell(row, "Dead-lettered")).isEqualTo("0");
                assertThat(cell(row, "Last run start")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
                assertThat(cell(row, "Watermark")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
                assertThat(cell(row, "Next run")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
                assertThat(cell(row, "Dead letters")).isEqualTo("1 waiting");
                screenshot(browser, "status-page.png");

                WebElement item = browser.findElement(By.cssSelector("li[data-file='" + letter.getFileName() + "']"));
                item.findElement(By.name("token")).sendKeys(TOKEN);
                item.findElement(By.tagName("button")).click();

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !browser.findElements(By.id("notice")).isEmpty());
                assertThat(browser.findElement(By.id("notice")).getText())
                        .isEqualTo("Replay of " + JOB + "/" + letter.getFileName() + ": 1 records delivered to file");
                assertThat(dir.resolve("out/amazonpay_settlement/" + INJECTED + ".jsonl"))
                        .as("the record is in the file sink")
                        .exists();
                assertThat(letter.resolveSibling(letter.getFileName() + ".replayed"))
                        .exists();
                assertThat(letter).doesNotExist();
                WebElement replayRow = browser.findElement(By.cssSelector("#jobs tr[data-job='replay-" + JOB + "']"));
                assertThat(cell(replayRow, "Outcome")).isEqualTo("ok");
                assertThat(cell(replayRow, "Records")).isEqualTo("1");
                screenshot(browser, "status-page-replayed.png");

                browser.manage().window().setSize(new Dimension(390, 844)); // a phone
                browser.get(page);
                assertThat(browser.findElement(By.cssSelector("#jobs thead")).isDisplayed())
                        .as("on a phone each job is a card, without the header row")
                        .isFalse();
                screenshot(browser, "status-page-phone.png");
            } finally {
                browser.quit();
            }
        }
    }

    /** A record of the run's output as a file sink's dead letter of another report, as the dead-letter writer names it. */
    private Path injectDeadLetter() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path delivered;
        try (Stream<Path> files = Files.list(dir.resolve("out/amazonpay_settlement"))) {
            delivered = files.filter(file -> file.toString().endsWith(".jsonl"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        ObjectNode record = (ObjectNode) json.readTree(
                Files.readAllLines(delivered, StandardCharsets.UTF_8).get(0));
        record.put("reportId", INJECTED);
        ObjectNode letter = json.createObjectNode()
                .put("jobId", JOB)
                .put("reportId", INJECTED)
                .put("reportType", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_")
                .put("lineNumber", record.get("lineNumber").asLong())
                .put("reason", "injected by the test")
                .put("exceptionClass", "java.io.IOException")
                .put("failedAt", "2026-01-01T00:00:00Z")
                .put("sink", "file");
        letter.set("record", record);
        Path folder = Files.createDirectories(dir.resolve("out/dead-letter/" + JOB));
        return Files.writeString(
                folder.resolve("20260101T000000Z_" + INJECTED + "_file.jsonl"), json.writeValueAsString(letter) + "\n");
    }

    private ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The cell of a job row under {@code column} (each cell carries its column's name for the phone layout). */
    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-label='" + column + "']"))
                .getText();
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int post(String form, int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + StatusPage.REPLAY_PATH))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
