package io.socialbot;

import io.socialbot.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: runs the bot, or a one-shot command ({@code replay}, {@code eval}, {@code train}, {@code bench}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SocialbotApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        var command = CommandLine.parse(args);
        if (command.isPresent()) {
            command.get().run();
            return;
        }
        SpringApplication.run(SocialbotApplication.class, args);
    }
}
