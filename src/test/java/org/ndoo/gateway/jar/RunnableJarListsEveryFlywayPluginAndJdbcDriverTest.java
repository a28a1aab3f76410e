package org.ndoo.gateway.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one jar keeps one copy of each META-INF/services file, the gateway's own (src/assembly/runnable-jar.xml puts
 * its files first): for the Flyway plugins and the JDBC drivers that copy lists every entry of every dependency's
 * copy, so that Flyway finds its PostgreSQL support and its classpath scanner, and both drivers register.
 */
class RunnableJarListsEveryFlywayPluginAndJdbcDriverTest {

    @ParameterizedTest
    @ValueSource(strings = { "org.flywaydb.core.extensibility.Plugin", "java.sql.Driver" })
    void theJarsServiceFileListsWhatEveryDependencyLists(String service) throws IOException {
        String name = "META-INF/services/" + service;
        Set<String> dependencies = new TreeSet<>();
        for (URL copy : Collections.list(getClass().getClassLoader().getResources(name))) {
            if (!copy.getProtocol().equals("file")) {
                try (InputStream in = copy.openStream()) {
                    dependencies.addAll(entries(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        try (ZipFile jar = new ZipFile(Path.of("target", "ndoo-gateway.jar").toFile());
                InputStream in = jar.getInputStream(jar.getEntry(name))) {
            assertEquals(dependencies, entries(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        assertEquals(dependencies, entries(Files.readString(Path.of("src/main/resources", name))));
    }

    private static Set<String> entries(String file) {
        Set<String> entries = new TreeSet<>();
        file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(entries::add);
        return entries;
    }
}
