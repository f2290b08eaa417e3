package org.gpconnect.gateway.viewer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The viewer's page on the admin port: one HTML shell, its script and stylesheets, and the plain stylesheet
 * the rendered record is shown with. Static, holding no patient data, so it needs no token; everything it
 * shows comes from {@code /viewer/api}, which does. Never on the consumer listener, which forwards only
 * registered service roots.
 */
@Path("/viewer")
public class ViewerPage {

    /** The page's files (classpath {@code viewer/}) and their media types; nothing else is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "viewer.js", "text/javascript;charset=utf-8",
            "viewer.css", "text/css;charset=utf-8",
            "record.css", "text/css;charset=utf-8");

    private final byte[] shell = load("index.html");
    private final Map<String, byte[]> assets = Map.of(
            "viewer.js", load("viewer.js"), "viewer.css", load("viewer.css"), "record.css", load("record.css"));

    @GET
    public Response shell() {
        return Response.ok(shell, "text/html;charset=utf-8").build();
    }

    @GET
    @Path("/{asset:[a-z]+\\.(?:js|css)}")
    public Response asset(@PathParam("asset") String name) {
        byte[] content = assets.get(name);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, ASSETS.get(name)).build();
    }

    private static byte[] load(String name) {
        try (InputStream in = ViewerPage.class.getClassLoader().getResourceAsStream("viewer/" + name)) {
            if (in == null) {
                throw new IllegalStateException("viewer/" + name + " is missing from the gateway's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
