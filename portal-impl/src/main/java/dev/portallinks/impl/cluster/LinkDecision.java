package dev.portallinks.impl.cluster;

/**
 * The shared per-customer limit's answer to one link. Immutable.
 *
 * @param allowed whether the link may be created
 * @param allowedAtMillis for a refusal: when the next link will be allowed (epoch milliseconds); 0 when allowed
 * @param firstRefusal for a refusal: whether it is the first since the customer's last allowed link, cluster-wide (logged
 *        as a WARNING; the others at FINE)
 */
public record LinkDecision(boolean allowed, long allowedAtMillis, boolean firstRefusal) {

    /** An allowed link. */
    public static final LinkDecision ALLOWED = new LinkDecision(true, 0, false);

    /**
     * A refused link.
     *
     * @param allowedAtMillis when the next link will be allowed
     * @param first whether it is the first refusal since the last allowed link
     * @return the decision, never null
     */
    public static LinkDecision refused(long allowedAtMillis, boolean first) {
        return new LinkDecision(false, allowedAtMillis, first);
    }
}
