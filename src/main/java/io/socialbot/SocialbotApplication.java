package io.socialbot;

import io.socialbot.cli.SocialbotCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: runs the bot, or a one-shot command ({@code replay}, {@code eval}, {@code train}) and exits. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SocialbotApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (SocialbotCommands.isCommand(args)) {
            System.exit(SocialbotCommands.execute(args));
        }
        SpringApplication.run(SocialbotApplication.class, args);
    }
}
