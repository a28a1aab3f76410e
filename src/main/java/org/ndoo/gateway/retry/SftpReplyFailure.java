package org.ndoo.gateway.retry;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;

import static org.ndoo.gateway.retry.Failure.Told.OPERATOR;

/**
 * A result that could not be put back on an SFTP server (reply {@code sftp} or {@code both}): the server down or
 * refusing the login, the reply folder not writable, its disk full. Retried like a mail: in place with back-off,
 * then later, the input staying on the server, until {@code gateway.retry.max-age}; then the operator is told (the
 * pushing system reads no email, and its reply folder is what failed). Words from the SFTP status, never the
 * server's message text.
 */
final class SftpReplyFailure {

    private SftpReplyFailure() {
    }

    /** The failure for an exception of the SFTP client (JSch) met while uploading a reply. */
    static Failure of(Throwable t) {
        String what = t instanceof SftpException sftp ? status(sftp.id) : "no connection or login to the server";
        return new Failure("failed", "The gateway could not put the result back on the SFTP server (" + what + ")",
                "the SFTP reply failed: " + what, OPERATOR, true, true, null);
    }

    private static String status(int id) {
        return switch (id) {
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> "the reply folder is not there and could not be made";
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> "permission denied in the reply folder";
            case ChannelSftp.SSH_FX_FAILURE -> "the server could not write the file, for example as its disk is full";
            case ChannelSftp.SSH_FX_CONNECTION_LOST, ChannelSftp.SSH_FX_NO_CONNECTION -> "the connection was lost";
            default -> "SFTP status " + id;
        };
    }
}
