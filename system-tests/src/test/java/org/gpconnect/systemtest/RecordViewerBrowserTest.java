package org.gpconnect.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gpconnect.devstack.SuiteLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The record viewer in a real browser (issue 6 part 5): headless Debian Chromium loads the page from the
 * packaged gateway's admin port, an operator pastes their token, and patient2's Summary and Medications
 * are rendered through the gateway's consumer path from the real access-record-service. The assertions
 * are on the DOM inside the sandboxed frame, as a consumer system would show it (access-record-html.md
 * §4-§5); screenshots go to {@code target/viewer-*.png}.
 * <p>
 * Chromium and its driver are Debian's ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), named
 * explicitly so that Selenium never tries to download a browser; {@code scripts/test.sh} installs them.
 */
class RecordViewerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PATIENT2 = "9690937286";
    private static final String OPERATOR = "browser-test-operator";

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("This test needs Debian's Chromium and ChromeDriver (%s, %s): scripts/test.sh installs them"
                        + " (apt-get install chromium chromium-driver)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        RunningSuite.get();
        profile = Files.createTempDirectory("viewer-chromium-");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine's network is closed: without these Chromium keeps trying to reach Google's hosts
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1800");
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRendersPatient2sSummaryAndMedicationsAsAConsumerWouldSeeThem() throws Exception {
        SuiteLauncher suite = RunningSuite.get();
        String token = suite.operatorToken(OPERATOR, Duration.ofMinutes(30));
        try {
            browser.get(suite.viewerUrl());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.findElement(By.id("token")).sendKeys(token);
            browser.findElement(By.id("use-token")).click();
            wait.until(ExpectedConditions.textToBe(By.id("token-state"), "Token accepted."));

            new Select(browser.findElement(By.id("practice"))).selectByValue("B82617");
            browser.findElement(By.id("nhs-number")).sendKeys(PATIENT2);

            String summaryTrace = render(wait, "SUM");
            inRecord("Summary", () -> {
                assertThat(texts(By.tagName("h2"))).contains("Active Problems and Issues",
                        "Current Allergies and Adverse Reactions", "Acute Medication (Last 12 Months)", "Current Repeat Medication");
                // patient2's active allergy (clinical.yaml), in the current allergies table of the Summary
                assertThat(browser.findElement(By.id("all-tab-curr")).getText()).contains("Sesame oil");
                // Summary takes no date filter, so it has no date banners (access-record-html.md §4.2)
                assertThat(browser.findElements(By.className("date-banner"))).isEmpty();
                // the patient banner a consumer shows above the record (§3)
                assertThat(browser.findElement(By.className("patient-banner")).getText()).contains("SKELLY", "969 093 7286");
            });
            screenshot("viewer-summary.png");

            render(wait, "MED");
            inRecord("Medications", () -> {
                assertThat(texts(By.tagName("h2"))).containsExactly("Acute Medication (Last 12 Months)", "Current Repeat Medication",
                        "Discontinued Repeat Medication", "All Medication", "All Medication Issues");
                assertThat(browser.findElement(By.id("med-tab-all-sum")).getText()).contains("Sertraline 100mg tablets");
                // no range asked for: every subsection says so (§4.2)
                assertThat(texts(By.className("date-banner"))).isNotEmpty().allMatch(t -> t.equals("All relevant items"));
                // patient2's confidential repeat (Amlodipine) is never shown, and the exclusion is flagged
                assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Amlodipine")
                        .contains("Items excluded due to confidentiality and/or patient preferences");
            });
            screenshot("viewer-medications.png");

            // the rendering went through the consumer path: audited under the viewer's ASID and the operator
            JsonPath audit = given().baseUri(suite.gatewayAdminUrl()).auth().oauth2(token)
                    .queryParam("traceId", summaryTrace).when().get("/admin/audit")
                    .then().statusCode(200).extract().jsonPath().setRootPath("[0]");
            assertThat(audit.getString("consumerAsid")).isEqualTo(SuiteLauncher.VIEWER_ASID);
            assertThat(audit.getString("practitionerId")).isEqualTo(OPERATOR);
            assertThat(audit.getString("interactionId")).isEqualTo("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord");
            assertThat(audit.getInt("httpStatus")).isEqualTo(200);
        } catch (Throwable failure) {
            screenshot("viewer-failure.png");
            throw failure;
        }
    }

    /** Chooses the section, renders, and waits for the result; returns the Ssp-TraceID the page shows. */
    private static String render(WebDriverWait wait, String section) {
        new Select(browser.findElement(By.id("section"))).selectByValue(section);
        WebElement status = browser.findElement(By.id("status"));
        String previous = status.getDomAttribute("data-trace-id");
        browser.findElement(By.id("render")).click();
        wait.until(d -> "failed".equals(status.getDomAttribute("data-state"))
                || ("rendered".equals(status.getDomAttribute("data-state")) && !java.util.Objects.equals(previous, status.getDomAttribute("data-trace-id"))));
        assertThat(status.getDomAttribute("data-state"))
                .as("%s: %s", status.getText(), browser.findElement(By.id("problem")).getText())
                .isEqualTo("rendered");
        assertThat(status.getText()).startsWith("HTTP 200");
        return status.getDomAttribute("data-trace-id");
    }

    /** Runs the checks inside the frame the record is shown in, once it shows the section, then returns to the page. */
    private static void inRecord(String title, Runnable checks) {
        browser.switchTo().frame(browser.findElement(By.id("record")));
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.tagName("h1")).stream()
                    .anyMatch(h1 -> h1.getText().strip().equals(title)));
            checks.run();
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private static List<String> texts(By by) {
        return browser.findElements(by).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /** The whole page, not only the window (the record can be long), as {@code target/<name>}. */
    private static void screenshot(String name) throws Exception {
        if (browser == null) {
            return;
        }
        ChromeDriver chrome = (ChromeDriver) browser;
        Path file = Files.createDirectories(Path.of("target")).resolve(name);
        try {
            Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (RuntimeException e) {
            // the DevTools route is a nicety: the visible window is still a screenshot
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
