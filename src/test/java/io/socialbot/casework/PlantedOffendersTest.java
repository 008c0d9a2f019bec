package io.socialbot.casework;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.socialbot.ArchitectureTest;
import io.socialbot.incident.IncidentStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each rule of {@link ArchitectureTest} fails on the product's classes plus one planted offender in this core
 * package: a rule over a package that does not exist, or one that cannot fail, would pass here and fail this test.
 * (Nested in a test class, so Spring's test scan never picks the planted configuration up.)
 */
class PlantedOffendersTest {

    /** casework -> incident, while incident uses casework: a cycle and an upward dependency. */
    static final class UsesIncident {
        IncidentStore incidents;
    }

    /** casework naming the X adapter, which must stay a leaf. */
    static final class UsesTheXAdapter {
        io.socialbot.x.XProperties x;
    }

    /** A core configuration wiring a Jedis type, as {@code CaseworkConfiguration} once did. */
    @Configuration(proxyBeanMethods = false)
    static class JedisConfiguration {
        @Bean
        Object caseStore(UnifiedJedis redis) {
            return redis;
        }
    }

    /** A public configuration. */
    @Configuration(proxyBeanMethods = false)
    public static class PublicConfiguration {
    }

    /** The product's classes and the one planted class {@code offender}. */
    private static JavaClasses productWith(Class<?> offender) {
        String planted = offender.getName().replace('.', '/') + ".class";
        return new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains(planted))
                .importPackages("io.socialbot");
    }

    @Test
    void theProductAloneKeepsEveryRule() {
        JavaClasses product = ArchitectureTest.importMain(new ClassFileImporter());
        ArchitectureTest.noCycles().check(product);
        ArchitectureTest.oneWay().check(product);
        ArchitectureTest.leaves().check(product);
        ArchitectureTest.plainCores().check(product);
        ArchitectureTest.packagePrivateConfigurations().check(product);
    }

    @Test
    void aPlantedCycleFailsTheCycleRule() {
        assertThatThrownBy(() -> ArchitectureTest.noCycles().check(productWith(UsesIncident.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: Slice casework")
                .hasMessageContaining("UsesIncident");
    }

    @Test
    void aPlantedUpwardDependencyFailsTheOneWayRule() {
        assertThatThrownBy(() -> ArchitectureTest.oneWay().check(productWith(UsesIncident.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("casework must not use what sits above it")
                .hasMessageContaining("PlantedOffendersTest$UsesIncident");
    }

    @Test
    void aPlantedImportOfTheXAdapterFailsTheLeafRule() {
        assertThatThrownBy(() -> ArchitectureTest.leaves().check(productWith(UsesTheXAdapter.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedOffendersTest$UsesTheXAdapter");
    }

    @Test
    void aJedisImportInACoreConfigurationFailsThePlainCoreRule() {
        assertThatThrownBy(() -> ArchitectureTest.plainCores().check(productWith(JedisConfiguration.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedOffendersTest$JedisConfiguration")
                .hasMessageContaining("redis.clients.jedis.UnifiedJedis");
    }

    @Test
    void aPublicConfigurationFailsThePackagePrivateRule() {
        assertThatThrownBy(() -> ArchitectureTest.packagePrivateConfigurations()
                .check(productWith(PublicConfiguration.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedOffendersTest$PublicConfiguration");
    }
}
