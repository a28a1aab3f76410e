package org.ndoo.gateway.intake;

import java.util.Arrays;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Wiring only: one route from the {@code sftp-intake} template (routes/sftp-intake.camel.yaml) for each name in
 * {@code gateway.sftp.sources}. With no source configured, nothing SFTP starts.
 */
public final class SftpSourceRoutes extends RouteBuilder {

    @Override
    public void configure() {
        PropertiesComponent properties = getContext().getPropertiesComponent();
        String names = properties.resolveProperty("gateway.sftp.sources").orElse("");
        Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).forEach(name -> {
            SftpSource source = SftpSource.from(name,
                    key -> properties.resolveProperty("gateway.sftp." + name + "." + key).orElse(null));
            var route = templatedRoute("sftp-intake").routeId("sftp-intake-" + name);
            source.templateParameters().forEach((key, value) -> route.parameter(key, String.valueOf(value)));
            // Camel's done files (gateway.inbox.done-file-name): only when set, as Camel refuses an empty one
            properties.resolveProperty(DoneFiles.KEY).map(String::strip).filter(p -> !p.isEmpty())
                    .ifPresent(pattern -> route.parameter("doneFileName", pattern));
            log.info("Watching {}", source);
        });
    }
}
