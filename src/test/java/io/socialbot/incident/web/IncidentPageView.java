package io.socialbot.incident.web;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/** The incident page as headless Chromium shows it: opened at the tests' window size, read by figure or selector. */
final class IncidentPageView {

    private final ChromeDriver browser;

    IncidentPageView(ChromeDriver browser) {
        this.browser = browser;
    }

    /** The hours table's row for {@code hour} as the page should show it: label, negative, neutral, positive, all. */
    static String row(IncidentPageSeed.Hour hour, String label) {
        return label + " " + hour.negative() + " " + hour.neutral() + " " + hour.positive() + " " + hour.total();
    }

    void open(String url) {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url);
    }

    String figure(String name) {
        return browser.findElement(By.cssSelector("[data-figure='" + name + "']")).getText();
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getText()).toList();
    }
}
