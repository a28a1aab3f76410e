package org.ndoo.gateway;

import java.util.Arrays;

import org.apache.camel.main.Main;
import org.ndoo.gateway.lookup.SandboxServer;

/**
 * Starts the gateway: Camel Main with the routes in {@code routes/} and the settings in
 * {@code config/application.properties}, both relative to the working directory.
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
            SandboxServer.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTIES);
        main.configure().withRoutesIncludePattern(ROUTES);
        main.run(args);
    }
}
