package dev.portallinks.impl.paddle;

import jakarta.json.bind.annotation.JsonbProperty;

/** Paddle's {@code meta} object: the request ID and, for lists, the pagination. */
public class PaddleMeta {

    /** Paddle's ID of the request; quote it to Paddle support. */
    @JsonbProperty("request_id")
    public String requestId;

    /** Present on list responses. */
    public Pagination pagination;

    /** Paddle's {@code meta.pagination}. */
    public static class Pagination {

        /** How many entities a page holds. */
        @JsonbProperty("per_page")
        public Integer perPage;

        /** The URL of the next page; Paddle sends it even on the last page. */
        public String next;

        /** Whether another page follows. */
        @JsonbProperty("has_more")
        public boolean hasMore;

        /** Paddle's estimate of the total count. */
        @JsonbProperty("estimated_total")
        public Integer estimatedTotal;
    }
}
