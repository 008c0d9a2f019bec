package io.socialbot.incident.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; {@code .ci/run} installs them).
 * Tests skip, saying why, only when neither is on the machine; a browser that is there but fails to start fails.
 */
final class Browsers {

    static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browsers() {
    }

    static ChromeDriver chromium(int width, int height) {
        Optional<Path> browser = first(System.getProperty("chromium.binary"), BROWSERS);
        Optional<Path> driver = first(System.getProperty("chromedriver.binary"), DRIVERS);
        assumeTrue(browser.isPresent() && driver.isPresent(), "No headless browser on this machine (looked for "
                + BROWSERS + " and " + DRIVERS + "): install Debian's chromium and chromium-driver, as .ci/run does."
                + " The incident page's browser tests are skipped.");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> first(String configured, List<String> candidates) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Laptop and phone widths, whole page; copied to docs/ with -Dincident.page.screenshots=docs. */
    static void screenshots(ChromeDriver browser, Path into) throws IOException {
        Files.createDirectories(into);
        for (var size : List.of(new int[]{1280, 0}, new int[]{390, 0})) {
            browser.manage().window().setSize(new Dimension(size[0], 900));
            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(size[0], (int) height));
            Path shot = into.resolve(size[0] < 600 ? "incident-page-phone.png" : "incident-page.png");
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            if ("docs".equals(System.getProperty("incident.page.screenshots"))) {
                Files.createDirectories(Path.of("docs"));
                Files.copy(shot, Path.of("docs").resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
