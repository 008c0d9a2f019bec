package io.socialbot.incident.chart;

import io.socialbot.incident.IncidentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The digest's PNG chart, drawn with XChart. */
@Configuration(proxyBeanMethods = false)
class ChartConfiguration {

    @Bean
    XChartDigestChart digestChart(IncidentProperties properties) {
        return new XChartDigestChart(properties.chartWidth(), properties.chartHeight(), properties.zone());
    }
}
