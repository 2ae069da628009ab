package dev.portallinks.test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange as the server hosting a simulator sees it. A simulator built with
 * {@link PaddleSimulator.Builder#embedded()} has no server of its own: the host (a servlet of a demo application, for
 * example) hands each request to {@link PaddleSimulator#serve(SimulatorExchange)} through this interface.
 *
 * <pre>
 * &#64;WebServlet("/simulator/*")
 * public class SimulatorServlet extends HttpServlet {
 *     private final PaddleSimulator paddle = PaddleSimulator.builder().embedded().apiKey(KEY).start();
 *
 *     &#64;Override
 *     protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
 *         paddle.serve(new ServletExchange(request, response)); // an adapter implementing this interface
 *     }
 * }
 * </pre>
 */
public interface SimulatorExchange {

    /**
     * @return where the simulator is mounted, as the client addressed it, without a trailing slash, e.g.
     *         {@code http://localhost:9080/simulator}: pagination links point below it, and portal links use its
     *         origin ({@code http://localhost:9080/cpl_…})
     */
    URI base();

    /** @return the HTTP method */
    String method();

    /** @return the raw path below {@link #base()}, e.g. {@code /customers/ctm_…/portal-sessions} */
    String path();

    /** @return the raw query string, or null when there is none */
    String rawQuery();

    /** @return the request headers; names in any case */
    Map<String, List<String>> headers();

    /**
     * @return the request body
     * @throws IOException when it cannot be read
     */
    byte[] body() throws IOException;

    /**
     * Sends the answer.
     *
     * @param status the HTTP status
     * @param headers the response headers, {@code Content-Type} among them
     * @param body the body, possibly empty
     * @throws IOException when it cannot be sent
     */
    void respond(int status, Map<String, String> headers, byte[] body) throws IOException;
}
