package org.ndoo.gateway;

import java.util.Arrays;

import org.apache.camel.main.Main;
import org.ndoo.gateway.lookup.SandboxServer;
import org.ndoo.gateway.startup.GatewayStartup;
import org.ndoo.gateway.startup.StartupRefused;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway: Camel Main with the routes in {@code routes/} and the settings in
 * {@code config/application.properties}, both relative to the working directory, guarded by {@link GatewayStartup}
 * (one gateway per work directory, ports free, a ready line). A refused start is one line and exit status 1.
 * <p>
 * {@code sandbox-server} as first argument starts the sandbox opt-out registry as an HTTP lookup service instead.
 */
public final class GatewayMain {

    /** Where the route files are, relative to the working directory. */
    public static final String ROUTES = "file:routes/*.camel.yaml";
    /** Where the settings are, relative to the working directory. */
    public static final String PROPERTIES = "file:config/application.properties";

    private GatewayMain() {
    }

    public static void main(String... args) throws Exception {
        if (args.length > 0 && "sandbox-server".equals(args[0])) {
            System.exit(SandboxServer.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTIES);
        main.configure().withRoutesIncludePattern(ROUTES);
        GatewayStartup startup = GatewayStartup.withWorkDirectoryLock();
        main.addMainListener(startup);
        StartupRefused refused = null;
        try {
            main.run(args);
        } catch (Exception e) {
            // refused by a bean as Camel made it (the state database...), if not before Camel configured anything
            refused = StartupRefused.in(e);
            if (startup.refusal() == null && refused == null) {
                throw e;
            }
        }
        if (startup.refusal() != null) {
            refused = startup.refusal();
        }
        if (refused != null) {
            LoggerFactory.getLogger(GatewayMain.class).error("Not started: {}", refused.getMessage());
            System.exit(1);
        }
    }
}
