package org.ndoo.gateway.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which file a path held when a submission was opened: its file key (device and inode on Linux), size and
 * modification time. A path that holds another identity later holds another file (replaced, or renamed over).
 */
public record FileIdentity(Object key, long size, FileTime modified) {

    /** The identity of the file at {@code path} now (the path itself, never a link's target); null if it is gone. */
    public static FileIdentity of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileIdentity(a.fileKey(), a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code path} still holds this very file, unchanged. */
    public boolean isAt(Path path) {
        return equals(of(path));
    }
}
