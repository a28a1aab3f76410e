package org.ndoo.gateway.cluster;

/**
 * This node may not act (delete an input, send a mail) because it is not, or can no longer be sure it is, the
 * cluster's leader: what it was doing is left, unfinished and undeleted, for the leader to do again.
 */
public final class NotLeader extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotLeader(String why) {
        super(why, null, false, false);
    }
}
