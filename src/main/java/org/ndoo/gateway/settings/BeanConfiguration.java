package org.ndoo.gateway.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.CamelConfiguration;

/**
 * A camel-main configuration class (listed in {@code camel.main.configuration-classes}) whose
 * {@code @BindToRegistry} methods make each bean once. Camel Main 4.18 post-processes a configuration class twice
 * (when it makes the class, and again when it loads the configurations), calling every {@code @BindToRegistry}
 * method twice on the same instance: {@link #once} hands back what the first call made. A bean method may call
 * another one of its class for a bean it needs, in any order.
 */
public abstract class BeanConfiguration implements CamelConfiguration {

    private final Map<String, Object> made = new HashMap<>();

    /** The bean named {@code name}, made by {@code make} at the first call. */
    @SuppressWarnings("unchecked")
    protected final synchronized <T> T once(String name, Supplier<T> make) {
        Object bean = made.get(name);
        if (bean == null) {
            bean = make.get();
            made.put(name, bean);
        }
        return (T) bean;
    }
}
