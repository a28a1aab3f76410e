package org.ndoo.gateway.mesh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.Jsoner;

/** Reads the few fields the client needs from MESH's small JSON answers. Errors never quote the answer. */
final class MeshJson {

    private final Map<?, ?> object;

    private MeshJson(Map<?, ?> object) {
        this.object = object;
    }

    static MeshJson parse(byte[] body, String what) {
        Object parsed;
        try {
            parsed = Jsoner.deserialize(new String(body, StandardCharsets.UTF_8));
        } catch (DeserializationException | RuntimeException e) {
            throw new MeshException("MESH answered " + what + " with something that is not JSON", 0);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new MeshException("MESH answered " + what + " with JSON that is not an object", 0);
        }
        return new MeshJson(map);
    }

    /** The first of {@code names} that is a string, or null. */
    String string(String... names) {
        for (String name : names) {
            if (object.get(name) instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** The strings of array {@code name}; empty if absent. */
    List<String> strings(String name, String what) {
        Object value = object.get(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            throw new MeshException("MESH answered " + what + " with '" + name + "' that is not a list", 0);
        }
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new MeshException("MESH answered " + what + " with a '" + name + "' entry that is not a string", 0);
            }
            result.add(s);
        }
        return result;
    }

    /** {@code name.field} if {@code name} is an object holding a string there, or null. */
    String nested(String name, String field) {
        return object.get(name) instanceof Map<?, ?> inner && inner.get(field) instanceof String s ? s : null;
    }
}
