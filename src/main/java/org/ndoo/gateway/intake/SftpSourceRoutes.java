package org.ndoo.gateway.intake;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Wiring only: one route from the {@code sftp-intake} template (routes/sftp-intake.camel.yaml) for each name in
 * {@code gateway.sftp.sources}, and one from the {@code sftp-upload} template (routes/sftp-upload.camel.yaml) for each
 * source whose results go back over SFTP. With no source configured, nothing SFTP starts.
 */
public final class SftpSourceRoutes extends RouteBuilder {

    @Override
    public void configure() {
        PropertiesComponent properties = getContext().getPropertiesComponent();
        SftpSource.configured(key -> properties.resolveProperty(key).orElse(null)).forEach(source -> {
            String name = source.name();
            var route = templatedRoute("sftp-intake").routeId("sftp-intake-" + name);
            source.templateParameters().forEach((key, value) -> route.parameter(key, String.valueOf(value)));
            // Camel's done files (gateway.inbox.done-file-name): only when set, as Camel refuses an empty one
            properties.resolveProperty(DoneFiles.KEY).map(String::strip).filter(p -> !p.isEmpty())
                    .ifPresent(pattern -> route.parameter("doneFileName", pattern));
            // results put back on the server: the source's upload route (routes/sftp-upload.camel.yaml)
            if (source.repliesOverSftp()) {
                var upload = templatedRoute("sftp-upload").routeId("sftp-upload-" + name);
                source.uploadParameters().forEach((key, value) -> upload.parameter(key, String.valueOf(value)));
            }
            log.info("Watching {}{}", source, source.repliesOverSftp() ? ", results back to " + source.replyDir()
                    + (source.repliesByEmail() ? " and by email" : "") : "");
        });
    }
}
